// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: streaming, level-by-level builder of a tree (docs/ranges.md, "Cut rule").
// Records go into level 0; each level cuts its items into nodes where the cut rule
// says so and passes the finished node up as an item of the next level. A whole
// existing node can be spliced in (addNode) when every level below it is at a cut:
// its items would be cut exactly where it ends, so the result is byte-identical to
// streaming its records and history-independent.
// Holds one open node per level. Not thread-safe.

#include "engine/ranges/node.h"
#include "engine/ranges/store.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside::ranges {

namespace detail {
// The cut rule. These constants are part of the format: trees written with other
// values stay readable but stop sharing ranges with trees written with these.
inline constexpr uint64_t kRangeTarget = 128;     // cut after a key with FNV-1a-64(key) % 128 == 0 ...
inline constexpr size_t kRangeMinItems = 16;      // ... once the range has at least 16 records
inline constexpr size_t kRangeMaxBytes = 64 << 10; // always cut at 64 KiB
inline constexpr uint64_t kMetaTarget = 32;       // meta-range nodes: mix(FNV(max key), level) % 32 == 0
inline constexpr size_t kMetaMinItems = 4;
inline constexpr size_t kMetaMaxBytes = 32 << 10;

bool cutAfterRecord(std::string_view key, size_t items, size_t bodyBytes);
bool cutAfterChild(int level, std::string_view maxKey, size_t items, size_t bodyBytes);
} // namespace detail

class TreeBuilder {
public:
    explicit TreeBuilder(RangeStore& store);

    // REQUIRES: key greater than everything added before.
    Status addRecord(std::string_view key, std::string_view identity, std::string_view entry);
    // True when a node of `nodeLevel` (0 = a range) may be spliced now.
    bool canSplice(int nodeLevel) const;
    // REQUIRES: canSplice(nodeLevel); the node lies after everything added before and
    // does not end its tree's level (its last item was followed by a cut).
    Status addNode(int nodeLevel, std::string_view minKey, std::string_view maxKey, std::string_view rawId,
                   int64_t count, int64_t bytes);
    // Flushes every level; the tree's hex id ("" for no entries).
    Result<std::string> finish();
    // Stop writing (a failed merge): later calls succeed without storing anything.
    void discard() { m_discard = true; }
    bool discarded() const { return m_discard; }
    int64_t nodesWritten() const { return m_written; }

private:
    Status afterAdd(size_t level);
    Status emit(size_t level);
    detail::NodeEncoder& level(size_t i);

    RangeStore& m_store;
    std::vector<detail::NodeEncoder> m_levels;
    std::vector<std::string> m_lastChild; // raw id of the last child added per level
    bool m_discard = false;
    int64_t m_written = 0;
};

} // namespace lakeside::ranges
