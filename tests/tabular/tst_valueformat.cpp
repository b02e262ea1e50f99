// SPDX-License-Identifier: Apache-2.0
// Value classification, canonical spellings and per-column type inference.

#include "tabular/hashing.h"
#include "tabular/typeinference.h"
#include "tabular/valueformat.h"

#include <QTest>

using namespace lakeside::tabular;

Q_DECLARE_METATYPE(lakeside::tabular::ColumnType)

class TestValueFormat : public QObject {
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void canonical_data();
    void canonical();
    void hashAgreesWithCanonical_data() { canonical_data(); }
    void hashAgreesWithCanonical();
    void inference_data();
    void inference();
};

void TestValueFormat::classify_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<ColumnType>("type");
    QTest::addRow("int") << "42" << ColumnType::Integer;
    QTest::addRow("negative int") << "-7" << ColumnType::Integer;
    QTest::addRow("leading zeros are text") << "00501" << ColumnType::Text;
    QTest::addRow("decimal") << "3.25" << ColumnType::Decimal;
    QTest::addRow("exponent") << "1e3" << ColumnType::Decimal;
    QTest::addRow("leading dot") << ".5" << ColumnType::Decimal;
    QTest::addRow("bool") << "TRUE" << ColumnType::Boolean;
    QTest::addRow("date") << "2024-01-05" << ColumnType::Date;
    QTest::addRow("short date") << "2024-1-5" << ColumnType::Date;
    QTest::addRow("invalid date") << "2023-02-29" << ColumnType::Text;
    QTest::addRow("timestamp") << "2024-01-05T10:00:00Z" << ColumnType::Timestamp;
    QTest::addRow("timestamp space offset") << "2024-01-05 10:00:00.250+01:00" << ColumnType::Timestamp;
    QTest::addRow("null token") << "NULL" << ColumnType::Unknown;
    QTest::addRow("text") << "hello" << ColumnType::Text;
    QTest::addRow("version is text") << "1.2.3" << ColumnType::Text;
}

void TestValueFormat::classify()
{
    QFETCH(QString, value);
    QFETCH(ColumnType, type);
    const std::string v = value.toStdString();
    QCOMPARE(classifyValue(v), type);
}

void TestValueFormat::canonical_data()
{
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::addRow("1.0 == 1") << ColumnType::Decimal << "1.0" << "1" << true;
    QTest::addRow("1e3 == 1000") << ColumnType::Decimal << "1e3" << "1000" << true;
    QTest::addRow("+5 == 5") << ColumnType::Integer << "+5" << "5" << true;
    QTest::addRow("0.50 == .5") << ColumnType::Decimal << "0.50" << ".5" << true;
    QTest::addRow("-0 == 0") << ColumnType::Decimal << "-0.0" << "0" << true;
    QTest::addRow("1.5 != 1.50001") << ColumnType::Decimal << "1.5" << "1.50001" << false;
    QTest::addRow("exact beyond double") << ColumnType::Decimal << "12345678901234567891" << "12345678901234567892"
                                         << false;
    QTest::addRow("1e2 == 100.00") << ColumnType::Decimal << "1e2" << "100.00" << true;
    QTest::addRow("-1.5 != 1.5") << ColumnType::Decimal << "-1.5" << "1.5" << false;
    QTest::addRow("10.50 == 1.05e1") << ColumnType::Decimal << "10.50" << "1.05e1" << true;
    QTest::addRow("25 digits == same scaled") << ColumnType::Decimal << "1234567890123456789012345"
                                              << "1.234567890123456789012345e24" << true;
    QTest::addRow("20 vs 19 digits") << ColumnType::Decimal << "12345678901234567890" << "1234567890123456789e1"
                                     << true;
    QTest::addRow("dates") << ColumnType::Date << "2024-1-5" << "2024-01-05" << true;
    QTest::addRow("ts offset") << ColumnType::Timestamp << "2024-01-05 10:00:00+01:00" << "2024-01-05T09:00:00Z"
                               << true;
    QTest::addRow("ts day wrap") << ColumnType::Timestamp << "2024-03-01T00:30:00+01:00" << "2024-02-29T23:30:00Z"
                                 << true;
    QTest::addRow("ts fraction") << ColumnType::Timestamp << "2024-01-05T10:00:00.500" << "2024-01-05T10:00:00.5"
                                 << true;
    QTest::addRow("date in ts column") << ColumnType::Timestamp << "2024-01-05" << "2024-01-05T00:00:00" << true;
    QTest::addRow("naive vs utc differ") << ColumnType::Timestamp << "2024-01-05T10:00:00" << "2024-01-05T10:00:00Z"
                                         << false;
    QTest::addRow("bool case") << ColumnType::Boolean << "True" << "true" << true;
}

void TestValueFormat::canonical()
{
    QFETCH(ColumnType, type);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    std::string ca, cb;
    QVERIFY(canonicalValue(type, a.toStdString(), ca));
    QVERIFY(canonicalValue(type, b.toStdString(), cb));
    QCOMPARE(ca == cb, equal);
}

void TestValueFormat::hashAgreesWithCanonical()
{
    // The diff decides "unchanged" from hashes alone: they must agree with
    // the canonical spellings, including numbers too long for the fast path.
    QFETCH(ColumnType, type);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    const std::string sa = a.toStdString(), sb = b.toStdString();
    std::string scratch;
    const uint64_t ha = lakeside::tabular::detail::cellHash(Cell{sa, false}, type, true, scratch);
    const uint64_t hb = lakeside::tabular::detail::cellHash(Cell{sb, false}, type, true, scratch);
    QCOMPARE(ha == hb, equal);
    QCOMPARE(lakeside::tabular::detail::cellsEqual(Cell{sa, false}, Cell{sb, false}, type, true), equal);
}

void TestValueFormat::inference_data()
{
    QTest::addColumn<QStringList>("values"); // "~" = null cell
    QTest::addColumn<ColumnType>("type");
    QTest::addRow("ints with blanks and NULL") << QStringList{"1", "~", "NULL", "3", "NA"} << ColumnType::Integer;
    QTest::addRow("int and decimal") << QStringList{"1", "2.5"} << ColumnType::Decimal;
    QTest::addRow("real text wins") << QStringList{"1", "2", "three"} << ColumnType::Text;
    QTest::addRow("date and timestamp") << QStringList{"2024-01-01", "2024-01-02T03:04:05"} << ColumnType::Timestamp;
    QTest::addRow("date and int is text") << QStringList{"2024-01-01", "5"} << ColumnType::Text;
    QTest::addRow("booleans") << QStringList{"true", "FALSE", "~"} << ColumnType::Boolean;
    QTest::addRow("all null") << QStringList{"~", "~"} << ColumnType::Unknown;
}

void TestValueFormat::inference()
{
    QFETCH(QStringList, values);
    QFETCH(ColumnType, type);
    Schema schema;
    schema.columns.push_back(Column{"c"});
    TypeInference inf(schema);
    for (const QString& v : values) {
        const std::string s = v.toStdString();
        Row row;
        row.cells.push_back(v == QStringLiteral("~") ? Cell{{}, true} : Cell{s, false});
        inf.observe(row);
    }
    QCOMPARE(inf.result().columns[0].type, type);
}

QTEST_GUILESS_MAIN(TestValueFormat)
#include "tst_valueformat.moc"
