// SPDX-License-Identifier: Apache-2.0
#include "bench_sides.h"

#include "engine/ranges/diff.h"
#include "engine/ranges/merge.h"
#include "engine/ranges/node_cache.h"
#include "engine/ranges/tree.h"

#include <cstdio>
#include <cstdlib>

namespace bench {

using namespace lakeside::ranges;

static void check(bool ok, const std::string& what)
{
    if (!ok) {
        std::fprintf(stderr, "bench_ranges: %s\n", what.c_str());
        std::exit(1);
    }
}

static void exec(lakeside::engine::SqliteDb& db, const char* sql)
{
    const lakeside::Status st = db.exec(sql);
    check(st.ok(), std::string("sqlite: ") + sql + ": " + st.message());
}

LakesideSide::LakesideSide(const std::string& dbPath, bool durable)
{
    const lakeside::Status opened = m_db.open(dbPath);
    check(opened.ok(), "open " + dbPath + ": " + opened.message());
    if (!durable) exec(m_db, "PRAGMA synchronous=OFF");
    auto store = SqliteRangeStore::open(m_db.handle());
    check(store.ok(), "range store");
    m_store = std::move(store).value();
}

LakesideSide::~LakesideSide()
{
    m_store.reset(); // finalizes its statements before m_db closes
}

void LakesideSide::coldCache()
{
    // Timed operations start without decoded nodes in memory (SQLite and the OS
    // page cache stay warm, as git's object files do).
    m_store->setCache(std::make_shared<NodeCache>(64u << 20));
}

int LakesideSide::childImport(const std::string& dbPath, Layout l, int64_t n, bool durable)
{
    LakesideSide side(dbPath, durable);
    const double t0 = now();
    exec(side.m_db, "BEGIN");
    TreeWriter writer(*side.m_store);
    for (int64_t i = 0; i < n; ++i) check(writer.add(keyOf(l, i), entryOf(i)).ok(), "add");
    auto id = writer.finish();
    check(id.ok(), "finish");
    exec(side.m_db, "COMMIT");
    std::printf("%.6f %s\n", now() - t0, id.value().c_str());
    return 0;
}

Timed LakesideSide::importInChild(const std::string& self, const std::string& dbPath, Layout l, int64_t n,
                                  bool durable)
{
    Proc p = mustRun({self, "--child-import", dbPath, l == Layout::Flat ? "flat" : "sharded", std::to_string(n),
                      durable ? "full" : "off"},
                     "");
    Timed t;
    char id[80] = {};
    check(std::sscanf(p.out.c_str(), "%lf %79s", &t.seconds, id) == 2, "child import output: " + p.out);
    t.id = id;
    t.maxRssKb = p.maxRssKb;
    t.cpu = p.cpuSeconds; // the whole child, including generating the entries
    return t;
}

Timed LakesideSide::commit(const std::string& base, const std::vector<BenchChange>& changes, int version)
{
    std::vector<Change> cs;
    for (const auto& c : changes) {
        if (c.kind == BenchChange::Delete) cs.push_back({c.key, std::nullopt});
        else cs.push_back({c.key, entryOf(c.index, version)});
    }
    coldCache();
    Timed t;
    const double t0 = now(), c0 = cpuNow();
    exec(m_db, "BEGIN");
    auto id = applyChanges(*m_store, base, cs);
    check(id.ok(), "applyChanges");
    exec(m_db, "COMMIT");
    t.seconds = now() - t0;
    t.cpu = cpuNow() - c0;
    t.id = id.value();
    return t;
}

Timed LakesideSide::diffWarmMeta(const std::string& a, const std::string& b)
{
    coldCache();
    check(treeStats(*m_store, a).ok() && treeStats(*m_store, b).ok(), "tree stats"); // loads meta nodes only
    return timedDiff(a, b);
}

Timed LakesideSide::diff(const std::string& a, const std::string& b)
{
    coldCache();
    return timedDiff(a, b);
}

Timed LakesideSide::timedDiff(const std::string& a, const std::string& b)
{
    Timed t;
    const double t0 = now(), c0 = cpuNow();
    exec(m_db, "BEGIN"); // one read snapshot for the whole diff, as the engine's diff runs
    auto st = diffTrees(*m_store, a, b, "", "", [&](const DiffRecord&) {
        ++t.count;
        return true;
    });
    exec(m_db, "COMMIT");
    t.seconds = now() - t0;
    t.cpu = cpuNow() - c0;
    check(st.ok(), "diff");
    return t;
}

Timed LakesideSide::merge(const std::string& base, const std::string& source, const std::string& dest)
{
    coldCache();
    Timed t;
    const double t0 = now(), c0 = cpuNow();
    exec(m_db, "BEGIN");
    auto out = merge3(*m_store, base, source, dest, lakeside::MergeStrategy::None);
    check(out.ok(), "merge");
    exec(m_db, "COMMIT");
    t.seconds = now() - t0;
    t.cpu = cpuNow() - c0;
    t.id = out->treeId;
    t.count = int64_t(out->conflicts.size());
    return t;
}

} // namespace bench
