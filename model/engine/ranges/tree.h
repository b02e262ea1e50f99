// SPDX-License-Identifier: Apache-2.0
#pragma once
// Trees: one commit's sorted key -> Entry list, stored as content-defined ranges
// under a meta-range (docs/ranges.md). A tree is identified by the hex id of its
// root node; the empty tree has id "" (as lakeFS's initial commit).
//
// Identical content always gives the identical tree id and identical ranges,
// whatever order of commits produced it (cuts depend only on keys), so commits
// share ranges and diff/merge skip every range whose id matches.
//
// Thread safety: all functions are reentrant; concurrent calls are safe when
// each uses its own RangeStore (or a thread-safe one). A TreeWriter or
// TreeIterator instance is used by one thread at a time.

#include "engine/ranges/entry.h"
#include "engine/ranges/store.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside::ranges {

class TreeBuilder; // internal: the level-by-level chunker (tree_builder.h)

// Streaming build of a tree from keys in strictly ascending byte order.
// Holds at most one open node per level in memory, never the whole tree.
class TreeWriter {
public:
    explicit TreeWriter(RangeStore& store);
    ~TreeWriter();
    TreeWriter(const TreeWriter&) = delete;
    TreeWriter& operator=(const TreeWriter&) = delete;

    // InvalidArgument when key is empty or not greater than the previous key.
    Status add(std::string_view key, const Entry& entry);
    // The tree id ("" when nothing was added). The writer may not be used afterwards.
    Result<std::string> finish();

private:
    std::unique_ptr<TreeBuilder> m_builder;
    std::string m_last;
    bool m_any = false;
};

struct Change {
    std::string key;
    std::optional<Entry> entry; // nullopt = delete (deleting an absent key is a no-op)
};

// The base tree with `sortedChanges` applied (keys strictly ascending; InvalidArgument
// otherwise). Cost is O(k + log n) node reads/writes for k changes on an n-entry
// tree: every range without a change is reused by id. Writing an entry whose
// identity equals the base's still stores the new entry (address/mtime may differ).
Result<std::string> applyChanges(RangeStore& store, const std::string& baseTreeId,
                                 const std::vector<Change>& sortedChanges);
// Streaming overload for large change sets: `pull` returns the next change in strictly
// ascending key order, nullopt at the end, or an error (which aborts and is returned).
Result<std::string> applyChanges(RangeStore& store, const std::string& baseTreeId,
                                 const std::function<Result<std::optional<Change>>()>& pull);

class TreeCursor; // internal (cursor.h)

// leveldb-style iterator over a tree's entries in ascending key order.
// Not positioned until seekGE(); errors (missing or corrupt node) make it invalid
// and are reported by status().
class TreeIterator {
public:
    TreeIterator(RangeStore& store, std::string treeId);
    ~TreeIterator();
    TreeIterator(const TreeIterator&) = delete;
    TreeIterator& operator=(const TreeIterator&) = delete;

    void seekGE(std::string_view key); // first key >= key ("" = first)
    void next();                       // REQUIRES: valid()
    bool valid() const;
    const std::string& key() const;    // REQUIRES: valid()
    Entry entry() const;               // REQUIRES: valid() (decodes on each call)
    // REQUIRES: valid(). The stored identity: the first 16 bytes of identity(entry())
    // (enough to compare versions of one key; see docs/ranges.md).
    const std::string& identity() const;
    Status status() const;

private:
    std::unique_ptr<TreeCursor> m_cursor;
    mutable Status m_status;
    bool m_positioned = false;
    mutable std::string m_key;
    mutable std::string m_identity;
};

// The entry at `key`, nullopt when absent. O(log n) node reads.
Result<std::optional<Entry>> lookup(RangeStore& store, const std::string& treeId, std::string_view key);

struct TreeStats {
    int64_t count = 0;  // entries
    int64_t bytes = 0;  // encoded size of all ranges
    int64_t ranges = 0; // leaf ranges
    int height = 0;     // 0 for the empty tree, 1 for a single range
};
// Cheap: reads only the root node (counts are kept in the meta-range).
Result<int64_t> countEntries(RangeStore& store, const std::string& treeId);
// Walks the meta-range levels (not the ranges); for tests, tools and benchmarks.
Result<TreeStats> treeStats(RangeStore& store, const std::string& treeId);

} // namespace lakeside::ranges
