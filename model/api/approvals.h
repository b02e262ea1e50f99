// SPDX-License-Identifier: Apache-2.0
#pragma once
// Whether a review request may merge, by the approvals its destination's
// branch protection demands (a Lakeside extension: lakeFS has branch
// protection but no approvals). One rule for every Backend, so the embedded
// workspace, the lakeFS client and the GUI agree on when Merge is allowed.
// Thread safety: pure functions, callable from any thread.

#include "api/backend.h"

#include <string>
#include <vector>

namespace lakeside {

// lakeFS's branch-protection glob: `*` matches any run of characters
// (including `/`), `?` exactly one; everything else matches itself.
bool branchPatternMatches(const std::string& pattern, const std::string& branch);

struct ApprovalState {
    int required = 0;          // the strictest rule matching the destination
    std::string rule;          // that rule's pattern; empty when none matches
    std::vector<std::string> approvers; // distinct authors of approvals, in review order
    // Author of a "request changes" review made after the latest approval:
    // it blocks the merge until someone approves again.
    std::string changesRequestedBy;

    bool satisfied() const { return changesRequestedBy.empty() && static_cast<int>(approvers.size()) >= required; }
    // Ok, or PreconditionFailed saying what is missing for `pullId` into `destination`.
    Status check(const std::string& pullId, const std::string& destination) const;
    // Approvers joined with ',' (the `lakeside.review.approvers` metadata value).
    std::string approversJoined() const;
};

// The parameters of a review request's merge: `p` with the default message
// ("Merge pull request ID: TITLE") when it has none, and `lakeside.review.id`
// and `lakeside.review.approvers` in the commit metadata.
MergeParams reviewMergeParams(const MergeParams& p, const PullRequest& pr, const ApprovalState& approvals);

// `reviews` in the order they were made (oldest first).
ApprovalState approvalState(const Backend::ProtectionRules& rules, const std::string& destination,
                            const std::vector<Review>& reviews);

} // namespace lakeside
