// SPDX-License-Identifier: Apache-2.0
// LakeFsBackend: branch protection, pull requests and reviews, actions, imports.
#include "remote/lakefsbackend.h"
#include "remote/responseerror.h"
#include "remote/urlencode.h"
#include "remote/wire.h"

#include "api/approvals.h"
#include "api/json.h"

#include <cstdio>
#include <memory>

namespace lakeside::remote {

namespace {

HttpRequest get(std::string path, QueryParams q = {})
{
    HttpRequest r;
    r.path = std::move(path);
    r.query = std::move(q);
    return r;
}

std::string pullWhat(const std::string& repo, const std::string& id)
{
    return "pull request '" + id + "' in repository '" + repo + "'";
}

} // namespace

// --- branch protection --------------------------------------------------------

Result<Backend::ProtectionRules> LakeFsBackend::getBranchProtection(const std::string& repo)
{
    const std::string what = "branch protection of repository '" + repo + "'";
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp, call(get(repoPath(repo) + "/settings/branch_protection"), {200}, what));
    LAKESIDE_ASSIGN_OR_RETURN(Json j, parseJson(resp.body, what));
    ProtectionRules rules;
    LAKESIDE_ASSIGN_OR_RETURN(rules.patterns, protectionPatternsFromJson(j));
    rules.etag = resp.header("etag");
    LAKESIDE_ASSIGN_OR_RETURN(rules.required_approvals, m_store.requiredApprovals(repo));
    return rules;
}

Status LakeFsBackend::setBranchProtection(const std::string& repo, const ProtectionRules& rules, const std::string& ifMatch)
{
    HttpRequest r = jsonRequest("PUT", repoPath(repo) + "/settings/branch_protection", protectionPatternsToJson(rules.patterns));
    if (!ifMatch.empty()) r.headers.push_back("If-Match: " + ifMatch);
    LAKESIDE_RETURN_IF_ERROR(call(std::move(r), {200, 204}, "set branch protection of repository '" + repo + "'"));
    // Approvals only for patterns that exist, so removed rules leave nothing behind.
    std::map<std::string, int> approvals;
    for (const auto& [pattern, n] : rules.required_approvals)
        if (std::find(rules.patterns.begin(), rules.patterns.end(), pattern) != rules.patterns.end()) approvals[pattern] = n;
    return m_store.setRequiredApprovals(repo, approvals);
}

// --- pull requests --------------------------------------------------------------

Result<Page<PullRequest>> LakeFsBackend::listPulls(const std::string& repo, const std::string& status, const ListParams& p)
{
    QueryParams q = listQuery(p);
    q.emplace_back("status", status.empty() ? "all" : status);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/pulls", q), {200}, "list pull requests of repository '" + repo + "'"));
    return pageFromJson<PullRequest>(j);
}

Result<PullRequest> LakeFsBackend::getPull(const std::string& repo, const std::string& id)
{
    const std::string what = pullWhat(repo, id);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/pulls/" + percentEncode(id)), {200}, what));
    try {
        return j.get<PullRequest>();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer (" + e.what() + ")");
    }
}

Result<std::string> LakeFsBackend::createPull(const std::string& repo, const PullRequestCreation& c)
{
    const std::string what = "create pull request '" + c.title + "' in repository '" + repo + "'";
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(jsonRequest("POST", repoPath(repo) + "/pulls", pullCreationToJson(c)), {201}, what));
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string())
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer (no id)");
    return j["id"].get<std::string>();
}

Status LakeFsBackend::updatePull(const std::string& repo, const std::string& id, const PullRequestUpdate& u)
{
    // The spec says 200, lakeFS answers 204: accept any 2xx.
    return call(jsonRequest("PATCH", repoPath(repo) + "/pulls/" + percentEncode(id), pullUpdateToJson(u)), {200, 201, 204},
                "update " + pullWhat(repo, id))
        .status();
}

Result<MergeResult> LakeFsBackend::mergePull(const std::string& repo, const std::string& id, const MergeParams& p)
{
    const std::string what = "merge " + pullWhat(repo, id);
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, getPull(repo, id));
    if (pr.status != PullStatus::Open)
        return makeError(ErrorKind::InvalidArgument, what + ": bad pull request status (" + pullStatusName(pr.status) + ")");
    // Approvals are Lakeside's, kept with this client (lakeFS has no field for
    // them), so this client enforces them, by the same rule as the embedded
    // workspace (api/approvals.h).
    LAKESIDE_ASSIGN_OR_RETURN(ProtectionRules rules, getBranchProtection(repo));
    LAKESIDE_ASSIGN_OR_RETURN(std::vector<Review> reviews, listReviews(repo, id));
    const ApprovalState approvals = approvalState(rules, pr.destination_branch, reviews);
    LAKESIDE_RETURN_IF_ERROR(approvals.check(id, pr.destination_branch));
    // lakeFS's PUT pulls/{id}/merge takes no message, metadata, strategy or
    // resolutions, and the merge commit must record the review. So merge the
    // branches with them, then mark the request merged (PATCH status=merged,
    // which lakeFS allows); lakeFS then leaves merged_commit_id unset.
    const MergeParams params = reviewMergeParams(p, pr, approvals);
    LAKESIDE_ASSIGN_OR_RETURN(MergeResult m, merge(repo, pr.source_branch, pr.destination_branch, params));
    PullRequestUpdate u;
    u.status = PullStatus::Merged;
    if (Status st = updatePull(repo, id, u); !st.ok()) {
        Error e = st.error();
        e.message = what + ": merged as " + m.reference + ", but marking the request merged failed: " + e.message;
        return e;
    }
    return m;
}

