// SPDX-License-Identifier: Apache-2.0
// The merge join on tables sorted by the key, and progressive results
// (TableDiffOptions::onPartial): the same rows, order, counts and cells as the
// hash join; fallback when a key is out of order; duplicate keys; snapshots
// that are prefixes of the final list and arrive while the tables are read.

#include "tabular/tablediff.h"
#include "tabulartestutil.h"

#include <QTest>

#include <atomic>

using namespace lakeside;
using namespace lakeside::tabular;
using tabulartest::q;
using tabulartest::writeFile;

namespace {

// Everything a result holds, one line per row, for exact comparisons.
QStringList dumpRows(const TableDiffResult& d)
{
    QStringList out;
    for (int64_t i = 0; i < d.rowCount(); ++i) {
        auto r = d.row(i);
        if (!r.ok())
            return {QStringLiteral("error: ") + q(r.error().message)};
        QString s = QStringLiteral("%1 old=%2@%3 new=%4@%5")
                        .arg(QLatin1String(rowStatusName(r->status)))
                        .arg(r->oldRow).arg(r->oldLine).arg(r->newRow).arg(r->newLine);
        for (const DiffCell& c : r->cells)
            s += QStringLiteral(" [%1|%2%3]")
                     .arg(c.oldNull ? QStringLiteral("-") : q(c.oldText), c.newNull ? QStringLiteral("-") : q(c.newText),
                          c.changed ? QStringLiteral("*") : QString());
        out << s;
    }
    return out;
}

QString dumpSummary(const TableDiffResult& d)
{
    const DiffSummary& s = d.summary();
    QString out = QStringLiteral("rows %1/%2 +%3 -%4 ~%5 =%6 cells %7:")
                      .arg(s.oldRows).arg(s.newRows).arg(s.added).arg(s.removed).arg(s.changed).arg(s.unchanged)
                      .arg(s.changedCells);
    for (int64_t n : s.changedCellsPerColumn)
        out += QLatin1Char(' ') + QString::number(n);
    for (const ColumnMatch& c : d.schema().columns)
        out += QStringLiteral(" %1:%2>%3").arg(q(c.name()), QLatin1String(columnTypeName(c.oldType)),
                                               QLatin1String(columnTypeName(c.newType)));
    return out + QLatin1Char(' ') + q(d.matchDescription());
}

// "id,name,qty" rows for the given ids; qty changed where `bump` says.
QByteArray table(const QList<int>& ids, const QList<int>& bump = {})
{
    QByteArray out("id,name,qty\n");
    for (int id : ids)
        out += QByteArray::number(id) + ",n" + QByteArray::number(id) + ","
               + QByteArray::number(id * 2 + (bump.contains(id) ? 1 : 0)) + "\n";
    return out;
}

QList<int> range(int from, int to, const QList<int>& without = {})
{
    QList<int> out;
    for (int i = from; i <= to; ++i)
        if (!without.contains(i))
            out << i;
    return out;
}

// A source that counts the rows it hands out in the current pass and
// whether it was ever read to its end.
class CountingSource : public TableSource {
public:
    explicit CountingSource(std::unique_ptr<TableSource> inner) : m_inner(std::move(inner)) {}
    const std::string& name() const override { return m_inner->name(); }
    const Schema& schema() const override { return m_inner->schema(); }
    Result<bool> next(Row& row) override
    {
        auto more = m_inner->next(row);
        if (more.ok() && *more)
            ++rowsThisPass;
        if (more.ok() && !*more)
            readToEnd = true;
        return more;
    }
    std::optional<int64_t> rowCountHint() const override { return m_inner->rowCountHint(); }
    Status rewind() override
    {
        rowsThisPass = 0;
        return m_inner->rewind();
    }
    std::pair<int64_t, int64_t> progress() const override { return m_inner->progress(); }

    int64_t rowsThisPass = 0;
    bool readToEnd = false;

private:
    std::unique_ptr<TableSource> m_inner;
};

struct Snapshot {
    TableDiffResult result;
    int64_t newRowsReadInPass = 0;
    bool newReadToEnd = false;
    bool oldReadToEnd = false;
};

} // namespace

class TestMergeJoin : public QObject {
    Q_OBJECT
private slots:
    void sameAsHashJoin_data();
    void sameAsHashJoin();
    void outOfOrderFallsBackToHashJoin();
    void duplicateKeyInSortedInput_data();
    void duplicateKeyInSortedInput();
    void snapshotsArePrefixesAndArriveEarly();
    void hashJoinSendsCountsOnly();
    void cancelWhileRowsArrive();
};

