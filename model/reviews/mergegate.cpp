// SPDX-License-Identifier: Apache-2.0
#include "reviews/mergegate.h"

#include "api/approvals.h"

#include <QCoreApplication>

namespace lakeside::reviews {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("MergeGate", s); }
} // namespace

ApprovalState approvalsOf(const std::vector<Review>& reviews)
{
    // The backends' own rule (api/approvals.h), so the button agrees with mergePull.
    const lakeside::ApprovalState state = lakeside::approvalState({}, std::string(), reviews);
    ApprovalState out;
    for (const std::string& a : state.approvers) out.approvers << QString::fromStdString(a);
    out.changesRequestedBy = QString::fromStdString(state.changesRequestedBy);
    return out;
}

MergeGate evaluateMergeGate(const MergeGateInput& in)
{
    if (in.status == PullStatus::Merged) return {false, tr("This review request is merged.")};
    if (in.status == PullStatus::Closed) return {false, tr("This review request is closed.")};
    if (in.checks == CheckState::Failed)
        return {false, tr("Pre-merge check %1 failed on the source's current head; fix the data on the source "
                          "branch (a new commit runs the checks again).")
                           .arg(in.failedHook)};
    if (in.unresolvedConflicts > 0)
        return {false, QCoreApplication::translate("MergeGate",
                                                   "%n conflict(s) unresolved: choose a side for each path or a "
                                                   "merge strategy.",
                                                   nullptr, in.unresolvedConflicts)};
    if (!in.approvals.changesRequestedBy.isEmpty())
        return {false, tr("%1 requested changes after the latest approval.").arg(in.approvals.changesRequestedBy)};
    const int have = int(in.approvals.approvers.size());
    if (have < in.requiredApprovals)
        return {false, tr("Needs %1 approval(s) by the destination's protection rule, has %2.")
                           .arg(in.requiredApprovals)
                           .arg(have)};
    if (in.checks == CheckState::NotRun)
        return {true, tr("Pre-merge checks have not run on the source's current head; they run first when you merge.")};
    return {true, tr("Ready to merge: checks passed.")};
}

} // namespace lakeside::reviews
