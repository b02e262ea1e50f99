// SPDX-License-Identifier: Apache-2.0
// ParquetTableSource: Parquet through lakeside::tabular's TableSource, so the
// table diff, preview and data checks work on Parquet files.
#include "parquet/parquettablesource.h"
#include "tabular/opentable.h"
#include "tabular/tablediff.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace lakeside::parquet;

namespace {
const std::string kFixture = LAKESIDE_PARQUET_FIXTURES "/small.parquet";

std::string csvField(std::string_view v)
{
    std::string out = "\"";
    for (char c : v)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}
} // namespace

class TestParquetTableSource : public QObject {
    Q_OBJECT

private slots:
    void schemaIsDeclared()
    {
        auto s = ParquetTableSource::open(kFixture);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        const tabular::Schema& schema = (*s)->schema();
        QCOMPARE(schema.size(), 4);
        QCOMPARE(schema.columns[0].name, std::string("id"));
        QCOMPARE(schema.columns[0].type, tabular::ColumnType::Integer);
        QCOMPARE(schema.columns[1].type, tabular::ColumnType::Text);
        QCOMPARE(schema.columns[2].type, tabular::ColumnType::Decimal);
        QCOMPARE(schema.columns[3].type, tabular::ColumnType::Text); // list as JSON
        for (const auto& c : schema.columns)
            QVERIFY(c.declared);
        QCOMPARE((*s)->rowCountHint().value_or(-1), int64_t(3000));
    }

    void streamsRowsLazilyAndRewinds()
    {
        auto s = ParquetTableSource::open(kFixture);
        QVERIFY(s.ok());
        tabular::Row row;
        auto more = (*s)->next(row);
        QVERIFY(more.ok() && *more);
        // Only the first row group is decoded for the first row.
        QCOMPARE((*s)->progress().first, int64_t(0));
        QVERIFY((*s)->progress().second > 0);
        QCOMPARE(row.index, int64_t(0));
        QCOMPARE(row.rowGroup, int64_t(0));
        QVERIFY(row.cells[0].null);
        QCOMPARE(row.cells[1].text, std::string_view("name-0"));
        QCOMPARE(row.cells[2].text, std::string_view("0.0"));
        int64_t n = 1;
        tabular::Row last;
        while (true) {
            auto r = (*s)->next(row);
            QVERIFY(r.ok());
            if (!*r)
                break;
            ++n;
            last = row;
        }
        QCOMPARE(n, int64_t(3000));
        QCOMPARE(last.index, int64_t(2999));
        QCOMPARE(last.rowGroup, int64_t(1));
        QCOMPARE(last.cells[0].text, std::string_view("2999"));
        QCOMPARE(last.cells[3].text, std::string_view("[2999,3000]"));
        QVERIFY((*s)->rewind().ok());
        QVERIFY(*(*s)->next(row));
        QCOMPARE(row.index, int64_t(0));
    }

    void rewindWithinTheLoadedRowGroup()
    {
        auto s = ParquetTableSource::open(kFixture);
        QVERIFY(s.ok());
        tabular::Row row;
        for (int i = 0; i < 3; ++i)
            QVERIFY(*(*s)->next(row));
        QCOMPARE(row.cells[1].text, std::string_view("name-2"));
        QVERIFY((*s)->rewind().ok());
        QVERIFY(*(*s)->next(row));
        QVERIFY(*(*s)->next(row));
        QCOMPARE(row.index, int64_t(1));
        QCOMPARE(row.cells[0].text, std::string_view("1"));
        QCOMPARE(row.cells[1].text, std::string_view("name-1"));
        QCOMPARE(row.cells[2].text, std::string_view("1.5"));
        QVERIFY((*s)->seekRowGroup(1).ok());
        QVERIFY(*(*s)->next(row));
        QCOMPARE(row.index, int64_t(2048));
        QCOMPARE(row.cells[1].text, std::string_view("name-3"));
    }

    void projectsColumns()
    {
        auto s = ParquetTableSource::open(kFixture, {"amount", "name"});
        QVERIFY(s.ok());
        QCOMPARE((*s)->schema().size(), 2);
        tabular::Row row;
        QVERIFY(*(*s)->next(row));
        QVERIFY(*(*s)->next(row));
        QCOMPARE(row.cells[0].text, std::string_view("1.5"));
        QCOMPARE(row.cells[1].text, std::string_view("name-1"));
        auto missing = ParquetTableSource::open(kFixture, {"nope"});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(missing.error().message.find("'nope'") != std::string::npos);
    }

    void corruptRowGroupIsAStickyPositionedError()
    {
        QFile f(QString::fromStdString(kFixture));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray b = f.readAll();
        auto good = ParquetFile::open(kFixture);
        QVERIFY(good.ok());
        auto range = (*good)->chunkRange(1, 1); // "name" in row group 1
        QVERIFY(range.ok());
        memset(b.data() + range->first, 0xff, 8);
        auto file = ParquetFile::fromBuffer(FileBuffer::fromBytes({b.begin(), b.end()}), "bad.parquet");
        QVERIFY(file.ok());
        auto s = ParquetTableSource::fromFile(*file);
        QVERIFY(s.ok());
        tabular::Row row;
        int64_t rows = 0;
        Result<bool> r = true;
        while ((r = (*s)->next(row)).ok() && *r)
            ++rows;
        QCOMPARE(rows, int64_t(2048)); // row group 0 reads fine
        QVERIFY(!r.ok());
        const std::string& m = r.error().message;
        QVERIFY2(m.rfind("bad.parquet: row group 1: column 'name': page at byte ", 0) == 0, m.c_str());
        auto again = (*s)->next(row);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message, m);
    }

    void diffsAgainstCsvThroughOpenTable()
    {
        registerParquetTableOpener();
        auto src = tabular::openTable(kFixture);
        QVERIFY2(src.ok(), src.ok() ? "" : src.error().message.c_str());
        // Write the same table as CSV with one changed cell, then diff.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("v2.csv"));
        std::string text = "id,name,amount,tags\n";
        tabular::Row row;
        while (*(*src)->next(row)) {
            for (size_t c = 0; c < row.cells.size(); ++c) {
                if (c)
                    text += ',';
                std::string v(row.cells[c].text);
                if (row.index == 10 && c == 1)
                    v = "renamed";
                text += row.cells[c].null ? std::string() : csvField(v);
            }
            text += '\n';
        }
        QFile out(csv);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.data(), qint64(text.size()));
        out.close();
        tabular::TableDiffOptions opts;
        opts.keyColumns = {"amount"};
        auto diff = tabular::diffTableFiles(kFixture, csv.toStdString(), opts);
        QVERIFY2(diff.ok(), diff.ok() ? "" : diff.error().message.c_str());
        QCOMPARE(diff->summary().changed, int64_t(1));
        QCOMPARE(diff->summary().added, int64_t(0));
        QCOMPARE(diff->summary().removed, int64_t(0));
        QCOMPARE(diff->summary().unchanged, int64_t(2999));
    }
};

QTEST_GUILESS_MAIN(TestParquetTableSource)
#include "tst_parquet_tablesource.moc"
