// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Backend over the embedded engine (model/engine): what the CLI, the GUI and
// the lakeFS-compatible server use for a local workspace. Semantics, errors and
// thread safety are the Backend contract's (api/backend.h): thread-safe, any
// method from any thread, several processes may share one workspace.
// Branch protection, review requests and actions are not implemented yet
// (NotImplemented, the Backend defaults).

#include "api/backend.h"
#include "engine/fsckreport.h"

#include <memory>
#include <string>

namespace lakeside {

namespace engine {
class Engine;
} // namespace engine

using FsckReport = engine::FsckReport;

class LocalBackend : public Backend {
public:
    // Opens the workspace at `workspaceDir`, creating it if missing. `userName` is
    // the committer of commits made through this backend.
    static Result<std::unique_ptr<LocalBackend>> open(const std::string& workspaceDir, const std::string& userName);
    ~LocalBackend() override;

    const std::string& workspaceDir() const;
    // Verifies every reachable commit, tree node and blob (empty: all repositories).
    Result<FsckReport> fsck(const std::string& repoOrEmpty, const OpContext& ctx = {});

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

private:
    LocalBackend(std::unique_ptr<engine::Engine> e, std::string userName);
    std::unique_ptr<engine::Engine> m_engine;
    std::string m_userName;
};

} // namespace lakeside
