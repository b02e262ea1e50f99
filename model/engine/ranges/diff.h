// SPDX-License-Identifier: Apache-2.0
#pragma once
// Two-dot and three-dot diffs of trees. Both walk the meta-ranges in step and
// skip every subtree whose id is equal on the sides compared, so the cost is
// proportional to what changed, not to the size of the trees.
//
// Thread safety: reentrant; see tree.h.

#include "engine/ranges/entry.h"
#include "engine/ranges/store.h"

#include "api/types.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace lakeside::ranges {

struct DiffRecord {
    DiffType type = DiffType::Added; // Added, Removed, Changed or Conflict (never PrefixChanged)
    std::string key;
    std::optional<Entry> left;  // the entry on the left side, when present there
    std::optional<Entry> right; // the entry on the right side, when present there
};

// Return false to stop the walk (pagination: stop after `amount` records).
using DiffVisitor = std::function<bool(const DiffRecord&)>;

// Two-dot diff left -> right in ascending key order, restricted to keys starting with
// `prefix` and strictly greater than `after` (both may be empty). Added = only on the
// right, Removed = only on the left, Changed = both, different identity.
Status diffTrees(RangeStore& store, const std::string& leftId, const std::string& rightId,
                 std::string_view prefix, std::string_view after, const DiffVisitor& visit);

// Three-dot diff (REFERENCE.md §6.7): the changes `right` made since `base` that are
// not already in `left`, classified as
//   added    - on right only (absent from base and left)
//   removed  - removed on right while left equals base
//   changed  - changed on right while left equals base
//   conflict - both changed it differently, one changed and the other deleted, or both
//              added it with different content
// Keys that differ only because left changed them are skipped. `left` and `right` of each
// record are the entries on those sides. Same prefix/after/stop rules as diffTrees.
Status threeDotDiff(RangeStore& store, const std::string& baseId, const std::string& leftId,
                    const std::string& rightId, std::string_view prefix, std::string_view after,
                    const DiffVisitor& visit);

} // namespace lakeside::ranges
