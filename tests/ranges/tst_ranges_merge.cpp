// SPDX-License-Identifier: Apache-2.0
// Three-way merge: every row of REFERENCE.md §6.8 built explicitly, strategies,
// per-path resolutions, the full conflict list, a randomised check against a
// reference merge, and range sharing of the merged tree.

#include "testutil.h"

#include "engine/ranges/merge.h"

#include <QTest>

using namespace rt;
using lakeside::MergeStrategy;

Q_DECLARE_METATYPE(lakeside::MergeStrategy)

namespace {

struct RefMerge {
    Ref tree;
    std::vector<std::string> conflicts, resolved;
    int64_t changes = 0;
};

// Straight from the table, on maps.
RefMerge refMerge(const Ref& b, const Ref& s, const Ref& d, MergeStrategy strategy,
                  const std::map<std::string, MergeStrategy>& per = {})
{
    std::set<std::string> keys;
    for (const Ref* m : {&b, &s, &d})
        for (const auto& kv : *m) keys.insert(kv.first);
    auto id = [](const Ref& m, const std::string& k) -> std::optional<std::string> {
        auto it = m.find(k);
        if (it == m.end()) return std::nullopt;
        return identity(it->second);
    };
    RefMerge out;
    for (const auto& k : keys) {
        const auto bi = id(b, k), si = id(s, k), di = id(d, k);
        bool takeS = false;
        if (si == di || si == bi) takeS = false;
        else if (di == bi) takeS = true;
        else {
            MergeStrategy how = strategy;
            if (auto it = per.find(k); it != per.end() && it->second != MergeStrategy::None) how = it->second;
            if (how == MergeStrategy::None) out.conflicts.push_back(k);
            else out.resolved.push_back(k);
            takeS = how == MergeStrategy::SourceWins;
        }
        if (takeS) {
            ++out.changes;
            if (si) out.tree[k] = s.at(k);
        } else if (di) {
            out.tree[k] = d.at(k);
        }
    }
    return out;
}

Ref mutate(Ref ref, std::mt19937& rng, int n, int keySpace, const std::string& tag)
{
    for (int j = 0; j < n; ++j) {
        const std::string k = key(int(rng() % keySpace));
        if (rng() % 3 == 0) ref.erase(k);
        else ref[k] = entry(tag + std::to_string(j));
    }
    return ref;
}

QStringList qlist(const std::vector<std::string>& v)
{
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out;
}

} // namespace

class TestRangesMerge : public QObject {
    Q_OBJECT
private slots:
    void tableRows_data();
    void tableRows();
    void everyConflictIsListed();
    void perPathResolutions();
    void treeLevelShortcuts();
    void matchesReference_data();
    void matchesReference();
    void disjointMergeSharesRanges();
    void wholeRegionEdits();
};

