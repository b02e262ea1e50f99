// SPDX-License-Identifier: Apache-2.0
#include "api/approvals.h"

#include <algorithm>

namespace lakeside {

bool branchPatternMatches(const std::string& pattern, const std::string& branch)
{
    // Greedy match with one backtrack point: linear for patterns with a single
    // star, and never exponential however many stars a pattern has.
    size_t p = 0, t = 0, star = std::string::npos, mark = 0;
    while (t < branch.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == branch[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

ApprovalState approvalState(const Backend::ProtectionRules& rules, const std::string& destination,
                            const std::vector<Review>& reviews)
{
    ApprovalState s;
    for (const std::string& pattern : rules.patterns) {
        if (!branchPatternMatches(pattern, destination)) continue;
        if (s.rule.empty()) s.rule = pattern;
        auto it = rules.required_approvals.find(pattern);
        if (it != rules.required_approvals.end() && it->second > s.required) {
            s.required = it->second;
            s.rule = pattern;
        }
    }
    for (const Review& r : reviews) {
        if (r.verdict == ReviewVerdict::Approve) {
            s.changesRequestedBy.clear();
            if (std::find(s.approvers.begin(), s.approvers.end(), r.author) == s.approvers.end())
                s.approvers.push_back(r.author);
        } else if (r.verdict == ReviewVerdict::RequestChanges) {
            s.changesRequestedBy = r.author;
        }
    }
    return s;
}

Status ApprovalState::check(const std::string& pullId, const std::string& destination) const
{
    if (!changesRequestedBy.empty())
        return makeError(ErrorKind::PreconditionFailed, "pull request '" + pullId + "': " + changesRequestedBy +
                                                            " requested changes after the latest approval");
    if (static_cast<int>(approvers.size()) < required)
        return makeError(ErrorKind::PreconditionFailed,
                         "pull request '" + pullId + "' needs " + std::to_string(required) +
                             " approval(s) to merge into '" + destination + "', has " +
                             std::to_string(approvers.size()));
    return Status::Ok();
}

std::string ApprovalState::approversJoined() const
{
    std::string joined;
    for (const auto& a : approvers) joined += (joined.empty() ? "" : ",") + a;
    return joined;
}

MergeParams reviewMergeParams(const MergeParams& p, const PullRequest& pr, const ApprovalState& approvals)
{
    MergeParams params = p;
    if (params.message.empty()) params.message = "Merge pull request " + pr.id + ": " + pr.title;
    params.metadata["lakeside.review.id"] = pr.id;
    params.metadata["lakeside.review.approvers"] = approvals.approversJoined();
    return params;
}

} // namespace lakeside
