// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one interface the GUI and the CLI talk to. Two implementations:
// LocalBackend (the embedded engine, model/local/localbackend.h) and
// LakeFsBackend (lakeFS REST API v1 over libcurl, model/remote/lakefsbackend.h).
//
// Contract, for every method:
// - Synchronous and thread-safe: any method may be called from any thread,
//   concurrently. Calls may block (disk, network); never call them on the UI
//   thread, wrap them in a job (model/jobs) instead.
// - Semantics are lakeFS's (../shared/lakefs-api/REFERENCE.md): refs accept
//   ref expressions (`main~2`, `v1^1`, commit prefixes), lists paginate with
//   `after` (exclusive) and `amount` (<= 0 means 100, capped at 1000), and
//   errors carry the ErrorKind lakeFS's status code would give.
// - No method throws. Messages name the repository, ref or path concerned.

#include "status.h"
#include "types.h"

#include <memory>
#include <string>
#include <vector>

namespace lakeside {

class Backend {
public:
    virtual ~Backend() = default;

    // Human-readable location: "local workspace /home/u/.local/share/lakeside/workspace"
    // or "lakeFS https://lakefs.example.com".
    virtual std::string describe() const = 0;
    // The identity recorded as committer/author for operations made through this backend.
    virtual std::string userName() const = 0;

    // --- repositories ---
    virtual Result<Page<Repository>> listRepositories(const ListParams& p) = 0;
    virtual Result<Repository> getRepository(const std::string& repo) = 0;
    virtual Result<Repository> createRepository(const RepositoryCreation& c) = 0;
    virtual Status deleteRepository(const std::string& repo) = 0;

    // --- branches ---
    virtual Result<Page<Ref>> listBranches(const std::string& repo, const ListParams& p) = 0;
    virtual Result<Ref> getBranch(const std::string& repo, const std::string& branch) = 0;
    // `source` is any ref expression; a `$` source is InvalidArgument.
    virtual Result<Ref> createBranch(const std::string& repo, const std::string& name,
                                     const std::string& source) = 0;
    // The default branch gives Forbidden.
    virtual Status deleteBranch(const std::string& repo, const std::string& branch) = 0;
    // Discard uncommitted changes: all (Reset), one object, or a common prefix.
    virtual Status resetBranch(const std::string& repo, const std::string& branch,
                               ResetType type, const std::string& path) = 0;
    // Move HEAD to `ref` (git reset --hard). A dirty branch is InvalidArgument.
    virtual Status hardResetBranch(const std::string& repo, const std::string& branch,
                                   const std::string& ref) = 0;
    // Returns the new commit (the remote backend fetches it after lakeFS's empty 204).
    virtual Result<Commit> revertBranch(const std::string& repo, const std::string& branch,
                                        const std::string& ref, int parentNumber,
                                        const CommitOverrides& overrides, bool allowEmpty) = 0;
    virtual Result<Commit> cherryPick(const std::string& repo, const std::string& branch,
                                      const std::string& ref, int parentNumber) = 0;

    // --- tags ---
    virtual Result<Page<Ref>> listTags(const std::string& repo, const ListParams& p) = 0;
    virtual Result<Ref> getTag(const std::string& repo, const std::string& tag) = 0;
    virtual Result<Ref> createTag(const std::string& repo, const std::string& id,
                                  const std::string& ref) = 0;
    virtual Status deleteTag(const std::string& repo, const std::string& tag) = 0;

    // --- commits and refs ---
    // `ref` may be any ref expression; the result carries the full id.
    virtual Result<Commit> getCommit(const std::string& repo, const std::string& ref) = 0;
    virtual Result<Page<Commit>> logCommits(const std::string& repo, const std::string& ref,
                                            const LogParams& p) = 0;
    // Empty commit without allow_empty: InvalidArgument "commit: no changes".
    virtual Result<Commit> commit(const std::string& repo, const std::string& branch,
                                  const CommitCreation& c) = 0;

    // --- diff and merge ---
    // Two-dot or three-dot (default) diff of two refs; entries sorted by path.
    virtual Result<Page<DiffEntry>> diffRefs(const std::string& repo, const std::string& left,
                                             const std::string& right, const DiffParams& p) = 0;
    // Uncommitted changes of a branch against its HEAD.
    virtual Result<Page<DiffEntry>> diffBranch(const std::string& repo, const std::string& branch,
                                               const DiffParams& p) = 0;
    // Conflict (409) lists the conflicting paths in Error::conflicts where the backend knows them.
    virtual Result<MergeResult> merge(const std::string& repo, const std::string& sourceRef,
                                      const std::string& destinationBranch,
                                      const MergeParams& p) = 0;
    virtual Result<FindMergeBaseResult> findMergeBase(const std::string& repo,
                                                      const std::string& sourceRef,
                                                      const std::string& destinationBranch) = 0;

