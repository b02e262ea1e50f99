// SPDX-License-Identifier: Apache-2.0
#include "reviewoutput.h"

#include "output.h"
#include "review/reviewids.h"

#include <algorithm>

namespace lakeside::cli {

Json protectionRulesJson(const Backend::ProtectionRules& rules)
{
    Json list = Json::array();
    for (const std::string& p : rules.patterns) {
        auto it = rules.required_approvals.find(p);
        list.push_back(Json{{"pattern", p}, {"required_approvals", it == rules.required_approvals.end() ? 0 : it->second}});
    }
    return list;
}

int requiredApprovals(const Backend::ProtectionRules& rules, const std::string& branch)
{
    int required = 0;
    for (const std::string& p : rules.patterns) {
        if (!review::globMatch(p, branch)) continue;
        if (auto it = rules.required_approvals.find(p); it != rules.required_approvals.end())
            required = std::max(required, it->second);
    }
    return required;
}

Json pullWithReviewsJson(const PullRequest& pr, const std::vector<Review>& reviews)
{
    Json j = pr;
    j["reviews"] = reviews;
    return j;
}

std::string verdictText(ReviewVerdict v)
{
    switch (v) {
    case ReviewVerdict::Approve: return "approve";
    case ReviewVerdict::RequestChanges: return "request changes";
    case ReviewVerdict::Comment: return "comment";
    }
    return "comment";
}

void printPullTable(std::ostream& out, const std::vector<PullRequest>& pulls)
{
    std::vector<std::vector<std::string>> rows;
    for (const PullRequest& pr : pulls)
        rows.push_back({pr.id, pullStatusName(pr.status), pr.source_branch + " -> " + pr.destination_branch, pr.author,
                        pr.creation_date, pr.title});
    printTable(out, {"ID", "STATUS", "SOURCE -> DESTINATION", "AUTHOR", "CREATED", "TITLE"}, rows);
}

void printRunTable(std::ostream& out, const std::vector<ActionRun>& runs)
{
    std::vector<std::vector<std::string>> rows;
    for (const ActionRun& r : runs)
        rows.push_back({r.run_id, r.event_type, r.branch, r.status, r.start_time, r.end_time, r.commit_id});
    printTable(out, {"RUN ID", "EVENT", "BRANCH", "STATUS", "START", "END", "COMMIT ID"}, rows);
}

void printHookRuns(std::ostream& out, const std::vector<HookRun>& hooks,
                   const std::function<Result<std::string>(const HookRun&)>& output)
{
    for (const HookRun& h : hooks) {
        out << "Hook run " << h.hook_run_id << ": action '" << h.action << "' hook '" << h.hook_id << "' " << h.status;
        if (!h.start_time.empty()) out << " (" << h.start_time << (h.end_time.empty() ? "" : " - " + h.end_time) << ')';
        out << '\n';
        if (h.status == "skipped") continue; // skipped hooks never ran, so they have no log
        Result<std::string> log = output(h);
        std::string text = log.ok() ? *log : "(no output: " + log.error().message + ")";
        while (!text.empty() && text.back() == '\n') text.pop_back();
        if (text.empty()) continue;
        size_t start = 0;
        while (start <= text.size()) {
            const size_t nl = text.find('\n', start);
            out << "    " << text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) << '\n';
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
}

Result<std::string> resolvePullId(Backend& backend, const std::string& repo, const std::string& typed)
{
    Result<PullRequest> exact = backend.getPull(repo, typed);
    if (exact.ok()) return typed;
    if (exact.error().kind != ErrorKind::NotFound || typed.empty()) return exact.error();
    std::vector<std::string> matches;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<PullRequest>(
        [&](const std::string& after) {
            ListParams p;
            p.after = after;
            p.amount = 1000;
            return backend.listPulls(repo, "all", p);
        },
        [&](const PullRequest& pr) {
            if (pr.id.rfind(typed, 0) == 0) matches.push_back(pr.id);
            return matches.size() < 2;
        }));
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) return exact.error();
    return makeError(ErrorKind::InvalidArgument, "pull request id '" + typed + "' is ambiguous in repository '" + repo +
                                                     "' (" + matches[0] + ", " + matches[1] + ", ...)");
}

Result<std::vector<HookRun>> allHookRuns(Backend& backend, const std::string& repo, const std::string& runId)
{
    std::vector<HookRun> hooks;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<HookRun>(
        [&](const std::string& after) {
            ListParams p;
            p.after = after;
            p.amount = 1000;
            return backend.listHookRuns(repo, runId, p);
        },
        [&](const HookRun& h) {
            hooks.push_back(h);
            return true;
        }));
    return hooks;
}

Error explainBlockedMerge(Backend& backend, const std::string& repo, const PullRequest& pr, Error e)
{
    const std::string what = "merge of pull request '" + pr.id + "' ('" + pr.source_branch + "' into '" +
                             pr.destination_branch + "') blocked";
    if (!e.runId.empty()) {
        e.message = what + " by a failing pre-merge check: " + e.message +
                    "\nSee why: lakeside-cli actions runs describe lakefs://" + repo + " " + e.runId;
        return e;
    }
    if (e.kind == ErrorKind::Conflict) {
        if (e.conflicts.empty()) {
            (void)forEachPage<DiffEntry>(
                [&](const std::string& after) {
                    DiffParams p;
                    p.after = after;
                    p.amount = 1000;
                    return backend.diffRefs(repo, pr.destination_branch, pr.source_branch, p);
                },
                [&](const DiffEntry& d) {
                    if (d.type == DiffType::Conflict) e.conflicts.push_back(d.path);
                    return true;
                }); // best effort: the merge error is what must be seen
        }
        e.message = what + " by " + std::to_string(e.conflicts.size()) + " unresolved conflict" +
                    (e.conflicts.size() == 1 ? "" : "s") + " with '" + pr.destination_branch + "'; '" +
                    pr.destination_branch + "' is unchanged. Decide them with --resolve PATH=source|dest or --strategy "
                    "dest-wins|source-wins (" +
                    e.message + ")";
        return e;
    }
    if (e.kind == ErrorKind::PreconditionFailed && pr.status == PullStatus::Open)
        e.message = what + ": " + e.message; // missing approvals or requested changes
    return e;
}

} // namespace lakeside::cli
