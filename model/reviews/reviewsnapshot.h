// SPDX-License-Identifier: Apache-2.0
#pragma once
// Everything the review screen shows about one review request, loaded in one
// job so the header, checks, approvals and conflicts always describe the same
// moment:
//  - the pull request, its reviews and the approvals the destination's
//    protection rule requires (the strictest matching pattern);
//  - the heads of source and destination and their merge base;
//  - the latest pre-merge action run recorded for the source's CURRENT head
//    into the destination (hooks run when a merge is attempted, as in
//    lakeFS), with every hook's status and log;
//  - the conflicts the merge would meet: paths changed on both sides since
//    the merge base to different results (both removed is no conflict).
//    Without checksums in the diff (lakeFS's Diff has none) every path
//    changed on both sides counts, which can over-report but never misses.
// Qt-free; run loadReviewSnapshot in a job (JobTracker), it may take a while
// (two paged diffs, once per pair of heads, and the run listing).
// Thread safety: free functions over a thread-safe Backend.

#include "api/backend.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::reviews {

struct ConflictEntry {
    std::string path;
    DiffEntry sourceChange;      // merge base -> source head
    DiffEntry destinationChange; // merge base -> destination head
};

struct CheckRun {
    ActionRun run;
    std::vector<HookRun> hooks;
    std::map<std::string, std::string> output; // hook_run_id -> log
    bool logsComplete = true; // false: some log could not be read (worth asking again)
};

struct ReviewSnapshot {
    std::optional<Error> error; // set: nothing else is meaningful
    PullRequest pull;
    std::vector<Review> reviews;
    int requiredApprovals = 0;
    std::string protectingPattern; // the rule that asks for requiredApprovals
    std::string sourceHead, destinationHead, baseCommit;
    std::optional<CheckRun> checks; // none: no pre-merge run for sourceHead yet
    std::vector<ConflictEntry> conflicts;
    std::string conflictError; // conflicts could not be computed (shown, merge still possible)
    bool reviewsClientSide = false; // the backend keeps reviews on this computer (lakeFS)
};

// Approvals demanded for merges into `branch`: the largest required_approvals
// of the matching patterns (lakeFS globs), and that pattern.
std::pair<int, std::string> requiredApprovalsFor(const Backend::ProtectionRules& rules, const std::string& branch);

// Paths changed on both sides since the merge base to different results,
// sorted by path. `source` and `destination` are any refs. Memory: the
// source side's changes; the destination's are streamed. Cancelled when ctx is.
Result<std::vector<ConflictEntry>> findConflicts(Backend& b, const std::string& repo, const std::string& source,
                                                 const std::string& destination, const OpContext& ctx);

// findConflicts for two commit ids, remembered per backend (describe()),
// repository and pair of ids for the process's lifetime (the 16 most recent
// pairs): commits are immutable, so refreshing an unchanged review does not
// page both diffs again. Pass commit ids only, never branch names.
Result<std::vector<ConflictEntry>> findCommitConflicts(Backend& b, const std::string& repo,
                                                       const std::string& sourceCommit,
                                                       const std::string& destinationCommit, const OpContext& ctx);

// `run` with its hooks (every page) and each hook's log; a log that cannot be
// read is shown as "(log unavailable: reason)", skipped hooks have none.
Result<CheckRun> loadCheckRun(Backend& b, const std::string& repo, const ActionRun& run);

// The newest pre-merge run into `destination` for `sourceCommit`, with hooks
// and logs. A run that completed or failed is final: its hooks and logs (when
// every log could be read) are remembered per backend, repository and run id
// (the 16 most recent runs), so a refresh lists the runs again but does not
// re-read every hook's log.
Result<std::optional<CheckRun>> latestCheckRun(Backend& b, const std::string& repo, const std::string& destination,
                                               const std::string& sourceCommit);

ReviewSnapshot loadReviewSnapshot(Backend& b, const std::string& repo, const std::string& pullId,
                                  const OpContext& ctx);

} // namespace lakeside::reviews
