// SPDX-License-Identifier: Apache-2.0
#include "reviews/reviewsnapshot.h"

#include "api/approvals.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <tuple>

namespace lakeside::reviews {

namespace {

// Visits every object entry of a three-dot diff, page by page; Cancelled
// when ctx is (a partial list must never pass for the whole one).
template <class Visit>
Status forEachChange(Backend& b, const std::string& repo, const std::string& left, const std::string& right,
                     const OpContext& ctx, Visit visit)
{
    DiffParams p;
    p.amount = 1000;
    p.type = DiffKind::ThreeDot;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<DiffEntry>(
        [&](const std::string& after) {
            p.after = after;
            return b.diffRefs(repo, left, right, p);
        },
        [&](const DiffEntry& e) {
            if (e.path_type == PathType::Object) visit(e);
            return !ctx.isCancelled();
        }));
    if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "conflict search cancelled");
    return Status::Ok();
}

// The last kSize answers about immutable things (conflicts between two
// commits, a finished action run with its logs), so refreshing an unchanged
// review asks the backend again only for what can change. Keys name the
// backend (describe()), the repository and the immutable ids.
template <class V>
class RecentCache {
public:
    std::optional<V> find(const std::string& key)
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [k, v] : m_entries)
            if (k == key) return v;
        return std::nullopt;
    }
    void put(const std::string& key, const V& value)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() == kSize) m_entries.pop_front();
        m_entries.emplace_back(key, value);
    }

private:
    static constexpr size_t kSize = 16;
    std::mutex m_mutex;
    std::deque<std::pair<std::string, V>> m_entries;
};

RecentCache<std::vector<ConflictEntry>>& conflictCache()
{
    static RecentCache<std::vector<ConflictEntry>> cache;
    return cache;
}

// A run's hooks and logs are final once the run completed or failed.
RecentCache<CheckRun>& finishedRunCache()
{
    static RecentCache<CheckRun> cache;
    return cache;
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
    // Both three-dot diffs start at the merge base. Only the source's changes
    // are held; the destination's are streamed against them.
    std::map<std::string, DiffEntry> bySource;
    LAKESIDE_RETURN_IF_ERROR(forEachChange(b, repo, destination, source, ctx,
                                           [&](const DiffEntry& e) { bySource.emplace(e.path, e); }));
    std::vector<ConflictEntry> out;
    if (bySource.empty()) return out;
    LAKESIDE_RETURN_IF_ERROR(forEachChange(b, repo, source, destination, ctx, [&](const DiffEntry& d) {
        auto s = bySource.find(d.path);
        if (s != bySource.end() && !sameResult(s->second, d)) out.push_back({d.path, s->second, d});
    }));
    std::sort(out.begin(), out.end(), [](const ConflictEntry& x, const ConflictEntry& y) { return x.path < y.path; });
    return out;
}

Result<std::vector<ConflictEntry>> findCommitConflicts(Backend& b, const std::string& repo,
                                                       const std::string& sourceCommit,
                                                       const std::string& destinationCommit, const OpContext& ctx)
{
    const std::string key = b.describe() + '\n' + repo + '\n' + sourceCommit + '\n' + destinationCommit;
    if (auto hit = conflictCache().find(key)) return std::move(*hit);
    LAKESIDE_ASSIGN_OR_RETURN(auto found, findConflicts(b, repo, sourceCommit, destinationCommit, ctx));
    conflictCache().put(key, found);
    return found;
}

Result<CheckRun> loadCheckRun(Backend& b, const std::string& repo, const ActionRun& run)
{
    CheckRun out;
    out.run = run;
    ListParams p;
    p.amount = 1000;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<HookRun>(
        [&](const std::string& after) {
            p.after = after;
            return b.listHookRuns(repo, run.run_id, p);
        },
        [&](const HookRun& h) {
            out.hooks.push_back(h);
            return true;
        }));
    for (const HookRun& h : out.hooks) {
        if (h.status == "skipped") continue; // skipped hooks have no log
        auto log = b.getHookOutput(repo, run.run_id, h.hook_run_id);
        out.output[h.hook_run_id] = log.ok() ? *log : "(log unavailable: " + log.error().message + ")";
        out.logsComplete = out.logsComplete && log.ok();
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
    const std::string key = b.describe() + '\n' + repo + '\n' + found->run_id;
    if (auto hit = finishedRunCache().find(key)) return std::optional<CheckRun>(std::move(*hit));
    LAKESIDE_ASSIGN_OR_RETURN(CheckRun run, loadCheckRun(b, repo, *found));
    if ((found->status == "completed" || found->status == "failed") && run.logsComplete)
        finishedRunCache().put(key, run);
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
    if (auto base = b.findMergeBase(repo, s.sourceHead, s.destinationHead); base.ok())
        s.baseCommit = base->base_commit_id;
    auto checks = latestCheckRun(b, repo, s.pull.destination_branch, s.sourceHead);
    if (!checks.ok()) return fail(checks.error());
    s.checks = std::move(*checks);
    if (s.pull.status == PullStatus::Open) {
        auto conflicts = findCommitConflicts(b, repo, s.sourceHead, s.destinationHead, ctx);
        if (conflicts.ok()) s.conflicts = std::move(*conflicts);
        else s.conflictError = conflicts.error().message;
    }
    return s;
}

} // namespace lakeside::reviews
