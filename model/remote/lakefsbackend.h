// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Backend over a lakeFS server's REST API v1 (../shared/lakefs-api).
//
// Every call is one or a few synchronous HTTP requests (httpclient.h): safe
// to call from any thread concurrently, never on the UI thread. Lists map
// one-to-one onto lakeFS pages (after/amount), so callers stream pages.
//
// Where lakeFS differs from its spec (REFERENCE.md §11) this class follows
// the server: plain-text branch creation, revert's empty 204 (the new commit
// is then read from the branch head), 409 bodies in either shape, PATCH
// answering 200 or 204, hook status "skipped".
//
// Lakeside extensions lakeFS lacks are kept client-side (clientstore.h):
// reviews on pull requests and required approvals per protection pattern.
// Conflicting paths after a 409 merge come from the three-dot diff
// dest...source (entries of type conflict).

#include "api/backend.h"
#include "remote/clientstore.h"
#include "remote/connectionconfig.h"
#include "remote/httpclient.h"

#include <memory>
#include <mutex>
#include <optional>

namespace lakeside::remote {

class LakeFsBackend : public Backend {
public:
    explicit LakeFsBackend(ConnectionConfig config);
    ~LakeFsBackend() override;

    const ConnectionConfig& config() const { return m_http.config(); }
    const HttpClient& http() const { return m_http; }

    std::string describe() const override;
    // The lakeFS user id of the credentials (GET /user, cached); the access
    // key id when the server cannot be asked.
    std::string userName() const override;

    Result<Page<Repository>> listRepositories(const ListParams& p) override;
    Result<Repository> getRepository(const std::string& repo) override;
    // An empty storage namespace is filled from the server's
    // default_namespace_prefix (GET /config/storage) + the repository name.
    Result<Repository> createRepository(const RepositoryCreation& c) override;
    Status deleteRepository(const std::string& repo) override;

    Result<Page<Ref>> listBranches(const std::string& repo, const ListParams& p) override;
    Result<Ref> getBranch(const std::string& repo, const std::string& branch) override;
    Result<Ref> createBranch(const std::string& repo, const std::string& name, const std::string& source) override;
    Status deleteBranch(const std::string& repo, const std::string& branch) override;
    Status resetBranch(const std::string& repo, const std::string& branch, ResetType type,
                       const std::string& path) override;
    Status hardResetBranch(const std::string& repo, const std::string& branch, const std::string& ref) override;
    Result<Commit> revertBranch(const std::string& repo, const std::string& branch, const std::string& ref,
                                int parentNumber, const CommitOverrides& overrides, bool allowEmpty) override;
    Result<Commit> cherryPick(const std::string& repo, const std::string& branch, const std::string& ref,
                              int parentNumber) override;

    Result<Page<Ref>> listTags(const std::string& repo, const ListParams& p) override;
    Result<Ref> getTag(const std::string& repo, const std::string& tag) override;
    Result<Ref> createTag(const std::string& repo, const std::string& id, const std::string& ref) override;
    Status deleteTag(const std::string& repo, const std::string& tag) override;

    Result<Commit> getCommit(const std::string& repo, const std::string& ref) override;
    Result<Page<Commit>> logCommits(const std::string& repo, const std::string& ref, const LogParams& p) override;
    Result<Commit> commit(const std::string& repo, const std::string& branch, const CommitCreation& c) override;

    Result<Page<DiffEntry>> diffRefs(const std::string& repo, const std::string& left, const std::string& right,
                                     const DiffParams& p) override;
    Result<Page<DiffEntry>> diffBranch(const std::string& repo, const std::string& branch,
                                       const DiffParams& p) override;
    Result<MergeResult> merge(const std::string& repo, const std::string& sourceRef,
                              const std::string& destinationBranch, const MergeParams& p) override;
    Result<FindMergeBaseResult> findMergeBase(const std::string& repo, const std::string& sourceRef,
                                              const std::string& destinationBranch) override;

