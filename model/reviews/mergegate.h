// SPDX-License-Identifier: Apache-2.0
#pragma once
// Whether the review screen's Merge button is enabled, and if not, why (in
// words a reviewer can act on). Mirrors what ReviewBackend::mergePull
// enforces, so the button is never offered for a merge the backend refuses
// for a reason we know: the request is open, the pre-merge checks for the
// source's current head did not fail, every conflict has a resolution (per
// path or by strategy), and the destination's required approvals are present
// with no "request changes" after the latest approval.
// Checks that have not run for the current head do not block: the backend
// runs them as the first step of the merge (lakeFS's pre-merge hooks).
// Thread safety: plain functions.

#include "api/types.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace lakeside::reviews {

enum class CheckState { NotRun, Passed, Failed };

struct ApprovalState {
    QStringList approvers;      // distinct, in order of first approval
    QString changesRequestedBy; // non-empty: requested changes after the latest approval
};

ApprovalState approvalsOf(const std::vector<Review>& reviews);

struct MergeGateInput {
    PullStatus status = PullStatus::Open;
    CheckState checks = CheckState::NotRun;
    QString failedHook; // "action / hook" when checks failed
    int requiredApprovals = 0;
    ApprovalState approvals;
    int unresolvedConflicts = 0;
};

struct MergeGate {
    bool enabled = false;
    QString reason; // why disabled; a hint when enabled (may be empty)
};

MergeGate evaluateMergeGate(const MergeGateInput& in);

} // namespace lakeside::reviews
