// SPDX-License-Identifier: Apache-2.0
#include "extrasbackend.h"

#include <fnmatch.h>

#include <algorithm>
#include <ctime>

using namespace lakeside;

namespace {

std::string now()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Ids that sort ascending newest-first, like lakeFS's xids (20 chars of [0-9a-v]).
std::string descendingId(int counter)
{
    std::string n = std::to_string(100000000 - counter);
    return std::string(20 - n.size(), '0') + n;
}

template <class T, class Key>
Page<T> paginate(const std::vector<T>& sorted, const ListParams& p, Key key)
{
    Page<T> page;
    const size_t amount = static_cast<size_t>(p.amount <= 0 ? 100 : std::min(p.amount, 1000));
    for (const T& item : sorted) {
        if (!p.after.empty() && key(item) <= p.after) continue;
        if (!p.prefix.empty() && key(item).rfind(p.prefix, 0) != 0) continue;
        if (page.results.size() == amount) {
            page.has_more = true;
            page.next_offset = key(page.results.back());
            break;
        }
        page.results.push_back(item);
    }
    return page;
}

} // namespace

Status ExtrasBackend::writable(const std::string& repo, const std::string& branch, const char* what)
{
    std::lock_guard<std::mutex> g(m_mutex);
    for (const std::string& pattern : m_protection[repo])
        if (fnmatch(pattern.c_str(), branch.c_str(), 0) == 0)
            return makeError(ErrorKind::Forbidden, std::string("cannot ") + what + " protected branch");
    return Status();
}

Status ExtrasBackend::resetBranch(const std::string& r, const std::string& b, ResetType t, const std::string& p)
{
    LAKESIDE_RETURN_IF_ERROR(writable(r, b, "write to"));
    return m.resetBranch(r, b, t, p);
}

Result<Commit> ExtrasBackend::commit(const std::string& r, const std::string& b, const CommitCreation& c)
{
    LAKESIDE_RETURN_IF_ERROR(writable(r, b, "commit to"));
    auto result = m.commit(r, b, c);
    if (result.ok()) {
        std::lock_guard<std::mutex> g(m_mutex);
        ActionRun run{descendingId(++m_nextRun), b, result->id, "pre-commit", "completed", now(), now()};
        auto& runs = m_runs[r];
        runs.insert(runs.begin(), run);
    }
    return result;
}

Result<ObjectStats> ExtrasBackend::uploadObject(const std::string& r, const std::string& b, const std::string& p,
                                                const ByteSource& s, int64_t size, const UploadOptions& o, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(writable(r, b, "write to"));
    return m.uploadObject(r, b, p, s, size, o, ctx);
}

Status ExtrasBackend::deleteObject(const std::string& r, const std::string& b, const std::string& p)
{
    LAKESIDE_RETURN_IF_ERROR(writable(r, b, "write to"));
    return m.deleteObject(r, b, p);
}

Result<std::vector<ObjectError>> ExtrasBackend::deleteObjects(const std::string& r, const std::string& b,
                                                              const std::vector<std::string>& p)
{
    LAKESIDE_RETURN_IF_ERROR(writable(r, b, "write to"));
    return m.deleteObjects(r, b, p);
}

Result<Backend::ProtectionRules> ExtrasBackend::getBranchProtection(const std::string& repo)
{
    LAKESIDE_RETURN_IF_ERROR(m.getRepository(repo));
    std::lock_guard<std::mutex> g(m_mutex);
    ProtectionRules rules;
    rules.patterns = m_protection[repo];
    rules.etag = "\"v" + std::to_string(m_protectionVersion[repo]) + "\"";
    return rules;
}

Status ExtrasBackend::setBranchProtection(const std::string& repo, const ProtectionRules& rules, const std::string& ifMatch)
{
    LAKESIDE_RETURN_IF_ERROR(m.getRepository(repo));
    std::lock_guard<std::mutex> g(m_mutex);
    if (!ifMatch.empty() && ifMatch != "\"v" + std::to_string(m_protectionVersion[repo]) + "\"")
        return makeError(ErrorKind::PreconditionFailed, "Precondition failed");
    m_protection[repo] = rules.patterns;
    ++m_protectionVersion[repo];
    return Status();
}

