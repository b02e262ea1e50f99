// SPDX-License-Identifier: Apache-2.0
#pragma once
// The two sides of the benchmark: Lakeside's range trees on SQLite, and git
// driven through its plumbing commands on the same trees.

#include "bench_util.h"

#include "engine/ranges/store.h"
#include "engine/sqlite.h"

#include <memory>
#include <string>
#include <vector>

namespace bench {

struct Timed {
    double seconds = 0;
    double cpu = 0; // user + system seconds
    long maxRssKb = 0;
    std::string id;    // tree id (Lakeside) or tree hash (git)
    std::string commit; // git only
    int64_t count = 0; // diff records / conflicts
};

class LakesideSide {
public:
    // Opened by the engine's own SqliteDb::open (WAL, synchronous=FULL, mmap reads);
    // durable=false then sets synchronous=OFF (no fsync, git's default durability
    // for loose objects and the index).
    explicit LakesideSide(const std::string& dbPath, bool durable = true);
    ~LakesideSide();
    // First commit of n entries in a child process (peak memory measured on its own).
    static Timed importInChild(const std::string& self, const std::string& dbPath, Layout l, int64_t n,
                               bool durable = true);
    // The child's side of importInChild; prints "<seconds> <treeId>".
    static int childImport(const std::string& dbPath, Layout l, int64_t n, bool durable);

    Timed commit(const std::string& base, const std::vector<BenchChange>& changes, int version);
    Timed diff(const std::string& a, const std::string& b);
    // Same, with both trees' meta-range nodes already in the node cache (ranges cold), as
    // in a long-running process that has shown these commits before.
    Timed diffWarmMeta(const std::string& a, const std::string& b);
    Timed merge(const std::string& base, const std::string& source, const std::string& dest);

private:
    void coldCache();
    Timed timedDiff(const std::string& a, const std::string& b);
    lakeside::engine::SqliteDb m_db;
    std::unique_ptr<lakeside::ranges::SqliteRangeStore> m_store;
};

class GitSide {
public:
    explicit GitSide(std::string dir);
    Timed import(Layout l, int64_t n);
    // update-index + write-tree + commit-tree on a copy of the base index.
    Timed commit(const Timed& base, const std::vector<BenchChange>& changes, int version, Layout l);
    Timed diff(const std::string& treeA, const std::string& treeB);
    Timed mergeTree(const std::string& dest, const std::string& source);

private:
    std::string blobFor(int64_t i, int version) const;
    std::string m_dir;
    std::vector<std::string> m_env;
    std::vector<std::string> m_blobs;
};

} // namespace bench