    Result<Page<ObjectStats>> listObjects(const std::string& repo, const std::string& ref, const ListParams& p,
                                          const std::string& delimiter) override;
    Result<ObjectStats> statObject(const std::string& repo, const std::string& ref, const std::string& path) override;
    Status getObject(const std::string& repo, const std::string& ref, const std::string& path, const ByteSink& sink,
                     const std::optional<ByteRange>& range = std::nullopt, const OpContext& ctx = {}) override;
    // Raw application/octet-stream body below config().multipart_threshold; multipart/form-data
    // from there on, for unknown sizes, and for any other content type (the spec allows no other raw type).
    // Not retried once the source has been read (a ByteSource cannot rewind).
    Result<ObjectStats> uploadObject(const std::string& repo, const std::string& branch, const std::string& path,
                                     const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                     const OpContext& ctx = {}) override;
    Status deleteObject(const std::string& repo, const std::string& branch, const std::string& path) override;
    // Sent in batches of 1000 paths (lakeFS's limit).
    Result<std::vector<ObjectError>> deleteObjects(const std::string& repo, const std::string& branch,
                                                   const std::vector<std::string>& paths) override;

    // NotImplemented: lakeFS imports from object storage only.
    Result<Commit> importLocalFolder(const std::string& repo, const std::string& branch, const std::string& folder,
                                     const std::string& destPrefix, const CommitCreation& c,
                                     const OpContext& ctx = {}) override;
    // Zero-copy on lakeFS too: each source object is staged by its physical
    // address (PUT branches/{b}/objects), then one commit records the source.
    Result<Commit> importFromRef(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                 const std::string& sourceRepo, const std::string& sourceRef,
                                 const std::string& sourcePrefix, const CommitCreation& c,
                                 const OpContext& ctx = {}) override;

    Result<ProtectionRules> getBranchProtection(const std::string& repo) override;
    Status setBranchProtection(const std::string& repo, const ProtectionRules& rules,
                               const std::string& ifMatch) override;

    Result<Page<PullRequest>> listPulls(const std::string& repo, const std::string& status,
                                        const ListParams& p) override;
    Result<PullRequest> getPull(const std::string& repo, const std::string& id) override;
    Result<std::string> createPull(const std::string& repo, const PullRequestCreation& c) override;
    Status updatePull(const std::string& repo, const std::string& id, const PullRequestUpdate& u) override;
    // Default params: lakeFS's PR merge. Otherwise (strategy, message, ...
    // which the PR endpoint cannot take): a branch merge, then status merged.
    Result<MergeResult> mergePull(const std::string& repo, const std::string& id, const MergeParams& p) override;
    Result<std::vector<Review>> listReviews(const std::string& repo, const std::string& pullId) override;
    Status addReview(const std::string& repo, const std::string& pullId, const Review& r) override;

    Result<Page<ActionRun>> listActionRuns(const std::string& repo, const std::string& branch,
                                           const std::string& commitId, const ListParams& p) override;
    Result<ActionRun> getActionRun(const std::string& repo, const std::string& runId) override;
    Result<Page<HookRun>> listHookRuns(const std::string& repo, const std::string& runId,
                                       const ListParams& p) override;
    Result<std::string> getHookOutput(const std::string& repo, const std::string& runId,
                                      const std::string& hookRunId) override;

    Status healthcheck() override;
    Result<VersionConfig> version() override;
    Result<User> currentUser() override;

private:
    // One request; a status outside `ok` becomes an Error naming `what`.
    Result<HttpResponse> call(HttpRequest r, std::initializer_list<int> ok, const std::string& what) const;
    Result<Json> callJson(HttpRequest r, std::initializer_list<int> ok, const std::string& what) const;
    static HttpRequest jsonRequest(const std::string& method, std::string path, const Json& body);
    // Conflicting paths (three-dot diff dest...source), at most `limit`.
    std::vector<std::string> conflictingPaths(const std::string& repo, const std::string& dest,
                                              const std::string& source, size_t limit = 1000);

    HttpClient m_http;
    ClientStore m_store;
    mutable std::mutex m_userMutex;
    mutable std::optional<std::string> m_userName;
};

// Path helpers shared by the client's source files.
std::string repoPath(const std::string& repo); // "/repositories/<enc>"
QueryParams listQuery(const ListParams& p);

} // namespace lakeside::remote
