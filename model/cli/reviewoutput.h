// SPDX-License-Identifier: Apache-2.0
#pragma once
// Output shared by `review`, `actions` and `branch-protect`: the text tables
// and the JSON shapes model/api/json.h does not cover (the branch protection
// rule list, a pull request with its reviews, a run with its hooks), plus the
// messages of a blocked review merge.

#include "commandcontext.h"

#include <functional>
#include <string>
#include <vector>

namespace lakeside::cli {

// lakeFS's BranchProtectionRule list, `[{"pattern": P}]`, each rule with
// Lakeside's `required_approvals` (0 when the rule sets none).
Json protectionRulesJson(const Backend::ProtectionRules& rules);
// The approvals a merge into `branch` needs: the strictest matching rule.
int requiredApprovals(const Backend::ProtectionRules& rules, const std::string& branch);

// A PullRequest plus `"reviews": [Review...]`.
Json pullWithReviewsJson(const PullRequest& pr, const std::vector<Review>& reviews);

// "approve", "request changes", "comment".
std::string verdictText(ReviewVerdict v);

void printPullTable(std::ostream& out, const std::vector<PullRequest>& pulls);
void printRunTable(std::ostream& out, const std::vector<ActionRun>& runs);
// One hook per paragraph: id, action, status, times, then its output indented.
// `output(h)` fetches the log; an error is printed in its place.
void printHookRuns(std::ostream& out, const std::vector<HookRun>& hooks,
                   const std::function<Result<std::string>(const HookRun&)>& output);

// A pull request id as typed: the full id, or a unique prefix of an id (ids
// are 20 characters, so reviewers may type the first few). NotFound or
// InvalidArgument (ambiguous) name the repository and the prefix.
Result<std::string> resolvePullId(Backend& backend, const std::string& repo, const std::string& typed);

// Every page of a run's hooks.
Result<std::vector<HookRun>> allHookRuns(Backend& backend, const std::string& repo, const std::string& runId);

// Turns mergePull's error into what a reviewer needs: a failed hook keeps
// lakeFS's message (hook and run id) and adds where to read its log; missing
// approvals and conflicts say the merge is blocked and why.
Error explainBlockedMerge(Backend& backend, const std::string& repo, const PullRequest& pr, Error e);

} // namespace lakeside::cli