Result<std::vector<Review>> LakeFsBackend::listReviews(const std::string& repo, const std::string& pullId)
{
    return m_store.reviews(repo, pullId);
}

Status LakeFsBackend::addReview(const std::string& repo, const std::string& pullId, const Review& r)
{
    // The pull request must exist on the server; the review itself stays local.
    LAKESIDE_RETURN_IF_ERROR(getPull(repo, pullId));
    Review stored = r;
    if (stored.author.empty()) stored.author = userName();
    if (stored.created.empty()) stored.created = toRfc3339(static_cast<int64_t>(std::time(nullptr)));
    return m_store.addReview(repo, pullId, stored);
}

// --- actions --------------------------------------------------------------------

Result<Page<ActionRun>> LakeFsBackend::listActionRuns(const std::string& repo, const std::string& branch,
                                                      const std::string& commitId, const ListParams& p)
{
    QueryParams q = listQuery(p);
    if (!branch.empty()) q.emplace_back("branch", branch);
    if (!commitId.empty()) q.emplace_back("commit", commitId);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/actions/runs", q), {200}, "list action runs of repository '" + repo + "'"));
    return pageFromJson<ActionRun>(j);
}

Result<ActionRun> LakeFsBackend::getActionRun(const std::string& repo, const std::string& runId)
{
    const std::string what = "action run '" + runId + "' in repository '" + repo + "'";
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/actions/runs/" + percentEncode(runId)), {200}, what));
    try {
        return j.get<ActionRun>();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer (" + e.what() + ")");
    }
}

Result<Page<HookRun>> LakeFsBackend::listHookRuns(const std::string& repo, const std::string& runId, const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/actions/runs/" + percentEncode(runId) + "/hooks", listQuery(p)),
                                               {200}, "hooks of action run '" + runId + "' in repository '" + repo + "'"));
    return pageFromJson<HookRun>(j);
}

Result<std::string> LakeFsBackend::getHookOutput(const std::string& repo, const std::string& runId, const std::string& hookRunId)
{
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp,
                              call(get(repoPath(repo) + "/actions/runs/" + percentEncode(runId) + "/hooks/" + percentEncode(hookRunId) + "/output"),
                                   {200}, "output of hook '" + hookRunId + "' in action run '" + runId + "'"));
    return std::move(resp.body);
}

// --- imports --------------------------------------------------------------------

Result<Commit> LakeFsBackend::importLocalFolder(const std::string&, const std::string&, const std::string&,
                                                const std::string&, const CommitCreation&, const OpContext&)
{
    return makeError(ErrorKind::NotImplemented,
                     "importing a local folder is not available on " + describe()
                         + ": lakeFS imports from object storage only; upload the files instead");
}

Result<Commit> LakeFsBackend::importFromRef(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                            const std::string& sourceRepo, const std::string& sourceRef,
                                            const std::string& sourcePrefix, const CommitCreation& c, const OpContext& ctx)
{
    // Resolve the source once so every object comes from the same commit.
    LAKESIDE_ASSIGN_OR_RETURN(Commit source, getCommit(sourceRepo, sourceRef));
    ListParams lp;
    lp.prefix = sourcePrefix;
    lp.amount = 1000;
    std::vector<ObjectStats> objects;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<ObjectStats>(
        [&](const std::string& after) { lp.after = after; return listObjects(sourceRepo, source.id, lp, ""); },
        [&](const ObjectStats& o) { objects.push_back(o); return true; }));
    int64_t done = 0;
    for (const ObjectStats& o : objects) {
        if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "import from '" + sourceRepo + "' was cancelled");
        // Objects travel through a temporary file: lakeFS has no cross-repository link.
        std::unique_ptr<FILE, int (*)(FILE*)> tmp(std::tmpfile(), &std::fclose);
        if (!tmp) return makeError(ErrorKind::Io, "cannot create a temporary file for importing '" + o.path + "'");
        ByteSink sink = [&](const char* d, int64_t n) { return std::fwrite(d, 1, static_cast<size_t>(n), tmp.get()) == static_cast<size_t>(n); };
        LAKESIDE_RETURN_IF_ERROR(getObject(sourceRepo, source.id, o.path, sink, std::nullopt, ctx));
        std::rewind(tmp.get());
        ByteSource src = [&](char* buf, int64_t cap) -> int64_t {
            const size_t n = std::fread(buf, 1, static_cast<size_t>(cap), tmp.get());
            return std::ferror(tmp.get()) ? -1 : static_cast<int64_t>(n);
        };
        UploadOptions opts;
        opts.content_type = o.content_type;
        opts.metadata = o.metadata;
        const std::string dest = destPrefix + o.path.substr(std::min(sourcePrefix.size(), o.path.size()));
        LAKESIDE_RETURN_IF_ERROR(uploadObject(repo, branch, dest, src, o.size_bytes, opts, {}));
        ctx.report(++done, static_cast<int64_t>(objects.size()));
    }
    CommitCreation cc = c;
    cc.metadata["lakeside.source"] = sourceRepo + "@" + source.id;
    cc.metadata["lakeside.source.prefix"] = sourcePrefix;
    return commit(repo, branch, cc);
}

} // namespace lakeside::remote
