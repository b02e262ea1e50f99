// SPDX-License-Identifier: Apache-2.0
#include "reviews/reviewsnapshot.h"

#include "api/approvals.h"

#include <tuple>

namespace lakeside::reviews {

namespace {

// Every entry of a three-dot diff, paged.
Result<std::map<std::string, DiffEntry>> allChanges(Backend& b, const std::string& repo, const std::string& left,
                                                    const std::string& right, const OpContext& ctx)
{
    std::map<std::string, DiffEntry> out;
    DiffParams p;
    p.amount = 1000;
    p.type = DiffKind::ThreeDot;
    Status st = forEachPage<DiffEntry>(
        [&](const std::string& after) {
            p.after = after;
            return b.diffRefs(repo, left, right, p);
        },
        [&](const DiffEntry& e) {
            if (e.path_type == PathType::Object) out.emplace(e.path, e);
            return !ctx.isCancelled();
        });
    if (!st.ok()) return st.error();
    return out;
}

bool sameResult(const DiffEntry& a, const DiffEntry& b)
{
    if (a.type == DiffType::Removed || b.type == DiffType::Removed) return a.type == b.type;
    return !a.right_checksum.empty() && a.right_checksum == b.right_checksum;
}

} // namespace

std::pair<int, std::string> requiredApprovalsFor(const Backend::ProtectionRules& rules, const std::string& branch)
{
    const lakeside::ApprovalState state = lakeside::approvalState(rules, branch, {});
    return {state.required, state.rule};
}

Result<std::vector<ConflictEntry>> findConflicts(Backend& b, const std::string& repo, const std::string& source,
                                                 const std::string& destination, const OpContext& ctx)
{
    // Three-dot diffs both start at the merge base.
    LAKESIDE_ASSIGN_OR_RETURN(auto bySource, allChanges(b, repo, destination, source, ctx));
    if (bySource.empty()) return std::vector<ConflictEntry>{};
    LAKESIDE_ASSIGN_OR_RETURN(auto byDestination, allChanges(b, repo, source, destination, ctx));
    std::vector<ConflictEntry> out;
    for (const auto& [path, s] : bySource) {
        auto d = byDestination.find(path);
        if (d == byDestination.end() || sameResult(s, d->second)) continue;
        out.push_back({path, s, d->second});
    }
    return out;
}

Result<std::optional<CheckRun>> latestCheckRun(Backend& b, const std::string& repo, const std::string& destination,
                                               const std::string& sourceCommit)
{
    std::optional<ActionRun> found;
    ListParams lp;
    lp.amount = 1000;
    // Runs list newest first. lakeFS filters by branch or commit, not both.
    Status st = forEachPage<ActionRun>(
        [&](const std::string& after) {
            lp.after = after;
            return b.listActionRuns(repo, destination, {}, lp);
        },
        [&](const ActionRun& r) {
            if (r.event_type == "pre-merge" && r.commit_id == sourceCommit) found = r;
            return !found;
        });
    if (!st.ok()) {
        if (st.kind() == ErrorKind::NotImplemented) return std::optional<CheckRun>{};
        return st.error();
    }
    if (!found) return std::optional<CheckRun>{};
    CheckRun run;
    run.run = *found;
    ListParams hp;
    hp.amount = 1000;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<HookRun>(
        [&](const std::string& after) {
            hp.after = after;
            return b.listHookRuns(repo, run.run.run_id, hp);
        },
        [&](const HookRun& h) {
            run.hooks.push_back(h);
            return true;
        }));
    for (const HookRun& h : run.hooks) {
        if (h.status == "skipped") continue; // skipped hooks have no log
        auto out = b.getHookOutput(repo, run.run.run_id, h.hook_run_id);
        run.output[h.hook_run_id] = out.ok() ? *out : "(log unavailable: " + out.error().message + ")";
    }
    return std::optional<CheckRun>(std::move(run));
}

ReviewSnapshot loadReviewSnapshot(Backend& b, const std::string& repo, const std::string& pullId, const OpContext& ctx)
{
    ReviewSnapshot s;
    auto fail = [&s](const Error& e) {
        s.error = e;
        return s;
    };
    auto pull = b.getPull(repo, pullId);
    if (!pull.ok()) return fail(pull.error());
    s.pull = *pull;
    s.reviewsClientSide = b.describe().rfind("lakeFS", 0) == 0;
    auto reviews = b.listReviews(repo, pullId);
    if (!reviews.ok()) return fail(reviews.error());
    s.reviews = *reviews;
    auto rules = b.getBranchProtection(repo);
    if (rules.ok()) std::tie(s.requiredApprovals, s.protectingPattern) = requiredApprovalsFor(*rules, s.pull.destination_branch);
    else if (rules.error().kind != ErrorKind::NotImplemented) return fail(rules.error());

    auto source = b.getBranch(repo, s.pull.source_branch);
    auto destination = b.getBranch(repo, s.pull.destination_branch);
    if (source.ok()) s.sourceHead = source->commit_id;
    if (destination.ok()) s.destinationHead = destination->commit_id;
    if (!source.ok() || !destination.ok()) {
        // A deleted branch leaves a merged or closed request readable.
        if (s.pull.status == PullStatus::Open) return fail(source.ok() ? destination.error() : source.error());
        return s;
    }
    if (auto base = b.findMergeBase(repo, s.sourceHead, s.pull.destination_branch); base.ok())
        s.baseCommit = base->base_commit_id;
    auto checks = latestCheckRun(b, repo, s.pull.destination_branch, s.sourceHead);
    if (!checks.ok()) return fail(checks.error());
    s.checks = std::move(*checks);
    if (s.pull.status == PullStatus::Open) {
        auto conflicts = findConflicts(b, repo, s.sourceHead, s.destinationHead, ctx);
        if (conflicts.ok()) s.conflicts = std::move(*conflicts);
        else s.conflictError = conflicts.error().message;
    }
    return s;
}

} // namespace lakeside::reviews