void TestMergeJoin::sameAsHashJoin_data()
{
    QTest::addColumn<QByteArray>("oldCsv");
    QTest::addColumn<QByteArray>("newCsv");
    QTest::addColumn<QStringList>("key"); // empty: detected
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<int>("differing");
    QTest::addColumn<int>("sampleRows");
    QTest::addColumn<int>("restarts"); // 1: whole-table types redid the diff

    const QStringList id{QStringLiteral("id")};
    QTest::addRow("changed at start, middle, end") << table(range(1, 30)) << table(range(1, 30), {1, 15, 30}) << id << true << 3 << 10000 << 0;
    QTest::addRow("added at start, middle, end") << table(range(2, 29, {15})) << table(range(1, 30)) << id << true << 3 << 10000 << 0;
    QTest::addRow("removed at start, middle, end") << table(range(1, 30)) << table(range(2, 29, {15})) << id << true << 3 << 10000 << 0;
    QTest::addRow("removed then added in one gap") << table(range(1, 20, {11})) << table(range(1, 20, {10}), {20}) << id
                                                   << true << 3 << 10000 << 0;
    QTest::addRow("added then removed in one gap") << table(range(1, 20, {10})) << table(range(1, 20, {11}), {1}) << id
                                                   << true << 3 << 10000 << 0;
    QTest::addRow("mixed, appended rows") << table(range(1, 40, {5, 6, 20})) << table(range(1, 45, {1, 12, 13, 40}), {7, 21, 39})
                                          << id << true << 15 << 10000 << 0;
    QTest::addRow("old table empty") << table({}) << table(range(1, 5)) << id << true << 5 << 10000 << 0;
    QTest::addRow("new table empty") << table(range(1, 5)) << table({}) << id << true << 5 << 10000 << 0;
    QTest::addRow("detected key") << table(range(1, 30)) << table(range(3, 33), {4, 17}) << QStringList() << true << 7 << 10000 << 0;
    QTest::addRow("exact values, integer key") << table(range(1, 30)) << table(range(1, 31, {9}), {2}) << id << false << 3 << 10000 << 0;
    QTest::addRow("negative integers sort numerically")
        << table(range(-12, 12)) << table(range(-12, 14, {-10, 0}), {-12, 5}) << id << true << 6 << 10000 << 0;
    QTest::addRow("text key")
        << QByteArray("k,v\napple,1\nbanana,2\ncherry,3\ndate,4\nfig,5\n")
        << QByteArray("k,v\nbanana,2\ncherry,30\ndamson,9\ndate,4\nfig,5\ngrape,6\n") << QStringList{QStringLiteral("k")}
        << true << 4 << 10000 << 0;
    QTest::addRow("composite key text + integer")
        << QByteArray("region,year,sales\nN,2022,1\nN,2023,10\nN,2024,11\nS,2023,12\nS,2024,13\n")
        << QByteArray("region,year,sales\nN,2023,10\nN,2024,15\nS,2022,2\nS,2024,13\nW,2020,1\n")
        << QStringList{QStringLiteral("region"), QStringLiteral("year")} << true << 5 << 10000 << 0;
    QTest::addRow("date key, formatting-equal dates")
        << QByteArray("day,v\n2024-01-05,1\n2024-01-06,2\n2024-02-01,3\n")
        << QByteArray("day,v\n2024-1-5,1\n2024-01-06,7\n2024-2-1,3\n2024-03-01,4\n") << QStringList{QStringLiteral("day")}
        << true << 2 << 10000 << 0;
    // 'v' looks integer in the 3-row sample, is text in the whole tables:
    // the diff is redone, the merge join again (new rows' types reused).
    QTest::addRow("types widen beyond the sample")
        << QByteArray("id,v,w\n1,1,a\n2,2,b\n3,3,c\n4,x,d\n5,1.0,e\n6,6,f\n")
        << QByteArray("id,v,w\n1,1,a\n2,2,b\n3,3,c\n4,x,d\n5,1,e\n6,6,F\n") << id << true << 2 << 3 << 1;
}