Result<Page<PullRequest>> ExtrasBackend::listPulls(const std::string& repo, const std::string& status, const ListParams& p)
{
    LAKESIDE_RETURN_IF_ERROR(m.getRepository(repo));
    std::lock_guard<std::mutex> g(m_mutex);
    std::vector<PullRequest> all;
    for (const auto& [id, pr] : m_pulls[repo]) {
        const bool open = pr.status == PullStatus::Open;
        if (status.empty() || (status == "open" && open) || (status == "closed" && !open)) all.push_back(pr);
    }
    return paginate(all, p, [](const PullRequest& pr) { return pr.id; });
}

Result<PullRequest> ExtrasBackend::getPull(const std::string& repo, const std::string& id)
{
    std::lock_guard<std::mutex> g(m_mutex);
    auto it = m_pulls[repo].find(id);
    if (it == m_pulls[repo].end()) return makeError(ErrorKind::NotFound, "pull request not found");
    return it->second;
}

Result<std::string> ExtrasBackend::createPull(const std::string& repo, const PullRequestCreation& c)
{
    if (c.source_branch == c.destination_branch) return makeError(ErrorKind::InvalidArgument, "same branch");
    LAKESIDE_RETURN_IF_ERROR(m.getBranch(repo, c.source_branch));
    LAKESIDE_RETURN_IF_ERROR(m.getBranch(repo, c.destination_branch));
    std::lock_guard<std::mutex> g(m_mutex);
    PullRequest pr;
    pr.id = descendingId(++m_nextPull);
    pr.title = c.title;
    pr.description = c.description;
    pr.author = m.userName();
    pr.source_branch = c.source_branch;
    pr.destination_branch = c.destination_branch;
    pr.creation_date = now();
    m_pulls[repo][pr.id] = pr;
    return pr.id;
}

Status ExtrasBackend::updatePull(const std::string& repo, const std::string& id, const PullRequestUpdate& u)
{
    std::lock_guard<std::mutex> g(m_mutex);
    auto it = m_pulls[repo].find(id);
    if (it == m_pulls[repo].end()) return makeError(ErrorKind::NotFound, "pull request not found");
    if (u.title) it->second.title = *u.title;
    if (u.description) it->second.description = *u.description;
    if (u.status) {
        it->second.status = *u.status;
        if (*u.status != PullStatus::Open) it->second.closed_date = now();
    }
    return Status();
}

Result<MergeResult> ExtrasBackend::mergePull(const std::string& repo, const std::string& id, const MergeParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, getPull(repo, id));
    if (pr.status != PullStatus::Open) return makeError(ErrorKind::InvalidArgument, "bad pull request status");
    LAKESIDE_ASSIGN_OR_RETURN(MergeResult r, m.merge(repo, pr.source_branch, pr.destination_branch, p));
    std::lock_guard<std::mutex> g(m_mutex);
    PullRequest& stored = m_pulls[repo][id];
    stored.status = PullStatus::Merged;
    stored.closed_date = now();
    stored.merged_commit_id = r.reference;
    return r;
}

Result<Page<ActionRun>> ExtrasBackend::listActionRuns(const std::string& repo, const std::string& branch,
                                                      const std::string& commitId, const ListParams& p)
{
    LAKESIDE_RETURN_IF_ERROR(m.getRepository(repo));
    std::lock_guard<std::mutex> g(m_mutex);
    std::vector<ActionRun> runs;
    for (const ActionRun& r : m_runs[repo])
        if ((branch.empty() || r.branch == branch) && (commitId.empty() || r.commit_id == commitId)) runs.push_back(r);
    return paginate(runs, p, [](const ActionRun& r) { return r.run_id; });
}

Result<ActionRun> ExtrasBackend::getActionRun(const std::string& repo, const std::string& runId)
{
    std::lock_guard<std::mutex> g(m_mutex);
    for (const ActionRun& r : m_runs[repo])
        if (r.run_id == runId) return r;
    return makeError(ErrorKind::NotFound, "action run not found");
}

Result<Page<HookRun>> ExtrasBackend::listHookRuns(const std::string& repo, const std::string& runId, const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(ActionRun run, getActionRun(repo, runId));
    std::vector<HookRun> hooks{{"0000_0000", "check", "format", "completed", run.start_time, run.end_time},
                               {"0000_0001", "check", "schema", "failed", run.start_time, ""}};
    return paginate(hooks, p, [](const HookRun& h) { return h.hook_run_id; });
}

Result<std::string> ExtrasBackend::getHookOutput(const std::string& repo, const std::string& runId, const std::string& hookRunId)
{
    LAKESIDE_RETURN_IF_ERROR(getActionRun(repo, runId));
    return "hook " + hookRunId + " of run " + runId + ": ok\n";
}
