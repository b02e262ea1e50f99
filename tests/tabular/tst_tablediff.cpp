// SPDX-License-Identifier: Apache-2.0
// Row and cell diff: keyed, composite and detected keys, content matching,
// formatting-equal values, renamed/added columns, errors, lazy rows, filters.

#include "tabular/rowstore.h"
#include "tabular/tablediff.h"
#include "tabulartestutil.h"

#include <QTest>

#include <cstring>

using namespace lakeside;
using namespace lakeside::tabular;
using tabulartest::q;
using tabulartest::writeFile;

namespace {

Result<TableDiffResult> diffCsv(const QByteArray& oldCsv, const QByteArray& newCsv, TableDiffOptions opts = {},
                                const QString& oldName = QStringLiteral("old.csv"),
                                const QString& newName = QStringLiteral("new.csv"))
{
    QTemporaryDir dir;
    return diffTableFiles(writeFile(dir, oldName, oldCsv), writeFile(dir, newName, newCsv), opts);
}

// "changed k=3 v:a->b | added k=4 | removed k=1", in result order.
QString rowsOf(const TableDiffResult& d)
{
    QStringList out;
    for (int64_t i = 0; i < d.rowCount(); ++i) {
        auto r = d.row(i);
        if (!r.ok())
            return QStringLiteral("error: ") + q(r.error().message);
        QString s = QLatin1String(rowStatusName(r->status)) + QLatin1Char(' ') + q(d.keyText(*r));
        for (size_t c = 0; c < r->cells.size(); ++c) {
            const DiffCell& cell = r->cells[c];
            if (cell.changed)
                s += QLatin1Char(' ') + q(d.schema().columns[c].name()) + QLatin1Char(':')
                     + (cell.oldNull ? QStringLiteral("null") : q(cell.oldText)) + QLatin1String("->")
                     + (cell.newNull ? QStringLiteral("null") : q(cell.newText));
        }
        out << s;
    }
    return out.join(QLatin1String(" | "));
}

} // namespace

class TestTableDiff : public QObject {
    Q_OBJECT
private slots:
    void keyedDiff();
    void compositeKey();
    void detectedKey();
    void detectedKeyFallsBackWhenNotUnique();
    void contentMatchingWithoutKey();
    void formattingEqual_data();
    void formattingEqual();
    void renamedAndAddedColumns();
    void sampleTypesCheckedAgainstWholeTable();
    void userKeyErrors();
    void sourceErrorsPropagate();
    void filterChangedOnly();
    void crossFormatDiff();
    void streamedAndSeekedOldRowsAgree();
    void rowStoreSpillsToDisk();
    void cancellation();
};

