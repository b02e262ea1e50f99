// SPDX-License-Identifier: Apache-2.0
#pragma once
// Merge review for any Backend (in practice the embedded LocalBackend): a
// decorator that forwards every call to `inner` and adds, kept in
// `<dir>/review.db`:
//  - branch protection (glob rules, ETag, required approvals per rule):
//    uploads, deletes, resets and commits on a protected branch are Forbidden;
//    merges, reverts and cherry-picks stay allowed, as in lakeFS;
//  - lakeFS actions (`_lakefs_actions/*.yaml`): pre-commit hooks read the
//    branch (staged changes included), pre-merge hooks read the SOURCE ref. A
//    failing hook aborts the operation with PreconditionFailed in lakeFS's
//    message format and Error::runId set; runs and hook output are recorded.
//    Hook types: `webhook`, `lakeside_check` (builtincheck.h); others fail;
//  - pull requests and reviews; mergePull requires the approvals demanded by
//    the destination's protection rule and records `lakeside.review.id` and
//    `lakeside.review.approvers` in the merge commit's metadata.
// Thread safety: as Backend (any thread, concurrently), provided `inner` is.

#include "api/backend.h"

#include <memory>
#include <string>

namespace lakeside::review {
class ReviewStore;
}

namespace lakeside {

class ReviewBackend : public Backend {
public:
    // Opens (creating) `<reviewDir>/review.db`; pass the workspace directory.
    static Result<std::unique_ptr<ReviewBackend>> open(std::shared_ptr<Backend> inner, const std::string& reviewDir);
    ~ReviewBackend() override;

    Backend& inner() { return *m_inner; }

    std::string describe() const override;
    std::string userName() const override;

    Result<Page<Repository>> listRepositories(const ListParams& p) override;
    Result<Repository> getRepository(const std::string& repo) override;
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
    Result<ObjectStats> uploadObject(const std::string& repo, const std::string& branch, const std::string& path,
                                     const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                     const OpContext& ctx = {}) override;
    Status deleteObject(const std::string& repo, const std::string& branch, const std::string& path) override;
    Result<std::vector<ObjectError>> deleteObjects(const std::string& repo, const std::string& branch,
                                                   const std::vector<std::string>& paths) override;

    Result<Commit> importLocalFolder(const std::string& repo, const std::string& branch, const std::string& folder,
                                     const std::string& destPrefix, const CommitCreation& c,
                                     const OpContext& ctx = {}) override;
    Result<Commit> importFromRef(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                 const std::string& sourceRepo, const std::string& sourceRef,
                                 const std::string& sourcePrefix, const CommitCreation& c,
                                 const OpContext& ctx = {}) override;

    Status healthcheck() override;
    Result<VersionConfig> version() override;
    Result<User> currentUser() override;

    Result<ProtectionRules> getBranchProtection(const std::string& repo) override;
    Status setBranchProtection(const std::string& repo, const ProtectionRules& rules,
                               const std::string& ifMatch) override;

    Result<Page<PullRequest>> listPulls(const std::string& repo, const std::string& status,
                                        const ListParams& p) override;
    Result<PullRequest> getPull(const std::string& repo, const std::string& id) override;
    Result<std::string> createPull(const std::string& repo, const PullRequestCreation& c) override;
    Status updatePull(const std::string& repo, const std::string& id, const PullRequestUpdate& u) override;
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

private:
    ReviewBackend(std::shared_ptr<Backend> inner, std::unique_ptr<review::ReviewStore> store);
    // Forbidden when `branch` matches a protection rule of `repo`.
    Status checkWritable(const std::string& repo, const std::string& branch, const char* verb);
    // Runs the hooks for `event`; `readRef` is where action files and data are read.
    // `recordedRunId`, when given, receives the id of the run it recorded (empty
    // when no action matched).
    Status runHooks(const std::string& repo, const std::string& event, const std::string& branch,
                    const std::string& sourceRef, const std::string& readRef, const std::string& message,
                    const Metadata& metadata, std::string* recordedRunId = nullptr);

    std::shared_ptr<Backend> m_inner;
    std::unique_ptr<review::ReviewStore> m_store;
};

} // namespace lakeside
