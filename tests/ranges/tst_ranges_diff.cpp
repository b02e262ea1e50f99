// SPDX-License-Identifier: Apache-2.0
// Two-dot and three-dot diffs: against reference maps, with prefix and `after`
// pagination, and reading only the ranges that differ.

#include "testutil.h"

#include "engine/ranges/node_cache.h"

#include <QTest>

using namespace rt;

namespace {

// Counts reads, to prove that diff skips equal ranges.
class CountingStore : public MemoryRangeStore {
public:
    lakeside::Result<std::shared_ptr<const std::string>> get(const std::string& id) override
    {
        ++gets;
        return MemoryRangeStore::get(id);
    }
    int gets = 0;
};

Ref mutate(Ref ref, std::mt19937& rng, int n, int keySpace, const std::string& tag)
{
    for (int j = 0; j < n; ++j) {
        const std::string k = key(int(rng() % keySpace));
        if (rng() % 3 == 0) ref.erase(k);
        else ref[k] = entry(tag + std::to_string(j));
    }
    return ref;
}

std::vector<std::string> refThreeDot(const Ref& b, const Ref& l, const Ref& r)
{
    std::set<std::string> keys;
    for (const Ref* m : {&b, &l, &r})
        for (const auto& kv : *m) keys.insert(kv.first);
    auto id = [](const Ref& m, const std::string& k) -> std::optional<std::string> {
        auto it = m.find(k);
        if (it == m.end()) return std::nullopt;
        return identity(it->second);
    };
    std::vector<std::string> out;
    for (const auto& k : keys) {
        const auto bi = id(b, k), li = id(l, k), ri = id(r, k);
        if (li == ri || ri == bi) continue;
        if (li == bi) out.push_back(std::string(!ri ? "removed " : !li ? "added " : "changed ") + k);
        else out.push_back("conflict " + k);
    }
    return out;
}

std::vector<std::string> treeThreeDot(RangeStore& store, const std::string& b, const std::string& l,
                                      const std::string& r, std::string_view prefix = {}, std::string_view after = {})
{
    std::vector<std::string> out;
    auto st = threeDotDiff(store, b, l, r, prefix, after, [&](const DiffRecord& d) {
        out.push_back(std::string(lakeside::diffTypeName(d.type)) + " " + d.key);
        return true;
    });
    if (!st.ok()) out.push_back("<error>");
    return out;
}

} // namespace

class TestRangesDiff : public QObject {
    Q_OBJECT
private slots:
    void twoDotMatchesReference_data();
    void twoDotMatchesReference();
    void entriesAreReported();
    void prefixAndAfter_data();
    void prefixAndAfter();
    void paginationConcatenates();
    void prefixOfHighBytes();
    void threeDotPagination();
    void readsOnlyChangedRanges();
    void threeDotRows_data();
    void threeDotRows();
    void threeDotMatchesReference();
};

void TestRangesDiff::twoDotMatchesReference_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("changes");
    QTest::addRow("empty vs small") << 0 << 10;
    QTest::addRow("one change") << 20000 << 1;
    QTest::addRow("scattered") << 20000 << 100;
    QTest::addRow("heavy") << 20000 << 15000;
    QTest::addRow("large, few") << 150000 << 30;
}

void TestRangesDiff::twoDotMatchesReference()
{
    QFETCH(int, size);
    QFETCH(int, changes);
    MemoryRangeStore store;
    std::mt19937 rng(size + changes);
    Ref a;
    for (int i = 0; i < size; ++i) a.emplace(key(i * 2), entry(std::to_string(i)));
    const Ref b = mutate(a, rng, changes, size * 2 + 10, "b");
    const std::string ta = build(store, a), tb = build(store, b);
    QCOMPARE(treeDiff(store, ta, tb), refDiff(a, b));
    QCOMPARE(treeDiff(store, tb, ta), refDiff(b, a));
    QVERIFY(treeDiff(store, ta, ta).empty());
}

void TestRangesDiff::entriesAreReported()
{
    MemoryRangeStore store;
    Ref a{{"changed", entry("1")}, {"gone", entry("2")}, {"same", entry("3")}};
    Ref b{{"changed", entry("1b")}, {"new", entry("4")}, {"same", entry("3")}};
    Entry moved = entry("3");
    moved.address = "file:///moved"; // same identity: not a change
    b["same"] = moved;
    std::vector<DiffRecord> got;
    QVERIFY(diffTrees(store, build(store, a), build(store, b), "", "", [&](const DiffRecord& d) {
        got.push_back(d);
        return true;
    }).ok());
    QCOMPARE(got.size(), size_t(3));
    QCOMPARE(got[0].key, std::string("changed"));
    QCOMPARE(got[0].type, lakeside::DiffType::Changed);
    QVERIFY(got[0].left == a["changed"] && got[0].right == b["changed"]);
    QCOMPARE(got[1].type, lakeside::DiffType::Removed);
    QVERIFY(got[1].left == a["gone"] && !got[1].right);
    QCOMPARE(got[2].type, lakeside::DiffType::Added);
    QVERIFY(!got[2].left && got[2].right == b["new"]);
}

