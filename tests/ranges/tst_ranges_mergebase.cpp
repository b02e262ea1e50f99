// SPDX-License-Identifier: Apache-2.0
// Merge base on commit DAGs: linear, forked, criss-cross (deterministic), unrelated.

#include "engine/ranges/mergebase.h"

#include <QTest>

#include <map>

using namespace lakeside::ranges;

namespace {

struct Dag {
    std::map<std::string, CommitNode> nodes;
    int loads = 0;
    // Generation = 1 + max parent generation; creation date = insertion order unless given.
    void add(const std::string& id, std::vector<std::string> parents, int64_t date = -1)
    {
        int64_t gen = 0;
        for (const auto& p : parents) gen = std::max(gen, nodes.at(p).generation);
        nodes[id] = CommitNode{std::move(parents), gen + 1, date < 0 ? int64_t(nodes.size()) : date};
    }
    CommitLoader loader()
    {
        return [this](const std::string& id) -> lakeside::Result<CommitNode> {
            ++loads;
            auto it = nodes.find(id);
            if (it == nodes.end()) return lakeside::makeError(lakeside::ErrorKind::NotFound, "commit " + id);
            return it->second;
        };
    }
    std::string base(const std::string& a, const std::string& b)
    {
        auto r = findMergeBase(loader(), a, b);
        return r.ok() ? r.value() : "<" + r.error().message + ">";
    }
};

} // namespace

class TestRangesMergeBase : public QObject {
    Q_OBJECT
private slots:
    void linearAndForked();
    void crissCrossIsDeterministic();
    void unrelatedHistories();
    void loaderErrorsPropagate();
    void stopsEarlyOnLongHistory();
};

void TestRangesMergeBase::linearAndForked()
{
    Dag g;
    g.add("root", {});
    g.add("a1", {"root"});
    g.add("a2", {"a1"});
    g.add("b1", {"a1"});
    g.add("b2", {"b1"});
    QCOMPARE(g.base("a2", "a2"), std::string("a2"));
    QCOMPARE(g.base("a2", "a1"), std::string("a1")); // ancestor
    QCOMPARE(g.base("a1", "a2"), std::string("a1"));
    QCOMPARE(g.base("a2", "b2"), std::string("a1"));
    QCOMPARE(g.base("b2", "a2"), std::string("a1"));
    g.add("m", {"a2", "b2"}); // after merging b into a, the base with b is b's head
    g.add("b3", {"b2"});
    QCOMPARE(g.base("m", "b3"), std::string("b2"));
}

void TestRangesMergeBase::crissCrossIsDeterministic()
{
    // x and y both have two best common ancestors, a and b (criss-cross merges).
    Dag g;
    g.add("root", {});
    g.add("a", {"root"}, 100);
    g.add("b", {"root"}, 200);
    g.add("x", {"a", "b"}, 300);
    g.add("y", {"b", "a"}, 300);
    // Same generation: the newer creation date wins, from either direction.
    QCOMPARE(g.base("x", "y"), std::string("b"));
    QCOMPARE(g.base("y", "x"), std::string("b"));
    Dag h; // equal generation and date: the smaller id wins
    h.add("root", {});
    h.add("p", {"root"}, 5);
    h.add("q", {"root"}, 5);
    h.add("x", {"q", "p"}, 6);
    h.add("y", {"p", "q"}, 6);
    QCOMPARE(h.base("x", "y"), std::string("p"));
    QCOMPARE(h.base("y", "x"), std::string("p"));
}

void TestRangesMergeBase::unrelatedHistories()
{
    Dag g;
    g.add("r1", {});
    g.add("r2", {});
    g.add("a", {"r1"});
    auto r = findMergeBase(g.loader(), "a", "r2");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, lakeside::ErrorKind::NotFound);
    QVERIFY(r.error().message.find("no merge base") != std::string::npos);
}

void TestRangesMergeBase::loaderErrorsPropagate()
{
    Dag g;
    g.add("r", {});
    g.add("a", {"r"});
    g.nodes["a"].parents.push_back("ghost"); // a parent that cannot be loaded
    g.add("b", {"r"});
    auto r = findMergeBase(g.loader(), "a", "b");
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.find("ghost") != std::string::npos);
}

void TestRangesMergeBase::stopsEarlyOnLongHistory()
{
    // 10,000 commits of shared history below a fork: the walk stops at the fork point.
    Dag g;
    g.add("c0", {});
    for (int i = 1; i < 10000; ++i) g.add("c" + std::to_string(i), {"c" + std::to_string(i - 1)});
    g.add("left", {"c9999"});
    g.add("right", {"c9999"});
    g.loads = 0;
    QCOMPARE(g.base("left", "right"), std::string("c9999"));
    QVERIFY(g.loads < 10);
}

QTEST_GUILESS_MAIN(TestRangesMergeBase)
#include "tst_ranges_mergebase.moc"