void TestMergeJoin::sameAsHashJoin()
{
    QFETCH(QByteArray, oldCsv);
    QFETCH(QByteArray, newCsv);
    QFETCH(QStringList, key);
    QFETCH(bool, normalize);
    QFETCH(int, differing);
    QFETCH(int, sampleRows);
    QFETCH(int, restarts);
    QTemporaryDir dir;
    const std::string a = writeFile(dir, QStringLiteral("old.csv"), oldCsv);
    const std::string b = writeFile(dir, QStringLiteral("new.csv"), newCsv);
    TableDiffOptions opts;
    for (const QString& k : key)
        opts.keyColumns.push_back(k.toStdString());
    opts.normalizeValues = normalize;
    opts.sampleRows = sampleRows;
    int64_t rowsBeforeEnd = 0;
    QList<uint64_t> generations;
    opts.onPartial = [&](const TableDiffResult& p) {
        rowsBeforeEnd = std::max(rowsBeforeEnd, p.rowCount());
        if (generations.isEmpty() || generations.last() != p.generation())
            generations << p.generation();
    };
    auto merged = diffTableFiles(a, b, opts);
    QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().message.c_str());
    opts.allowMergeJoin = false;
    opts.onPartial = nullptr;
    auto hashed = diffTableFiles(a, b, opts);
    QVERIFY2(hashed.ok(), hashed.ok() ? "" : hashed.error().message.c_str());

    QCOMPARE(merged->rowCount(), differing);
    QCOMPARE(dumpRows(*merged), dumpRows(*hashed));
    QCOMPARE(dumpSummary(*merged), dumpSummary(*hashed));
    QCOMPARE(generations.size(), 1 + restarts);
    QCOMPARE(merged->generation(), generations.last());
    QVERIFY(!merged->isPartial());
    // The merge join found rows while reading (the hash join only at the end).
    QVERIFY(rowsBeforeEnd > 0);
}

void TestMergeJoin::outOfOrderFallsBackToHashJoin()
{
    // The 5-row samples are ascending; row 12 of the new table is not.
    QList<int> shuffled = range(1, 30, {7});
    shuffled.move(20, 10);
    const QByteArray oldCsv = table(range(1, 30));
    const QByteArray newCsv = table(shuffled, {3, 25});
    QTemporaryDir dir;
    const std::string a = writeFile(dir, QStringLiteral("old.csv"), oldCsv);
    const std::string b = writeFile(dir, QStringLiteral("new.csv"), newCsv);
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.sampleRows = 5;
    std::vector<TableDiffResult> snapshots;
    opts.onPartial = [&](const TableDiffResult& p) { snapshots.push_back(p); };
    auto merged = diffTableFiles(a, b, opts);
    QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().message.c_str());
    opts.allowMergeJoin = false;
    opts.onPartial = nullptr;
    auto hashed = diffTableFiles(a, b, opts);
    QVERIFY(hashed.ok());
    QCOMPARE(dumpRows(*merged), dumpRows(*hashed));
    QCOMPARE(dumpSummary(*merged), dumpSummary(*hashed));
    QCOMPARE(merged->rowCount(), 3);

    // The merge published the changed row id=3 before it met the disorder,
    // then the diff started over in a new generation.
    QVERIFY(snapshots.size() >= 3);
    const uint64_t merge = snapshots.front().generation();
    bool mergeRows = false;
    for (const auto& s : snapshots)
        mergeRows = mergeRows || (s.generation() == merge && s.rowCount() > 0);
    QVERIFY(mergeRows);
    QVERIFY(snapshots.back().generation() != merge);
    QCOMPARE(snapshots.back().rowCount(), 0); // the hash join publishes rows only at the end
    QCOMPARE(merged->generation(), snapshots.back().generation());
}

void TestMergeJoin::duplicateKeyInSortedInput_data()
{
    QTest::addColumn<QByteArray>("oldCsv");
    QTest::addColumn<QByteArray>("newCsv");
    QTest::addColumn<QString>("message");
    QList<int> dup = range(1, 20);
    dup.insert(12, 12); // line 14 repeats id 12
    QTest::addRow("new table") << table(range(1, 20)) << table(dup)
                               << QStringLiteral("new.csv:14: key (id=12) is not unique: it occurs again here");
    QTest::addRow("old table") << table(dup) << table(range(1, 20), {2})
                               << QStringLiteral("old.csv:14: key (id=12) is not unique: it occurs again here");
}

void TestMergeJoin::duplicateKeyInSortedInput()
{
    QFETCH(QByteArray, oldCsv);
    QFETCH(QByteArray, newCsv);
    QFETCH(QString, message);
    QTemporaryDir dir;
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.sampleRows = 5; // the repeat lies beyond the sample
    auto d = diffTableFiles(writeFile(dir, QStringLiteral("old.csv"), oldCsv),
                            writeFile(dir, QStringLiteral("new.csv"), newCsv), opts);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().kind, ErrorKind::Conflict);
    QVERIFY2(q(d.error().message).endsWith(message), d.error().message.c_str());
}