void TestRangesMerge::tableRows_data()
{
    // Values for key K: "" = absent. result: "" = absent, "!" = conflict.
    QTest::addColumn<QString>("s");
    QTest::addColumn<QString>("d");
    QTest::addColumn<QString>("b");
    QTest::addColumn<MergeStrategy>("strategy");
    QTest::addColumn<QString>("result");
    QTest::addColumn<int>("changes");
    const auto N = MergeStrategy::None, DW = MergeStrategy::DestWins, SW = MergeStrategy::SourceWins;
    QTest::addRow("same same: keep") << "a" << "a" << "a" << N << "a" << 0;
    QTest::addRow("changed same: take s") << "x" << "a" << "a" << N << "x" << 1;
    QTest::addRow("same changed: take d") << "a" << "y" << "a" << N << "y" << 0;
    QTest::addRow("changed to same: keep") << "x" << "x" << "a" << N << "x" << 0;
    QTest::addRow("changed differently: conflict") << "x" << "y" << "a" << N << "!" << 0;
    QTest::addRow("changed differently, dest-wins") << "x" << "y" << "a" << DW << "y" << 0;
    QTest::addRow("changed differently, source-wins") << "x" << "y" << "a" << SW << "x" << 1;
    QTest::addRow("deleted same: delete") << "" << "a" << "a" << N << "" << 1;
    QTest::addRow("same deleted: delete") << "a" << "" << "a" << N << "" << 0;
    QTest::addRow("deleted deleted: delete") << "" << "" << "a" << N << "" << 0;
    QTest::addRow("deleted changed: conflict") << "" << "y" << "a" << N << "!" << 0;
    QTest::addRow("deleted changed, dest-wins") << "" << "y" << "a" << DW << "y" << 0;
    QTest::addRow("deleted changed, source-wins") << "" << "y" << "a" << SW << "" << 1;
    QTest::addRow("changed deleted: conflict") << "x" << "" << "a" << N << "!" << 0;
    QTest::addRow("changed deleted, dest-wins") << "x" << "" << "a" << DW << "" << 0;
    QTest::addRow("changed deleted, source-wins") << "x" << "" << "a" << SW << "x" << 1;
    QTest::addRow("added by s: take s") << "x" << "" << "" << N << "x" << 1;
    QTest::addRow("added by d: keep d") << "" << "y" << "" << N << "y" << 0;
    QTest::addRow("added same: keep") << "x" << "x" << "" << N << "x" << 0;
    QTest::addRow("added differently: conflict") << "x" << "y" << "" << N << "!" << 0;
    QTest::addRow("added differently, dest-wins") << "x" << "y" << "" << DW << "y" << 0;
    QTest::addRow("added differently, source-wins") << "x" << "y" << "" << SW << "x" << 1;
}

void TestRangesMerge::tableRows()
{
    QFETCH(QString, s);
    QFETCH(QString, d);
    QFETCH(QString, b);
    QFETCH(MergeStrategy, strategy);
    QFETCH(QString, result);
    QFETCH(int, changes);
    // K sits among 4000 keys; both sides also make unrelated changes elsewhere (so the
    // tree-level shortcuts do not apply and the range walk decides).
    MemoryRangeStore store;
    Ref filler;
    for (int i = 0; i < 4000; ++i) filler.emplace(key(i * 2), entry(std::to_string(i)));
    const std::string k = key(3001);
    auto with = [&](const QString& v, const char* side) {
        Ref m = filler;
        if (side) m[key(side[0] == 's' ? 10 : 7000)] = entry(side);
        if (!v.isEmpty()) m[k] = entry(v.toStdString());
        return m;
    };
    const Ref sb = with(s, "s"), db = with(d, "d"), bb = with(b, nullptr);
    auto out = merge3(store, build(store, bb), build(store, sb), build(store, db), strategy);
    QVERIFY(out.ok());
    const bool sidesDiffer = s != b && d != b && s != d;
    if (result == QLatin1String("!")) {
        QCOMPARE(qlist(out->conflicts), QStringList{QString::fromStdString(k)});
        QVERIFY(out->treeId.empty());
        return;
    }
    QVERIFY(out->conflicts.empty());
    QCOMPARE(out->resolved.size(), size_t(sidesDiffer ? 1 : 0));
    Ref expected = filler;
    expected[key(10)] = entry("s");
    expected[key(7000)] = entry("d");
    if (!result.isEmpty()) expected[k] = entry(result.toStdString());
    QVERIFY(readAll(store, out->treeId) == expected);
    QCOMPARE(out->changes, int64_t(changes + 1)); // + the unrelated source change
}

