// SPDX-License-Identifier: Apache-2.0
// ReviewBackend: opening, branch protection, pull requests and reviews, and
// the action-run listings.
#include "review/reviewbackend.h"

#include "api/approvals.h"
#include "parquet/parquettablesource.h"
#include "review/reviewids.h"
#include "review/reviewstore.h"

#include <algorithm>
#include <set>

namespace lakeside {

using std::string;

namespace {

// Pages an id-sorted vector the lakeFS way: `after` exclusive, amount capped.
template <class T, class Key>
Page<T> pageOf(std::vector<T> all, const ListParams& p, Key key)
{
    const size_t amount = static_cast<size_t>(p.amount <= 0 ? 100 : std::min(p.amount, 1000));
    Page<T> page;
    for (auto& x : all) {
        if (!p.after.empty() && key(x) <= p.after) continue;
        if (page.results.size() == amount) {
            page.has_more = true;
            page.next_offset = key(page.results.back());
            break;
        }
        page.results.push_back(std::move(x));
    }
    return page;
}

} // namespace

Result<std::unique_ptr<ReviewBackend>> ReviewBackend::open(std::shared_ptr<Backend> inner, const string& reviewDir)
{
    if (!inner) return makeError(ErrorKind::InvalidArgument, "ReviewBackend needs an inner backend");
    // Parquet tables in built-in checks are opened through lakeside_tabular.
    parquet::registerParquetTableOpener();
    auto store = review::ReviewStore::open(reviewDir);
    if (!store.ok()) return store.error();
    return std::unique_ptr<ReviewBackend>(new ReviewBackend(std::move(inner), std::move(*store)));
}

ReviewBackend::ReviewBackend(std::shared_ptr<Backend> inner, std::unique_ptr<review::ReviewStore> store)
    : m_inner(std::move(inner)), m_store(std::move(store))
{
}

ReviewBackend::~ReviewBackend() = default;

Result<Backend::ProtectionRules> ReviewBackend::getBranchProtection(const string& repo)
{
    LAKESIDE_RETURN_IF_ERROR(m_inner->getRepository(repo));
    return m_store->protection(repo);
}

Status ReviewBackend::setBranchProtection(const string& repo, const ProtectionRules& rules, const string& ifMatch)
{
    LAKESIDE_RETURN_IF_ERROR(m_inner->getRepository(repo));
    for (const auto& [pattern, n] : rules.required_approvals)
        if (n < 0) return makeError(ErrorKind::InvalidArgument, "required approvals for '" + pattern + "' is negative");
    return m_store->setProtection(repo, rules, ifMatch);
}

Result<Page<PullRequest>> ReviewBackend::listPulls(const string& repo, const string& status, const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto all, m_store->listPulls(repo));
    std::vector<PullRequest> keep;
    for (auto& pr : all) {
        const bool match = status.empty() || status == "all" || status == pullStatusName(pr.status) ||
                           (status == "closed" && pr.status == PullStatus::Merged);
        if (match) keep.push_back(std::move(pr));
    }
    return pageOf(std::move(keep), p, [](const PullRequest& x) { return x.id; });
}

Result<PullRequest> ReviewBackend::getPull(const string& repo, const string& id) { return m_store->getPull(repo, id); }

Result<string> ReviewBackend::createPull(const string& repo, const PullRequestCreation& c)
{
    if (c.title.empty()) return makeError(ErrorKind::InvalidArgument, "pull request title is required");
    if (c.source_branch == c.destination_branch)
        return makeError(ErrorKind::InvalidArgument,
                         "pull request source and destination are the same branch '" + c.source_branch + "'");
    LAKESIDE_RETURN_IF_ERROR(m_inner->getBranch(repo, c.source_branch));
    LAKESIDE_RETURN_IF_ERROR(m_inner->getBranch(repo, c.destination_branch));
    PullRequest pr;
    pr.id = review::newId();
    pr.title = c.title;
    pr.description = c.description;
    pr.author = userName();
    pr.source_branch = c.source_branch;
    pr.destination_branch = c.destination_branch;
    pr.creation_date = review::nowRfc3339();
    LAKESIDE_RETURN_IF_ERROR(m_store->putPull(repo, pr));
    return pr.id;
}