void TestMergeJoin::snapshotsArePrefixesAndArriveEarly()
{
    // 6000 rows sorted by id; changes spread over the table, rows appended.
    QList<int> bump;
    for (int i = 100; i <= 6000; i += 250)
        bump << i;
    const QByteArray oldCsv = table(range(1, 6000, {500, 501, 4000}));
    const QByteArray newCsv = table(range(1, 6010, {2, 3000}), bump);
    QTemporaryDir dir;
    auto a = openTable(writeFile(dir, QStringLiteral("old.csv"), oldCsv));
    auto b = openTable(writeFile(dir, QStringLiteral("new.csv"), newCsv));
    QVERIFY(a.ok() && b.ok());
    CountingSource oldSource(std::move(*a));
    CountingSource newSource(std::move(*b));
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.sampleRows = 1000;
    std::vector<Snapshot> snapshots;
    opts.onPartial = [&](const TableDiffResult& p) {
        snapshots.push_back({p, newSource.rowsThisPass, newSource.readToEnd, oldSource.readToEnd});
    };
    auto d = diffTables(oldSource, newSource, opts);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
    QVERIFY(!d->isPartial());

    // First: schema and key known, no row pass yet.
    QVERIFY(!snapshots.empty());
    const Snapshot& first = snapshots.front();
    QVERIFY(first.result.isPartial());
    QCOMPARE(first.result.rowCount(), 0);
    QVERIFY(!first.oldReadToEnd);
    QVERIFY(!first.newReadToEnd);
    QCOMPARE(first.result.matchDescription(), std::string("key 'id'"));
    QCOMPARE(first.result.schema().columns.size(), size_t(3));

    // A snapshot with rows while the new table is still being read.
    bool earlyRows = false;
    for (const Snapshot& s : snapshots)
        earlyRows = earlyRows || (s.result.rowCount() > 0 && !s.newReadToEnd && s.newRowsReadInPass < 1000);
    QVERIFY(earlyRows);

    // Every snapshot's rows are a prefix of the next one's and of the final list.
    const QStringList final = dumpRows(*d);
    QStringList previous;
    int64_t unchanged = 0;
    for (const Snapshot& s : snapshots) {
        QCOMPARE(s.result.generation(), d->generation());
        const QStringList rows = dumpRows(s.result);
        QVERIFY(rows.size() >= previous.size());
        QCOMPARE(rows.mid(0, previous.size()), previous);
        QCOMPARE(final.mid(0, rows.size()), rows);
        QVERIFY(s.result.summary().unchanged >= unchanged); // counts only grow
        unchanged = s.result.summary().unchanged;
        previous = rows;
    }
    QCOMPARE(d->summary().added, 13);  // 500, 501, 4000, 6001..6010
    QCOMPARE(d->summary().removed, 2); // 2, 3000
    QCOMPARE(d->summary().changed, 24);
}

void TestMergeJoin::hashJoinSendsCountsOnly()
{
    QTemporaryDir dir;
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.allowMergeJoin = false;
    std::vector<TableDiffResult> snapshots;
    opts.onPartial = [&](const TableDiffResult& p) { snapshots.push_back(p); };
    auto d = diffTableFiles(writeFile(dir, QStringLiteral("old.csv"), table(range(1, 50))),
                            writeFile(dir, QStringLiteral("new.csv"), table(range(2, 52), {9})), opts);
    QVERIFY(d.ok());
    QCOMPARE(d->rowCount(), 4);
    QVERIFY(!snapshots.empty());
    for (const auto& s : snapshots) {
        QCOMPARE(s.rowCount(), 0);
        QCOMPARE(s.generation(), d->generation());
    }
}

void TestMergeJoin::cancelWhileRowsArrive()
{
    // The viewer cancels once it has seen a row: the merge stops with
    // Cancelled before reading the rest.
    QTemporaryDir dir;
    auto a = openTable(writeFile(dir, QStringLiteral("old.csv"), table(range(1, 300000))));
    auto b = openTable(writeFile(dir, QStringLiteral("new.csv"), table(range(1, 300000), {20})));
    QVERIFY(a.ok() && b.ok());
    CountingSource newSource(std::move(*b));
    std::atomic<bool> cancelled{false};
    OpContext ctx;
    ctx.cancelled = &cancelled;
    TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.context = &ctx;
    opts.onPartial = [&](const TableDiffResult& p) {
        if (p.rowCount() > 0)
            cancelled = true;
    };
    auto d = diffTables(**a, newSource, opts);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().kind, ErrorKind::Cancelled);
    QVERIFY(cancelled.load());
    QVERIFY(!newSource.readToEnd);
}

QTEST_GUILESS_MAIN(TestMergeJoin)
#include "tst_mergejoin.moc"
