// SPDX-License-Identifier: Apache-2.0
#pragma once
// Three-way merge of trees (REFERENCE.md §6.8), range-level first, record-level
// only inside subtrees that differ on both sides.
//
// Thread safety: reentrant; see tree.h.

#include "engine/ranges/store.h"

#include "api/types.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lakeside::ranges {

struct MergeOutcome {
    // The merged tree id, written to the store. "" when a conflict is unresolved, but ""
    // is also the id of an empty tree: test `conflicts`, not treeId, for failure.
    std::string treeId;
    // EVERY conflicting key left unresolved (by neither `strategy` nor
    // `perPathResolutions`), ascending. Non-empty means the merge failed: treeId is
    // empty and the caller reports Conflict with this list.
    std::vector<std::string> conflicts;
    // Conflicting keys that a strategy or a per-path resolution settled, ascending
    // (so a review screen can show what was resolved and how).
    std::vector<std::string> resolved;
    // Number of keys where the result differs from dest (0 means "no changes").
    int64_t changes = 0;
};

// Merges source into dest relative to base. Record rules (s, d, b the entries of one key):
//   s==b, d==b keep | s changed, d==b take s | s==b, d changed keep d | both changed to the
//   same identity keep | both changed differently CONFLICT | s deleted, d==b delete |
//   s==b, d deleted delete | both deleted delete | s deleted, d changed CONFLICT |
//   s changed, d deleted CONFLICT | added on s only take s | added on d only keep d |
//   added on both, same identity keep | added on both, different identity CONFLICT.
// A conflict is resolved by perPathResolutions[key] when present and not None, else by
// `strategy`: DestWins keeps dest's side (including its deletion), SourceWins takes the
// source's side (including its deletion), None leaves it unresolved.
// With any unresolved conflict the walk still completes so that `conflicts` lists
// every such key, and treeId is empty. Errors (missing nodes) are returned.
// Cost: subtrees equal on source and dest, or unchanged on one side since base, are
// taken whole by id, so work is proportional to the ranges both sides changed plus
// the tree's height; new nodes are put into `store` (inside the caller's transaction).
Result<MergeOutcome> merge3(RangeStore& store, const std::string& baseId, const std::string& sourceId,
                            const std::string& destId, MergeStrategy strategy,
                            const std::map<std::string, MergeStrategy>& perPathResolutions = {});

} // namespace lakeside::ranges
