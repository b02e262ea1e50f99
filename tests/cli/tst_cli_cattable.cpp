// SPDX-License-Identifier: Apache-2.0
// `lakeside-cli fs cat --table lakefs://REPO/REF/PATH [--limit N]`: a table's
// rows as CSV (header first) for CSV, TSV, NDJSON and Parquet objects (the
// committed DuckDB fixture tests/parquet/data/small.parquet), --json, and
// clear errors for objects that are not tables or not readable.

#include "clitestutil.h"

#include <QFile>

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliCatTable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rowsAsCsv_data();
    void rowsAsCsv();
    void parquetRows();
    void jsonRows();
    void errors_data();
    void errors();

private:
    std::unique_ptr<Harness> m_h;
};

void TestCliCatTable::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://shop"}), 0);
    const auto upload = [&](const std::string& name, const std::string& content) {
        const std::string local = m_h->writeFile(name, content);
        CLI_EXPECT(m_h->run({"fs", "upload", "--source", local, "lakefs://shop/main/" + name}), 0);
    };
    upload("t/orders.csv", "id,city,note\n1,Berlin,\"a, b\"\n2,Paris,\n3,Rome,\"say \"\"hi\"\"\"\n");
    upload("t/orders.tsv", "id\tcity\n1\tBerlin\n2\tParis\n");
    upload("t/orders.ndjson", "{\"id\":1,\"city\":\"Berlin\"}\n{\"id\":2,\"city\":null}\n");
    upload("README.md", "# shop\n");
    upload("t/broken.csv", "id,city\n1,Berlin\n2,\"Paris\n");
    const QString fixture = QFINDTESTDATA("../parquet/data/small.parquet");
    QVERIFY2(!fixture.isEmpty(), "tests/parquet/data/small.parquet is missing");
    QFile f(fixture);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const std::string parquet = f.readAll().toStdString();
    upload("t/small.parquet", parquet);
    upload("t/truncated.parquet", parquet.substr(0, parquet.size() - 100));
    CLI_EXPECT(m_h->run({"commit", "lakefs://shop/main", "-m", "tables"}), 0);
}

void TestCliCatTable::rowsAsCsv_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("limit");
    QTest::addColumn<QString>("expected");
    QTest::addRow("csv, quoting kept") << "t/orders.csv" << ""
                                       << "id,city,note\n1,Berlin,\"a, b\"\n2,Paris,\n3,Rome,\"say \"\"hi\"\"\"\n";
    QTest::addRow("csv, --limit 1") << "t/orders.csv" << "1" << "id,city,note\n1,Berlin,\"a, b\"\n";
    QTest::addRow("csv, --limit 0 is the header") << "t/orders.csv" << "0" << "id,city,note\n";
    QTest::addRow("tsv") << "t/orders.tsv" << "" << "id,city\n1,Berlin\n2,Paris\n";
    QTest::addRow("ndjson, null empty") << "t/orders.ndjson" << "" << "id,city\n1,Berlin\n2,\n";
    QTest::addRow("parquet, --limit 3") << "t/small.parquet" << "3"
                                        << "id,name,amount,tags\n,name-0,0.0,\n1,name-1,1.5,\"[1,2]\"\n2,name-2,3.0,\"[2,3]\"\n";
}

void TestCliCatTable::rowsAsCsv()
{
    QFETCH(QString, path);
    QFETCH(QString, limit);
    QFETCH(QString, expected);
    std::vector<std::string> args{"fs", "cat", "--table", "lakefs://shop/main/" + path.toStdString()};
    if (!limit.isEmpty()) args.insert(args.end(), {"--limit", limit.toStdString()});
    const Run r = m_h->run(args);
    CLI_EXPECT(r, 0);
    QCOMPARE(QString::fromStdString(r.out), expected);
}

void TestCliCatTable::parquetRows()
{
    // Every row of both row groups, in order.
    const Run r = m_h->run({"fs", "cat", "--table", "lakefs://shop/main/t/small.parquet"});
    CLI_EXPECT(r, 0);
    const QStringList lines = QString::fromStdString(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3001);
    QCOMPARE(lines.first(), QStringLiteral("id,name,amount,tags"));
    QCOMPARE(lines.at(2049), QStringLiteral(",name-3,3072.0,\"[2048,2049]\"")); // row 2048: first of row group 1
    QCOMPARE(lines.last(), QStringLiteral("2999,name-4,4498.5,\"[2999,3000]\""));
}

void TestCliCatTable::jsonRows()
{
    const Run r = m_h->run({"--json", "fs", "cat", "--table", "--limit", "2", "lakefs://shop/main/t/small.parquet"});
    CLI_EXPECT(r, 0);
    const Json j = r.json();
    QVERIFY2(j["columns"] == Json::parse(R"(["id","name","amount","tags"])"), r.out.c_str());
    QCOMPARE(j["rows"].size(), size_t(2));
    QVERIFY(j["rows"][0][0].is_null());
    QCOMPARE(j["rows"][1][3].get<std::string>(), std::string("[1,2]"));
}

void TestCliCatTable::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("not a table") << QStringList{"fs", "cat", "--table", "lakefs://shop/main/README.md"} << 1
                                 << "'README.md' is not a table";
    QTest::addRow("missing object") << QStringList{"fs", "cat", "--table", "lakefs://shop/main/t/none.csv"} << 1
                                    << "t/none.csv";
    QTest::addRow("truncated parquet names the object")
        << QStringList{"fs", "cat", "--table", "lakefs://shop/main/t/truncated.parquet"} << 1 << "t/truncated.parquet";
    QTest::addRow("csv syntax error names the line")
        << QStringList{"fs", "cat", "--table", "lakefs://shop/main/t/broken.csv"} << 1 << "t/broken.csv:3";
    QTest::addRow("--limit needs --table") << QStringList{"fs", "cat", "--limit", "2", "lakefs://shop/main/README.md"}
                                           << 2 << "--limit needs --table";
    QTest::addRow("negative limit") << QStringList{"fs", "cat", "--table", "--limit", "-1", "lakefs://shop/main/t/orders.csv"}
                                    << 2 << "--limit";
}

void TestCliCatTable::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    std::vector<std::string> a;
    for (const QString& s : args) a.push_back(s.toStdString());
    const Run r = m_h->run(a);
    CLI_EXPECT(r, code);
    QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    if (code == 1 && message.contains(QStringLiteral("truncated"))) // no temporary path leaks into the message
        QVERIFY2(r.err.find("lakeside-cat-") == std::string::npos, r.err.c_str());
}

QTEST_GUILESS_MAIN(TestCliCatTable)
#include "tst_cli_cattable.moc"