void TestTableDiff::keyedDiff()
{
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    auto d = diffCsv("id,name,qty\n1,apple,3\n2,pear,5\n3,plum,7\n4,fig,9\n",
                     "id,name,qty\n2,pear,6\n3,plum,7\n4,FIG,9\n5,kiwi,1\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->keyMode(), KeyMode::UserKey);
    QCOMPARE(d->summary().added, 1);
    QCOMPARE(d->summary().removed, 1);
    QCOMPARE(d->summary().changed, 2);
    QCOMPARE(d->summary().unchanged, 1);
    QCOMPARE(d->summary().changedCells, 2);
    // New-file order; the removed row sits where it was (before id 2's row).
    QCOMPARE(rowsOf(*d), QStringLiteral("removed 1 | changed 2 qty:5->6 | changed 4 name:fig->FIG | added 5"));
    auto changed = d->row(1);
    QVERIFY(changed.ok());
    QCOMPARE(changed->oldRow, 1);
    QCOMPARE(changed->newRow, 0);
    QCOMPARE(changed->oldLine, 3);
    QCOMPARE(changed->newLine, 2);
    QCOMPARE(changed->cells[1].oldText, std::string("pear"));
    QVERIFY(!changed->cells[1].changed);
}

void TestTableDiff::compositeKey()
{
    TableDiffOptions opts;
    opts.keyColumns = {"region", "year"};
    auto d = diffCsv("region,year,sales\nN,2023,10\nN,2024,11\nS,2023,12\n",
                     "region,year,sales\nN,2023,10\nN,2024,15\nS,2024,1\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(rowsOf(*d), QStringLiteral("changed N, 2024 sales:11->15 | removed S, 2023 | added S, 2024"));
    QCOMPARE(d->matchDescription(), std::string("keys 'region', 'year'"));
}

void TestTableDiff::detectedKey()
{
    // 'code' comes first but has a null; 'sku' is the unique, non-null column.
    auto d = diffCsv("code,sku,price\nA,100,1.5\n,101,2.5\nC,102,3.5\n",
                     "code,sku,price\nA,100,1.5\n,101,2.75\nC,102,3.5\nD,103,4\n");
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->keyMode(), KeyMode::DetectedKey);
    QCOMPARE(d->matchDescription(), std::string("key 'sku' (detected)"));
    QCOMPARE(rowsOf(*d), QStringLiteral("changed 101 price:2.5->2.75 | added 103"));
}

void TestTableDiff::detectedKeyFallsBackWhenNotUnique()
{
    // With a 2-row sample, 'id' looks unique; the full table proves it is not,
    // and no other key exists, so rows are matched by content.
    TableDiffOptions opts;
    opts.sampleRows = 2;
    auto d = diffCsv("id,v\n1,a\n2,a\n1,b\n", "id,v\n1,a\n2,a\n1,c\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->keyMode(), KeyMode::RowContent);
    QCOMPARE(d->summary().added, 1);
    QCOMPARE(d->summary().removed, 1);
    QCOMPARE(d->summary().unchanged, 2);
}

void TestTableDiff::contentMatchingWithoutKey()
{
    TableDiffOptions opts;
    opts.detectKey = false;
    // Duplicated rows count as a multiset: one copy of "x,1" goes away.
    auto d = diffCsv("a,b\nx,1\nx,1\ny,2\n", "a,b\ny,2\nx,1\nz,3\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->keyMode(), KeyMode::RowContent);
    QCOMPARE(d->summary().added, 1);
    QCOMPARE(d->summary().removed, 1);
    QCOMPARE(d->summary().changed, 0);
    QCOMPARE(d->summary().unchanged, 2);
    auto removed = d->filtered({false, true, false});
    QCOMPARE(removed.rowCount(), 1);
    QCOMPARE(removed.row(0)->oldRow, 1); // the second copy is the one without a partner
}

void TestTableDiff::formattingEqual_data()
{
    QTest::addColumn<QByteArray>("oldCsv");
    QTest::addColumn<QByteArray>("newCsv");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<int>("changed");
    const QByteArray a("id,amount,day,flag,note\n1,1.0,2024-01-05,true,1.0\n2,1e3,2024-02-01,false,x\n");
    const QByteArray b("id,amount,day,flag,note\n1,1,2024-1-5,TRUE,1.0\n2,1000,2024-02-01,false,x\n");
    QTest::addRow("normalised: equal") << a << b << true << 0;
    QTest::addRow("exact: all differ") << a << b << false << 2;
    // A text column keeps exact comparison even when normalising.
    QTest::addRow("text column exact") << QByteArray("id,note\n1,1.0\n2,x\n") << QByteArray("id,note\n1,1\n2,x\n")
                                       << true << 1;
    QTest::addRow("null token in numeric column") << QByteArray("id,n\n1,NULL\n2,5\n")
                                                  << QByteArray("id,n\n1,\n2,5.0\n") << true << 0;
}

void TestTableDiff::formattingEqual()
{
    QFETCH(QByteArray, oldCsv);
    QFETCH(QByteArray, newCsv);
    QFETCH(bool, normalize);
    QFETCH(int, changed);
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.normalizeValues = normalize;
    auto d = diffCsv(oldCsv, newCsv, opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->summary().changed, changed);
    QCOMPARE(d->normalized(), normalize);
}

void TestTableDiff::renamedAndAddedColumns()
{
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    auto d = diffCsv("id,city,pop\n1,Oslo,700\n2,Rome,2800\n3,Lima,9000\n",
                     "id,town,pop,area\n1,Oslo,700,454\n2,Roma,2800,1285\n3,Lima,9000,2672\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    // The renamed column is compared with its old self; the added column
    // alone does not make a row changed.
    QCOMPARE(d->schema().columns[1].status, ColumnStatus::Renamed);
    QCOMPARE(d->schema().columns[3].status, ColumnStatus::Added);
    QCOMPARE(rowsOf(*d), QStringLiteral("changed 2 town:Rome->Roma"));
    auto r = d->row(0);
    QCOMPARE(r->cells[3].newText, std::string("1285"));
    QVERIFY(r->cells[3].oldNull);
    QVERIFY(!r->cells[3].changed);
}

void TestTableDiff::sampleTypesCheckedAgainstWholeTable()
{
    // The 2-row sample makes 'v' numeric, so "1.0" and "1" would be equal;
    // a later row shows 'v' is text, and text compares exactly.
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.sampleRows = 2;
    auto d = diffCsv("id,v\n1,1.0\n2,2\n3,abc\n", "id,v\n1,1\n2,2\n3,abc\n", opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(d->schema().columns[1].newType, ColumnType::Text);
    QCOMPARE(rowsOf(*d), QStringLiteral("changed 1 v:1.0->1"));
    // Confirmed sample types keep the first result, with whole-table counts.
    auto same = diffCsv("id,v\n1,1.0\n2,2\n3,4\n", "id,v\n1,1\n2,2\n3,5\n", opts);
    QVERIFY(same.ok());
    QCOMPARE(same->schema().columns[1].oldType, ColumnType::Decimal);
    QCOMPARE(same->schema().columns[1].newType, ColumnType::Integer);
    QCOMPARE(rowsOf(*same), QStringLiteral("changed 3 v:4->5"));
    QCOMPARE(same->summary().oldRows, 3);
    QCOMPARE(same->summary().newRows, 3);
}

void TestTableDiff::userKeyErrors()
{
    TableDiffOptions opts;
    opts.keyColumns = {"nope"};
    auto missing = diffCsv("id,v\n1,a\n", "id,v\n1,b\n", opts);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, ErrorKind::InvalidArgument);
    QVERIFY(q(missing.error().message).contains(QStringLiteral("key column 'nope'")));

    opts.keyColumns = {"id"};
    auto dup = diffCsv("id,v\n1,a\n2,b\n", "id,v\n1,a\n2,b\n2,c\n", opts);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().kind, ErrorKind::Conflict);
    QVERIFY2(q(dup.error().message).endsWith(QStringLiteral("new.csv:4: key (id=2) is not unique: it occurs again here")),
             dup.error().message.c_str());

    auto dupOld = diffCsv("id,v\n7,a\n7,b\n", "id,v\n7,a\n", opts);
    QVERIFY(q(dupOld.error().message).endsWith(QStringLiteral("old.csv:3: key (id=7) is not unique: it occurs again here")));
}

void TestTableDiff::sourceErrorsPropagate()
{
    auto d = diffCsv("id,v\n1,a\n", "id,v\n1,a\n2\n");
    QVERIFY(!d.ok());
    QCOMPARE(d.error().kind, ErrorKind::InvalidArgument);
    QVERIFY2(q(d.error().message).endsWith(QStringLiteral("new.csv:3: 1 field, but the header has 2 columns")),
             d.error().message.c_str());
}

void TestTableDiff::filterChangedOnly()
{
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    auto d = diffCsv("id,v\n1,a\n2,b\n3,c\n", "id,v\n2,B\n3,c\n4,d\n", opts);
    QVERIFY(d.ok());
    QCOMPARE(d->rowCount(), 3);
    const TableDiffResult changedOnly = d->filtered(RowFilter::changedOnly());
    QCOMPARE(changedOnly.rowCount(), 1);
    QCOMPARE(changedOnly.rowStatus(0), RowStatus::Changed);
    QCOMPARE(changedOnly.row(0)->cells[1].newText, std::string("B"));
    QCOMPARE(changedOnly.summary().changed, 1); // the summary is the whole diff's
    QVERIFY(!changedOnly.row(1).ok());          // out of range is an error, not a crash
}

void TestTableDiff::crossFormatDiff()
{
    QTemporaryDir dir;
    const std::string a = writeFile(dir, QStringLiteral("a.csv"), "id,score,ok\n1,1.50,true\n2,2,false\n");
    const std::string b = writeFile(dir, QStringLiteral("b.ndjson"),
                                    "{\"id\":1,\"score\":1.5,\"ok\":true}\n{\"id\":2,\"score\":3,\"ok\":false}\n");
    auto d = diffTableFiles(a, b);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QCOMPARE(rowsOf(*d), QStringLiteral("changed 2 score:2->3"));
}

void TestTableDiff::streamedAndSeekedOldRowsAgree()
{
    // Local CSV and NDJSON files fetch changed/removed old rows by seeking; the
    // same CSV behind a plain byte stream cannot seek and streams them. All
    // three give the same rows.
    QTemporaryDir dir;
    QByteArray csv("id,v,w\n"), ndjson;
    QByteArray next("id,v,w\n");
    for (int i = 0; i < 3000; ++i) {
        csv += QByteArray::number(i) + ",\"v" + QByteArray::number(i) + "\"," + QByteArray::number(i % 7) + "\n";
        ndjson += "{\"id\":" + QByteArray::number(i) + ",\"v\":\"v" + QByteArray::number(i) + "\",\"w\":"
                  + QByteArray::number(i % 7) + "}\n";
        if (i % 500 == 3)
            continue; // removed
        next += QByteArray::number(i) + ",v" + QByteArray::number(i) + ","
                + QByteArray::number(i % 300 == 7 ? 99 : i % 7) + "\n";
    }
    const std::string b = writeFile(dir, QStringLiteral("new.csv"), next);
    const std::string oldCsv = writeFile(dir, QStringLiteral("old.csv"), csv);
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.allowMergeJoin = false; // sorted by id: the merge join would read each table once
    auto seeked = diffTableFiles(oldCsv, b, opts);
    auto seekedJson = diffTableFiles(writeFile(dir, QStringLiteral("old.ndjson"), ndjson), b, opts);
    QVERIFY(seeked.ok());
    QVERIFY(seekedJson.ok());

    const std::string bytes = csv.toStdString();
    auto streamSource = openTable(
        [bytes]() -> Result<ByteSource> {
            auto pos = std::make_shared<size_t>(0);
            return ByteSource([bytes, pos](char* buf, int64_t cap) -> int64_t {
                const size_t n = std::min(bytes.size() - *pos, static_cast<size_t>(cap));
                std::memcpy(buf, bytes.data() + *pos, n);
                *pos += n;
                return static_cast<int64_t>(n);
            });
        },
        "old stream.csv");
    auto newSource = openTable(b);
    QVERIFY(streamSource.ok());
    QVERIFY(newSource.ok());
    QVERIFY(!(*streamSource)->bookmark().has_value());
    auto streamed = diffTables(**streamSource, **newSource, opts);
    QVERIFY(streamed.ok());

    QCOMPARE(seeked->summary().removed, 6);
    QCOMPARE(seeked->summary().changed, 10);
    QCOMPARE(rowsOf(*seeked), rowsOf(*streamed));
    QCOMPARE(rowsOf(*seekedJson), rowsOf(*streamed));
    auto first = seeked->row(0);
    QCOMPARE(first->status, RowStatus::Removed);
    QCOMPARE(first->oldLine, 5); // row id=3 is on line 5 of old.csv
    QCOMPARE(seekedJson->row(0)->oldLine, 4);
    QCOMPARE(streamed->row(0)->oldLine, 5);
}

void TestTableDiff::rowStoreSpillsToDisk()
{
    detail::RowStore store(64); // tiny limit: the third record spills everything
    for (int i = 0; i < 100; ++i)
        QVERIFY(store.append(std::string(30, char('a' + i % 26))).ok());
    QVERIFY(store.spilled());
    QVERIFY(store.seal().ok());
    std::string out;
    QVERIFY(store.get(0, out).ok());
    QCOMPARE(out, std::string(30, 'a'));
    QVERIFY(store.get(99, out).ok());
    QCOMPARE(out, std::string(30, char('a' + 99 % 26)));
}

void TestTableDiff::cancellation()
{
    QByteArray big("id,v\n");
    for (int i = 0; i < 200000; ++i)
        big += QByteArray::number(i) + ",x\n";
    std::atomic<bool> cancelled{false};
    int64_t reports = 0;
    OpContext ctx;
    ctx.cancelled = &cancelled;
    ctx.progress = [&](int64_t, int64_t) {
        ++reports;
        cancelled = true;
    };
    TableDiffOptions opts;
    opts.context = &ctx;
    auto d = diffCsv(big, big, opts);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().kind, ErrorKind::Cancelled);
    QVERIFY(reports >= 1);
}

QTEST_GUILESS_MAIN(TestTableDiff)
#include "tst_tablediff.moc"