void TestRangesDiff::prefixAndAfter_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("after");
    QTest::addRow("prefix") << QStringLiteral("data/part-00012") << QString();
    QTest::addRow("prefix and after") << QStringLiteral("data/part-0001") << QStringLiteral("data/part-0001500");
    QTest::addRow("after only") << QString() << QStringLiteral("data/part-0030000");
    QTest::addRow("no match") << QStringLiteral("zzz") << QString();
    QTest::addRow("after beyond prefix") << QStringLiteral("data/part-00012") << QStringLiteral("data/part-00013");
    QTest::addRow("after before prefix") << QStringLiteral("data/part-00012") << QStringLiteral("a");
}

void TestRangesDiff::prefixAndAfter()
{
    QFETCH(QString, prefix);
    QFETCH(QString, after);
    const std::string p = prefix.toStdString(), a = after.toStdString();
    MemoryRangeStore store;
    std::mt19937 rng(7);
    Ref base;
    for (int i = 0; i < 40000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    const Ref other = mutate(base, rng, 3000, 45000, "o");
    std::vector<std::string> expected;
    for (const auto& line : refDiff(base, other)) {
        const std::string k = line.substr(line.find(' ') + 1);
        if (k.compare(0, p.size(), p) == 0 && k > a) expected.push_back(line);
    }
    const auto got = treeDiff(store, build(store, base), build(store, other), p, a);
    QCOMPARE(got, expected);
    if (p == "data/part-00012") QVERIFY(a > p || !expected.empty());
}

void TestRangesDiff::paginationConcatenates()
{
    MemoryRangeStore store;
    std::mt19937 rng(9);
    Ref base;
    for (int i = 0; i < 30000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    const Ref other = mutate(base, rng, 500, 31000, "p");
    const std::string l = build(store, base), r = build(store, other);
    const auto all = treeDiff(store, l, r);
    std::vector<std::string> paged;
    std::string after;
    while (true) {
        const auto page = treeDiff(store, l, r, "", after, 37);
        paged.insert(paged.end(), page.begin(), page.end());
        if (page.size() < 37) break;
        after = page.back().substr(page.back().find(' ') + 1);
    }
    QCOMPARE(paged, all);
    QVERIFY(all.size() > 300);
}

void TestRangesDiff::prefixOfHighBytes()
{
    // The end of a prefix ending in 0xff bytes is the next shorter prefix's successor.
    MemoryRangeStore store;
    Ref a{{"a", entry("0")}, {"a\xff", entry("1")}, {"a\xff\xff", entry("2")}, {"a\xff\xff\x01", entry("3")},
          {"b", entry("4")}, {"\xff\xff", entry("5")}};
    const std::string empty = build(store, Ref{});
    const std::string full = build(store, a);
    QCOMPARE(treeDiff(store, empty, full, "a\xff\xff"),
             (std::vector<std::string>{"added a\xff\xff", "added a\xff\xff\x01"}));
    QCOMPARE(treeDiff(store, empty, full, "\xff"), std::vector<std::string>{"added \xff\xff"});
    QCOMPARE(treeDiff(store, full, empty, "a", "a\xff"),
             (std::vector<std::string>{"removed a\xff\xff", "removed a\xff\xff\x01"}));
}

void TestRangesDiff::threeDotPagination()
{
    MemoryRangeStore store;
    std::mt19937 rng(5);
    Ref base;
    for (int i = 0; i < 20000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    const Ref left = mutate(base, rng, 300, 21000, "l"), right = mutate(base, rng, 300, 21000, "r");
    const std::string tb = build(store, base), tl = build(store, left), tr = build(store, right);
    const auto all = treeThreeDot(store, tb, tl, tr);
    std::vector<std::string> paged;
    std::string after;
    while (true) {
        std::vector<std::string> page;
        QVERIFY(threeDotDiff(store, tb, tl, tr, "", after, [&](const DiffRecord& d) {
            page.push_back(std::string(lakeside::diffTypeName(d.type)) + " " + d.key);
            return page.size() < 25;
        }).ok());
        paged.insert(paged.end(), page.begin(), page.end());
        if (page.size() < 25) break;
        after = page.back().substr(page.back().find(' ') + 1);
    }
    QCOMPARE(paged, all);
    QVERIFY(all.size() > 200);
}

void TestRangesDiff::readsOnlyChangedRanges()
{
    CountingStore store;
    store.setCache(std::make_shared<NodeCache>(1 << 20));
    Ref base;
    for (int i = 0; i < 200000; ++i) base.emplace(key(i), entry(std::to_string(i)));
    const std::string l = build(store, base);
    const std::string r = applyChanges(store, l, std::vector<Change>{{key(123456), entry("x")}}).value();
    const auto height = treeStats(store, l).value().height;
    store.setCache(std::make_shared<NodeCache>(1 << 20)); // cold
    store.gets = 0;
    QCOMPARE(treeDiff(store, l, r), std::vector<std::string>{"changed " + key(123456)});
    // One path per side, root to range: nothing else is read.
    QVERIFY2(store.gets <= 2 * height, std::to_string(store.gets).c_str());
}

void TestRangesDiff::threeDotRows_data()
{
    // Values per key: "" = absent, else content. Columns: base, left, right, expected type.
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("l");
    QTest::addColumn<QString>("r");
    QTest::addColumn<QString>("expected");
    QTest::addRow("added on right") << "" << "" << "x" << "added";
    QTest::addRow("added on left only") << "" << "x" << "" << "";
    QTest::addRow("added both same") << "" << "x" << "x" << "";
    QTest::addRow("added both different") << "" << "x" << "y" << "conflict";
    QTest::addRow("changed on right") << "a" << "a" << "x" << "changed";
    QTest::addRow("changed on left") << "a" << "x" << "a" << "";
    QTest::addRow("changed both same") << "a" << "x" << "x" << "";
    QTest::addRow("changed both different") << "a" << "x" << "y" << "conflict";
    QTest::addRow("removed on right") << "a" << "a" << "" << "removed";
    QTest::addRow("removed on left") << "a" << "" << "a" << "";
    QTest::addRow("removed both") << "a" << "" << "" << "";
    QTest::addRow("left removed, right changed") << "a" << "" << "x" << "conflict";
    QTest::addRow("left changed, right removed") << "a" << "x" << "" << "conflict";
    QTest::addRow("unchanged") << "a" << "a" << "a" << "";
}

void TestRangesDiff::threeDotRows()
{
    QFETCH(QString, b);
    QFETCH(QString, l);
    QFETCH(QString, r);
    QFETCH(QString, expected);
    // The key sits among 5000 others so that whole-range shortcuts are exercised too.
    MemoryRangeStore store;
    Ref filler;
    for (int i = 0; i < 5000; ++i) filler.emplace(key(i * 2), entry(std::to_string(i)));
    const std::string k = key(5001);
    auto with = [&](const QString& v) {
        Ref m = filler;
        if (!v.isEmpty()) m[k] = entry(v.toStdString());
        return m;
    };
    const auto got = treeThreeDot(store, build(store, with(b)), build(store, with(l)), build(store, with(r)));
    if (expected.isEmpty()) QVERIFY(got.empty());
    else QCOMPARE(got, std::vector<std::string>{expected.toStdString() + " " + k});
}

void TestRangesDiff::threeDotMatchesReference()
{
    MemoryRangeStore store;
    std::mt19937 rng(11);
    for (int round = 0; round < 6; ++round) {
        Ref base;
        for (int i = 0; i < 30000; ++i) base.emplace(key(i * 2), entry(std::to_string(i)));
        const int n = round < 3 ? 40 : 4000;
        const Ref left = mutate(base, rng, n, 61000, "l");
        Ref right = mutate(base, rng, n, 61000, "r");
        for (int j = 0; j < n / 4; ++j) { // some shared edits, identical on both sides
            const std::string k = key(int(rng() % 61000));
            auto it = left.find(k);
            if (it != left.end()) right[k] = it->second;
            else right.erase(k);
        }
        const std::string tb = build(store, base), tl = build(store, left), tr = build(store, right);
        QCOMPARE(treeThreeDot(store, tb, tl, tr), refThreeDot(base, left, right));
        auto withPrefix = refThreeDot(base, left, right);
        std::erase_if(withPrefix, [](const std::string& s) {
            const std::string k = s.substr(s.find(' ') + 1);
            return k.rfind("data/part-00031", 0) != 0 || k <= "data/part-0003150";
        });
        QCOMPARE(treeThreeDot(store, tb, tl, tr, "data/part-00031", "data/part-0003150"), withPrefix);
    }
}

QTEST_GUILESS_MAIN(TestRangesDiff)
#include "tst_ranges_diff.moc"