    // --- objects ---
    virtual Result<Page<ObjectStats>> listObjects(const std::string& repo, const std::string& ref,
                                                  const ListParams& p,
                                                  const std::string& delimiter) = 0;
    virtual Result<ObjectStats> statObject(const std::string& repo, const std::string& ref,
                                           const std::string& path) = 0;
    // Streams the object's bytes (or a range of them) into `sink`.
    virtual Status getObject(const std::string& repo, const std::string& ref,
                             const std::string& path, const ByteSink& sink,
                             const std::optional<ByteRange>& range = std::nullopt,
                             const OpContext& ctx = {}) = 0;
    // `sizeHint` < 0 when unknown; used for progress and for choosing multipart upload.
    virtual Result<ObjectStats> uploadObject(const std::string& repo, const std::string& branch,
                                             const std::string& path, const ByteSource& source,
                                             int64_t sizeHint, const UploadOptions& opts,
                                             const OpContext& ctx = {}) = 0;
    // Idempotent: deleting a missing path succeeds.
    virtual Status deleteObject(const std::string& repo, const std::string& branch,
                                const std::string& path) = 0;
    virtual Result<std::vector<ObjectError>> deleteObjects(const std::string& repo,
                                                           const std::string& branch,
                                                           const std::vector<std::string>& paths) = 0;

    // --- import ---
    // Zero-copy import of a local folder under `destPrefix`, committed with `c`.
    // Remote backends answer NotImplemented (lakeFS imports from object storage only).
    virtual Result<Commit> importLocalFolder(const std::string& repo, const std::string& branch,
                                             const std::string& folder, const std::string& destPrefix,
                                             const CommitCreation& c, const OpContext& ctx = {}) = 0;
    // Data-mesh onboarding: link `sourceRepo@sourceRef/sourcePrefix` under `destPrefix` without
    // copying data; the commit metadata records the source as `repo@commit`.
    virtual Result<Commit> importFromRef(const std::string& repo, const std::string& branch,
                                         const std::string& destPrefix,
                                         const std::string& sourceRepo, const std::string& sourceRef,
                                         const std::string& sourcePrefix, const CommitCreation& c,
                                         const OpContext& ctx = {}) = 0;

    // --- branch protection (lakeFS settings/branch_protection) ---
    struct ProtectionRules {
        std::vector<std::string> patterns;
        std::string etag;
        // Lakeside extension, stored client-side on lakeFS: approvals required per pattern.
        std::map<std::string, int> required_approvals;
    };
    virtual Result<ProtectionRules> getBranchProtection(const std::string& repo);
    // `ifMatch` empty: unconditional. Stale etag: PreconditionFailed.
    virtual Status setBranchProtection(const std::string& repo, const ProtectionRules& rules,
                                       const std::string& ifMatch);

    // --- review requests (lakeFS /pulls) ---
    // status: empty means all; "closed" includes merged, as lakeFS does.
    virtual Result<Page<PullRequest>> listPulls(const std::string& repo, const std::string& status,
                                                const ListParams& p);
    virtual Result<PullRequest> getPull(const std::string& repo, const std::string& id);
    virtual Result<std::string> createPull(const std::string& repo, const PullRequestCreation& c);
    virtual Status updatePull(const std::string& repo, const std::string& id,
                              const PullRequestUpdate& u);
    virtual Result<MergeResult> mergePull(const std::string& repo, const std::string& id,
                                          const MergeParams& p);
    virtual Result<std::vector<Review>> listReviews(const std::string& repo, const std::string& pullId);
    virtual Status addReview(const std::string& repo, const std::string& pullId, const Review& r);

    // --- actions (hook runs) ---
    virtual Result<Page<ActionRun>> listActionRuns(const std::string& repo, const std::string& branch,
                                                   const std::string& commitId, const ListParams& p);
    virtual Result<ActionRun> getActionRun(const std::string& repo, const std::string& runId);
    virtual Result<Page<HookRun>> listHookRuns(const std::string& repo, const std::string& runId,
                                               const ListParams& p);
    virtual Result<std::string> getHookOutput(const std::string& repo, const std::string& runId,
                                              const std::string& hookRunId);

    // --- service ---
    virtual Status healthcheck() = 0;
    virtual Result<VersionConfig> version() = 0;
    virtual Result<User> currentUser() = 0;

protected:
    // For the optional groups above: a clear NotImplemented naming this backend.
    Error notSupported(const char* what) const;
};

// Walks every page of a paginated call. `fetch(after)` returns one page;
// `visit` returns false to stop early. Stops at the first error and returns it.
template <class T, class Fetch, class Visit>
Status forEachPage(Fetch&& fetch, Visit&& visit)
{
    std::string after;
    for (;;) {
        Result<Page<T>> page = fetch(after);
        if (!page.ok()) return page.error();
        for (const T& item : page->results)
            if (!visit(item)) return Status();
        if (!page->has_more) return Status();
        after = page->next_offset;
    }
}

} // namespace lakeside