Status ReviewBackend::updatePull(const string& repo, const string& id, const PullRequestUpdate& u)
{
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, m_store->getPull(repo, id));
    if (u.title) pr.title = *u.title;
    if (u.description) pr.description = *u.description;
    if (u.status) {
        if (pr.status == PullStatus::Merged)
            return makeError(ErrorKind::InvalidArgument, "pull request '" + id + "' is already merged");
        pr.status = *u.status;
        pr.closed_date = pr.status == PullStatus::Open ? string() : review::nowRfc3339();
        // lakeFS lets a client mark a request merged (PATCH status=merged):
        // Lakeside's lakeFS client does so after merging the branches itself,
        // because lakeFS's pull merge takes no message, metadata or strategy.
        // Link the merge commit when the destination's head is that merge.
        if (pr.status == PullStatus::Merged) {
            auto head = m_inner->getCommit(repo, pr.destination_branch);
            if (head.ok()) {
                auto it = head->metadata.find("lakeside.review.id");
                if (it != head->metadata.end() && it->second == id) pr.merged_commit_id = head->id;
            }
        }
    }
    return m_store->putPull(repo, pr);
}

Result<std::vector<Review>> ReviewBackend::listReviews(const string& repo, const string& pullId)
{
    LAKESIDE_RETURN_IF_ERROR(m_store->getPull(repo, pullId));
    return m_store->listReviews(repo, pullId);
}

Status ReviewBackend::addReview(const string& repo, const string& pullId, const Review& r)
{
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, m_store->getPull(repo, pullId));
    if (pr.status != PullStatus::Open)
        return makeError(ErrorKind::InvalidArgument, "pull request '" + pullId + "' is not open");
    Review copy = r;
    if (copy.author.empty()) copy.author = userName();
    if (copy.created.empty()) copy.created = review::nowRfc3339();
    return m_store->addReview(repo, pullId, copy);
}

Result<MergeResult> ReviewBackend::mergePull(const string& repo, const string& id, const MergeParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, m_store->getPull(repo, id));
    if (pr.status != PullStatus::Open) // lakeFS: 400 "bad pull request status"
        return makeError(ErrorKind::InvalidArgument, "pull request '" + id + "': bad pull request status (" +
                                                         pullStatusName(pr.status) + ", not open)");
    LAKESIDE_RETURN_IF_ERROR(
        runHooks(repo, "pre-merge", pr.destination_branch, pr.source_branch, pr.source_branch, p.message, p.metadata));

    // Approvals: the strictest rule matching the destination decides.
    LAKESIDE_ASSIGN_OR_RETURN(auto rules, m_store->protection(repo));
    LAKESIDE_ASSIGN_OR_RETURN(auto reviews, m_store->listReviews(repo, id));
    const ApprovalState approvals = approvalState(rules, pr.destination_branch, reviews);
    LAKESIDE_RETURN_IF_ERROR(approvals.check(id, pr.destination_branch));

    const MergeParams params = reviewMergeParams(p, pr, approvals);
    LAKESIDE_ASSIGN_OR_RETURN(MergeResult merged, m_inner->merge(repo, pr.source_branch, pr.destination_branch, params));
    pr.status = PullStatus::Merged;
    pr.merged_commit_id = merged.reference;
    pr.closed_date = review::nowRfc3339();
    LAKESIDE_RETURN_IF_ERROR(m_store->putPull(repo, pr));
    return merged;
}

Result<Page<ActionRun>> ReviewBackend::listActionRuns(const string& repo, const string& branch, const string& commitId,
                                                      const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto all, m_store->listRuns(repo));
    std::vector<ActionRun> keep;
    for (auto& r : all)
        if ((branch.empty() || r.branch == branch) && (commitId.empty() || r.commit_id == commitId))
            keep.push_back(std::move(r));
    return pageOf(std::move(keep), p, [](const ActionRun& x) { return x.run_id; });
}

Result<ActionRun> ReviewBackend::getActionRun(const string& repo, const string& runId)
{
    return m_store->getRun(repo, runId);
}

Result<Page<HookRun>> ReviewBackend::listHookRuns(const string& repo, const string& runId, const ListParams& p)
{
    LAKESIDE_RETURN_IF_ERROR(m_store->getRun(repo, runId));
    LAKESIDE_ASSIGN_OR_RETURN(auto all, m_store->listHookRuns(repo, runId));
    std::vector<HookRun> runs;
    for (auto& h : all) runs.push_back(std::move(h.run));
    return pageOf(std::move(runs), p, [](const HookRun& x) { return x.hook_run_id; });
}

Result<string> ReviewBackend::getHookOutput(const string& repo, const string& runId, const string& hookRunId)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto all, m_store->listHookRuns(repo, runId));
    for (const auto& h : all)
        if (h.run.hook_run_id == hookRunId) return h.output;
    return makeError(ErrorKind::NotFound, "hook run '" + hookRunId + "' not found in run '" + runId + "'");
}

} // namespace lakeside
