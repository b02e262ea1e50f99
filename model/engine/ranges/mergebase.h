// SPDX-License-Identifier: Apache-2.0
#pragma once
// Best common ancestor on a commit DAG (REFERENCE.md §6.8), independent of how
// commits are stored: the caller supplies a loader.
//
// Thread safety: reentrant; `load` is called from the calling thread only.

#include "api/status.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lakeside::ranges {

struct CommitNode {
    std::vector<std::string> parents;
    int64_t generation = 0;    // 1 + max(parents' generation); roots have 1 (or 0)
    int64_t creation_date = 0; // unix seconds
};

using CommitLoader = std::function<Result<CommitNode>(const std::string& id)>;

// lakeFS's generation-ordered BFS: commits are visited from a max-heap ordered by
// generation, then newer creation date, then smaller id (so criss-cross histories
// always give the same answer), marking each as reached from a, b or both; the first
// commit reached from both is returned. a == b returns a. NotFound "no merge base"
// when the histories share no commit; loader errors are returned as they are.
Result<std::string> findMergeBase(const CommitLoader& load, const std::string& a, const std::string& b);

} // namespace lakeside::ranges