void TestRangesMerge::everyConflictIsListed()
{
    MemoryRangeStore store;
    Ref base;
    for (int i = 0; i < 50000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    Ref s = base, d = base;
    std::vector<std::string> expected;
    for (int i : {5, 17000, 17001, 33333, 49999}) { // changed differently
        s[key(i)] = entry("s");
        d[key(i)] = entry("d");
        expected.push_back(key(i));
    }
    s.erase(key(20000)); // deleted vs changed
    d[key(20000)] = entry("d");
    s[key(40000)] = entry("s"); // changed vs deleted
    d.erase(key(40000));
    s[key(60000)] = entry("s1"); // added differently
    d[key(60000)] = entry("d1");
    for (int i : {20000, 40000, 60000}) expected.push_back(key(i));
    std::sort(expected.begin(), expected.end());
    s[key(100)] = entry("fine"); // and a non-conflicting change
    auto out = merge3(store, build(store, base), build(store, s), build(store, d), MergeStrategy::None);
    QVERIFY(out.ok());
    QCOMPARE(qlist(out->conflicts), qlist(expected));
    QVERIFY(out->treeId.empty());
}

void TestRangesMerge::perPathResolutions()
{
    MemoryRangeStore store;
    Ref base;
    for (int i = 0; i < 3000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    Ref s = base, d = base;
    for (int i : {1, 2, 3}) {
        s[key(i)] = entry("s");
        d[key(i)] = entry("d");
    }
    const std::string tb = build(store, base), ts = build(store, s), td = build(store, d);
    const std::map<std::string, MergeStrategy> per{
        {key(1), MergeStrategy::SourceWins}, {key(2), MergeStrategy::DestWins}, {key(3), MergeStrategy::None}};
    auto partial = merge3(store, tb, ts, td, MergeStrategy::None, per);
    QVERIFY(partial.ok());
    QCOMPARE(qlist(partial->conflicts), QStringList{QString::fromStdString(key(3))}); // None falls back
    QCOMPARE(partial->resolved.size(), size_t(2));
    QVERIFY(partial->treeId.empty());
    auto full = merge3(store, tb, ts, td, MergeStrategy::DestWins, per); // per-path beats the strategy
    QVERIFY(full.ok() && full->conflicts.empty());
    const Ref got = readAll(store, full->treeId);
    QCOMPARE(got.at(key(1)), entry("s"));
    QCOMPARE(got.at(key(2)), entry("d"));
    QCOMPARE(got.at(key(3)), entry("d"));
    QCOMPARE(full->changes, int64_t(1));
}

void TestRangesMerge::treeLevelShortcuts()
{
    MemoryRangeStore store;
    Ref base;
    for (int i = 0; i < 1000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    Ref s = base;
    s[key(1)] = entry("s");
    s.erase(key(2));
    const std::string tb = build(store, base), ts = build(store, s);
    auto same = merge3(store, tb, tb, ts, MergeStrategy::None); // source == base
    QVERIFY(same.ok());
    QCOMPARE(same->treeId, ts);
    QCOMPARE(same->changes, int64_t(0));
    auto ff = merge3(store, tb, ts, tb, MergeStrategy::None); // dest == base
    QVERIFY(ff.ok());
    QCOMPARE(ff->treeId, ts);
    QCOMPARE(ff->changes, int64_t(2));
    auto fromEmpty = merge3(store, "", ts, "", MergeStrategy::None);
    QVERIFY(fromEmpty.ok());
    QCOMPARE(fromEmpty->treeId, ts);
    QCOMPARE(fromEmpty->changes, int64_t(s.size()));
}

void TestRangesMerge::matchesReference_data()
{
    QTest::addColumn<int>("changes");
    QTest::addColumn<MergeStrategy>("strategy");
    QTest::addRow("few, none") << 30 << MergeStrategy::None;
    QTest::addRow("many, none") << 3000 << MergeStrategy::None;
    QTest::addRow("many, dest-wins") << 3000 << MergeStrategy::DestWins;
    QTest::addRow("many, source-wins") << 3000 << MergeStrategy::SourceWins;
    QTest::addRow("massive, source-wins") << 25000 << MergeStrategy::SourceWins;
}

void TestRangesMerge::matchesReference()
{
    QFETCH(int, changes);
    QFETCH(MergeStrategy, strategy);
    MemoryRangeStore store;
    std::mt19937 rng(changes + int(strategy));
    Ref base;
    for (int i = 0; i < 30000; ++i) base.emplace(key(i * 2), entry(std::to_string(i)));
    // Mostly disjoint halves of the key space, with some overlap so conflicts occur.
    Ref s = mutate(base, rng, changes, 35000, "s");
    Ref d = base;
    for (int j = 0; j < changes; ++j) {
        const std::string k = key(30000 + int(rng() % 32000));
        if (rng() % 3 == 0) d.erase(k);
        else d[k] = entry(j % 5 == 0 && s.count(k) ? "s" + std::to_string(j) : "d" + std::to_string(j));
    }
    const auto expected = refMerge(base, s, d, strategy);
    auto out = merge3(store, build(store, base), build(store, s), build(store, d), strategy);
    QVERIFY(out.ok());
    QCOMPARE(qlist(out->conflicts), qlist(expected.conflicts));
    QCOMPARE(qlist(out->resolved), qlist(expected.resolved));
    if (!expected.conflicts.empty()) {
        QVERIFY(out->treeId.empty());
        return;
    }
    QCOMPARE(out->changes, expected.changes);
    QVERIFY(readAll(store, out->treeId) == expected.tree);
    MemoryRangeStore fresh; // and the merged tree is the canonical tree of its content
    QCOMPARE(QString::fromStdString(out->treeId), QString::fromStdString(build(fresh, expected.tree)));
}

void TestRangesMerge::disjointMergeSharesRanges()
{
    MemoryRangeStore store;
    Ref base;
    for (int i = 0; i < 200000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    const std::string tb = build(store, base);
    const std::string ts = applyChanges(store, tb, std::vector<Change>{{key(1000), entry("s")}}).value();
    const std::string td = applyChanges(store, tb, std::vector<Change>{{key(150000), entry("d")}}).value();
    const int height = treeStats(store, tb).value().height;
    const int64_t before = store.putCount();
    auto out = merge3(store, tb, ts, td, MergeStrategy::None);
    QVERIFY(out.ok());
    QCOMPARE(out->changes, int64_t(1));
    // The right-most spine is rebuilt (height nodes) plus the paths to the one change.
    QVERIFY2(store.putCount() - before <= 3 * height, std::to_string(store.putCount() - before).c_str());
    Ref expected = base;
    expected[key(1000)] = entry("s");
    expected[key(150000)] = entry("d");
    MemoryRangeStore fresh;
    QCOMPARE(QString::fromStdString(out->treeId), QString::fromStdString(build(fresh, expected)));
}

void TestRangesMerge::wholeRegionEdits()
{
    // Edits spanning many whole ranges take the range-level paths: both delete a region,
    // only source deletes one, only dest deletes one, each adds a region of its own.
    MemoryRangeStore store;
    Ref base;
    for (int i = 0; i < 40000; ++i) base.emplace(key(i * 2), entry(std::to_string(i)));
    Ref s = base, d = base;
    for (int i = 2000; i < 6000; ++i) {
        s.erase(key(i * 2));
        d.erase(key(i * 2));
    }
    for (int i = 10000; i < 16000; ++i) s.erase(key(i * 2));
    for (int i = 20000; i < 25000; ++i) d.erase(key(i * 2));
    for (int i = 0; i < 5000; ++i) s[key(100000 + i)] = entry("s" + std::to_string(i));
    for (int i = 0; i < 5000; ++i) d[key(200000 + i)] = entry("d" + std::to_string(i));
    for (int i = 30000; i < 30100; ++i) s[key(i * 2 + 1)] = entry("between"); // interleaved inserts
    const auto expected = refMerge(base, s, d, MergeStrategy::None);
    QVERIFY(expected.conflicts.empty());
    auto out = merge3(store, build(store, base), build(store, s), build(store, d), MergeStrategy::None);
    QVERIFY(out.ok());
    QVERIFY(out->conflicts.empty());
    QCOMPARE(out->changes, expected.changes);
    QVERIFY(readAll(store, out->treeId) == expected.tree);
    MemoryRangeStore fresh;
    QCOMPARE(QString::fromStdString(out->treeId), QString::fromStdString(build(fresh, expected.tree)));
}

QTEST_GUILESS_MAIN(TestRangesMerge)
#include "tst_ranges_merge.moc"
