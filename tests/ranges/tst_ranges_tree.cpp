// SPDX-License-Identifier: Apache-2.0
// Trees: streaming build, iteration, lookup, applyChanges against a reference map,
// history independence and range sharing (a small change rewrites few ranges).

#include "testutil.h"

#include <QTest>

using namespace rt;

class TestRangesTree : public QObject {
    Q_OBJECT
private slots:
    void emptyTree();
    void writerRejectsUnsortedKeys();
    void buildIterateLookup_data();
    void buildIterateLookup();
    void applyChangesMatchesReference();
    void historyIndependent();
    void smallChangeRewritesFewRanges();
    void changesMustBeSorted();
    void missingTreeIsNotFound();
    void streamingChangesStopOnError();
};

void TestRangesTree::emptyTree()
{
    MemoryRangeStore store;
    TreeWriter w(store);
    auto id = w.finish();
    QVERIFY(id.ok());
    QCOMPARE(QString::fromStdString(id.value()), QString());
    QCOMPARE(countEntries(store, "").value(), 0);
    QVERIFY(readAll(store, "").empty());
    auto applied = applyChanges(store, "", std::vector<Change>{{"a", std::nullopt}});
    QVERIFY(applied.ok());
    QVERIFY(applied->empty());
}

void TestRangesTree::writerRejectsUnsortedKeys()
{
    MemoryRangeStore store;
    TreeWriter w(store);
    QVERIFY(w.add("b", entry("1")).ok());
    auto st = w.add("a", entry("2"));
    QVERIFY(!st.ok());
    QCOMPARE(st.kind(), lakeside::ErrorKind::InvalidArgument);
    QVERIFY(!w.add("b", entry("3")).ok()); // duplicates too
}

void TestRangesTree::buildIterateLookup_data()
{
    QTest::addColumn<int>("n");
    QTest::addRow("one") << 1;
    QTest::addRow("one range") << 50;
    QTest::addRow("two levels") << 5000;
    QTest::addRow("three levels") << 200000;
}

void TestRangesTree::buildIterateLookup()
{
    QFETCH(int, n);
    MemoryRangeStore store;
    Ref ref;
    for (int i = 0; i < n; ++i) ref.emplace(key(i * 2), entry(std::to_string(i), i));
    const std::string id = build(store, ref);
    QCOMPARE(id.size(), size_t(64));
    QCOMPARE(countEntries(store, id).value(), int64_t(n));
    QVERIFY(readAll(store, id) == ref);
    auto stats = treeStats(store, id);
    QVERIFY(stats.ok());
    QCOMPARE(stats->count, int64_t(n));
    if (n >= 200000) QVERIFY(stats->height >= 3);
    for (int i : {0, n / 3, n - 1}) {
        auto hit = lookup(store, id, key(i * 2));
        QVERIFY(hit.ok() && hit->has_value());
        QCOMPARE(hit->value(), ref.at(key(i * 2)));
        auto miss = lookup(store, id, key(i * 2 + 1));
        QVERIFY(miss.ok() && !miss->has_value());
    }
    {
        TreeIterator first(store, id);
        first.seekGE("");
        QVERIFY(first.valid());
        QCOMPARE(first.identity(), identity(first.entry()).substr(0, 16)); // the stored prefix
    }
    TreeIterator it(store, id); // seek between keys
    it.seekGE(key(2 * (n / 2) + 1));
    if (n / 2 + 1 < n) {
        QVERIFY(it.valid());
        QCOMPARE(it.key(), key(2 * (n / 2 + 1)));
    } else {
        QVERIFY(!it.valid());
        QVERIFY(it.status().ok());
    }
}

void TestRangesTree::applyChangesMatchesReference()
{
    MemoryRangeStore store;
    std::mt19937 rng(42);
    Ref ref;
    for (int i = 0; i < 20000; ++i) ref.emplace(key(i * 3), entry("v0-" + std::to_string(i)));
    std::string id = build(store, ref);
    for (int round = 0; round < 30; ++round) {
        std::map<std::string, std::optional<Entry>> changes;
        const int k = round % 3 == 0 ? 1 : (round % 3 == 1 ? 50 : 2000);
        for (int j = 0; j < k; ++j) {
            const std::string kk = key(int(rng() % 62000));
            if (rng() % 3 == 0) changes[kk] = std::nullopt;
            else changes[kk] = entry("r" + std::to_string(round) + "-" + std::to_string(j));
        }
        std::vector<Change> sorted;
        for (auto& [kk, e] : changes) {
            sorted.push_back({kk, e});
            if (e) ref[kk] = *e;
            else ref.erase(kk);
        }
        auto next = applyChanges(store, id, sorted);
        QVERIFY2(next.ok(), next.ok() ? "" : next.error().message.c_str());
        id = next.value();
        QCOMPARE(countEntries(store, id).value(), int64_t(ref.size()));
        // The incremental tree is the tree a fresh build of the same content gives.
        MemoryRangeStore fresh;
        QCOMPARE(QString::fromStdString(build(fresh, ref)), QString::fromStdString(id));
    }
    QVERIFY(readAll(store, id) == ref);
}

