// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal helpers shared by diff, three-dot diff and merge walks.

#include "engine/ranges/cursor.h"
#include "engine/ranges/entry.h"

#include <optional>
#include <string>
#include <string_view>

namespace lakeside::ranges::detail {

// The key window of a listing: keys starting with `prefix` and > `after`.
struct KeyWindow {
    std::string start;  // first key that may be listed
    std::string upper;  // keys >= upper are out; empty = no upper bound
    std::string prefix;

    KeyWindow(std::string_view prefix, std::string_view after);
    // The head (any item) starts at or beyond the window's end.
    bool beyond(std::string_view minKey) const { return !upper.empty() && minKey >= upper; }
    bool contains(std::string_view key) const
    {
        return key >= start && key.substr(0, prefix.size()) == prefix && !beyond(key);
    }
};

// Skips every item of `c` whose keys are all <= key (expanding a node that straddles it).
Status skipThrough(TreeCursor& c, std::string_view key);

// Min of the non-ended heads' min keys; nullopt when all ended.
std::optional<std::string_view> frontier(std::initializer_list<const TreeCursor*> cursors);

inline bool endedOrAfter(const TreeCursor& c, std::string_view key) { return c.atEnd() || c.minKey() > key; }

// Expands, among the heads starting at `f` that are nodes, those of the highest rank.
// Returns false when every head at `f` is a record.
Result<bool> expandAt(std::string_view f, std::initializer_list<TreeCursor*> cursors);

// Identity of the record head at exactly `key`, or nullopt.
inline std::optional<std::string_view> recordAt(const TreeCursor& c, std::string_view key)
{
    if (c.atEnd() || !c.isRecord() || c.key() != key) return std::nullopt;
    return c.hash();
}

std::optional<Entry> entryAt(const TreeCursor& c, std::string_view key, Status& st);

} // namespace lakeside::ranges::detail