void TestRangesTree::historyIndependent()
{
    // Deleting everything, or building in pieces, gives the same ids as building at once.
    MemoryRangeStore store;
    Ref ref;
    for (int i = 0; i < 3000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    const std::string whole = build(store, ref);
    std::string piecewise;
    std::vector<Change> chunk;
    for (const auto& [k, e] : ref) {
        chunk.push_back({k, e});
        if (chunk.size() == 700) {
            piecewise = applyChanges(store, piecewise, chunk).value();
            chunk.clear();
        }
    }
    piecewise = applyChanges(store, piecewise, chunk).value();
    QCOMPARE(QString::fromStdString(piecewise), QString::fromStdString(whole));
    std::vector<Change> all;
    for (const auto& [k, e] : ref) all.push_back({k, std::nullopt});
    QCOMPARE(QString::fromStdString(applyChanges(store, whole, all).value()), QString());
}

void TestRangesTree::smallChangeRewritesFewRanges()
{
    MemoryRangeStore store;
    Ref ref;
    for (int i = 0; i < 300000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    const std::string id = build(store, ref);
    const auto stats = treeStats(store, id).value();
    QVERIFY(stats.ranges > 1000);
    for (int pos : {0, 150001, 299999}) {
        const int64_t before = store.putCount();
        auto next = applyChanges(store, id, std::vector<Change>{{key(pos), entry("new")}});
        QVERIFY(next.ok());
        const int64_t puts = store.putCount() - before;
        // One range (or two when the edit moves a cut) plus one node per meta-range level.
        QVERIFY2(puts <= 2 + stats.height, std::to_string(puts).c_str());
        QCOMPARE(treeDiff(store, id, next.value()), std::vector<std::string>{"changed " + key(pos)});
        const int64_t beforeInsert = store.putCount();
        auto ins = applyChanges(store, id, std::vector<Change>{{key(pos) + "x", entry("ins")}});
        QVERIFY(ins.ok());
        QVERIFY(store.putCount() - beforeInsert <= 2 + stats.height);
    }
}

void TestRangesTree::changesMustBeSorted()
{
    MemoryRangeStore store;
    auto r = applyChanges(store, "", std::vector<Change>{{"b", entry("1")}, {"a", entry("2")}});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, lakeside::ErrorKind::InvalidArgument);
}

void TestRangesTree::missingTreeIsNotFound()
{
    MemoryRangeStore store;
    const std::string ghost(64, 'a');
    QCOMPARE(countEntries(store, ghost).error().kind, lakeside::ErrorKind::NotFound);
    QCOMPARE(lookup(store, ghost, "x").error().kind, lakeside::ErrorKind::NotFound);
    QCOMPARE(countEntries(store, "not-hex").error().kind, lakeside::ErrorKind::InvalidArgument);
}

void TestRangesTree::streamingChangesStopOnError()
{
    MemoryRangeStore store;
    Ref ref;
    for (int i = 0; i < 1000; ++i) ref.emplace(key(i), entry(std::to_string(i)));
    const std::string base = build(store, ref);
    int pulled = 0;
    auto r = applyChanges(store, base, [&]() -> lakeside::Result<std::optional<Change>> {
        if (++pulled == 50) return lakeside::makeError(lakeside::ErrorKind::Io, "staging read failed");
        return std::optional<Change>(Change{key(pulled * 10) + "x", entry("n")});
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, lakeside::ErrorKind::Io);
    QCOMPARE(r.error().message, std::string("staging read failed"));
    // A streamed change set gives the same tree as the vector overload.
    std::vector<Change> changes;
    for (int i = 0; i < 300; ++i) changes.push_back({key(i * 3) + "y", entry("y")});
    size_t next = 0;
    auto streamed = applyChanges(store, base, [&]() -> lakeside::Result<std::optional<Change>> {
        if (next == changes.size()) return std::optional<Change>();
        return std::optional<Change>(changes[next++]);
    });
    QVERIFY(streamed.ok());
    QCOMPARE(streamed.value(), applyChanges(store, base, changes).value());
}

QTEST_GUILESS_MAIN(TestRangesTree)
#include "tst_ranges_tree.moc"
