// SPDX-License-Identifier: Apache-2.0
#pragma once
// A small in-memory Backend for the GUI and model tests: repositories,
// branches with staging areas, tags, linear commits, objects with
// delimiter listings and pagination, uncommitted diff, reset, upload and
// download. Enough lakeFS semantics for the views; not an engine.
//
// Ref expressions: a branch, a tag, a full or prefix commit id, and "~N".
// Fault injection: failNext(method, error) makes the next call of that
// method name fail with `error` (tests of inline error messages).
// Thread-safe (one mutex).

#include "api/backend.h"

#include <map>
#include <mutex>

namespace lakeside::test {

class MemoryBackend : public Backend {
public:
    explicit MemoryBackend(std::string user = "tester") : m_user(std::move(user)) {}

    void failNext(const std::string& method, Error e);
    // Off: any key is accepted (a lakeFS server may hold keys such as "../x";
    // export tests need them).
    bool validatePaths = true;
    int64_t clockNow = 1700000000;

    std::string describe() const override { return "memory backend"; }
    std::string userName() const override { return m_user; }

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
    Result<Commit> revertBranch(const std::string&, const std::string&, const std::string&, int,
                                const CommitOverrides&, bool) override;
    Result<Commit> cherryPick(const std::string&, const std::string&, const std::string&, int) override;
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
    Result<MergeResult> merge(const std::string&, const std::string&, const std::string&, const MergeParams&) override;
    Result<FindMergeBaseResult> findMergeBase(const std::string&, const std::string&, const std::string&) override;
    Result<Page<ObjectStats>> listObjects(const std::string& repo, const std::string& ref, const ListParams& p,
                                          const std::string& delimiter) override;
    Result<ObjectStats> statObject(const std::string& repo, const std::string& ref, const std::string& path) override;
    Status getObject(const std::string& repo, const std::string& ref, const std::string& path, const ByteSink& sink,
                     const std::optional<ByteRange>& range, const OpContext& ctx) override;
    Result<ObjectStats> uploadObject(const std::string& repo, const std::string& branch, const std::string& path,
                                     const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                     const OpContext& ctx) override;
    Status deleteObject(const std::string& repo, const std::string& branch, const std::string& path) override;
    Result<std::vector<ObjectError>> deleteObjects(const std::string& repo, const std::string& branch,
                                                   const std::vector<std::string>& paths) override;
    Result<Commit> importLocalFolder(const std::string&, const std::string&, const std::string&, const std::string&,
                                     const CommitCreation&, const OpContext&) override;
    Result<Commit> importFromRef(const std::string&, const std::string&, const std::string&, const std::string&,
                                 const std::string&, const std::string&, const CommitCreation&,
                                 const OpContext&) override;
    Status healthcheck() override { return {}; }
    Result<VersionConfig> version() override { return VersionConfig{"memory"}; }
    Result<User> currentUser() override { return User{m_user, 0}; }

    // Convenience for fixtures: upload bytes and commit in one call.
    Status put(const std::string& repo, const std::string& branch, const std::string& path, const std::string& bytes);

private:
    using Tree = std::map<std::string, ObjectStats>; // path -> stats (physical_address holds the bytes' key)
    struct CommitRec {
        Commit commit;
        Tree tree;
    };
    struct BranchRec {
        std::string head;
        std::map<std::string, std::optional<ObjectStats>> staged; // nullopt: deleted
    };
    struct RepoRec {
        Repository repo;
        std::map<std::string, BranchRec> branches;
        std::map<std::string, std::string> tags;
        std::map<std::string, CommitRec> commits;
    };
    std::optional<Error> takeFailure(const std::string& method);
    RepoRec* findRepo(const std::string& repo);
    Result<std::string> resolve(RepoRec& r, const std::string& ref);
    Tree view(RepoRec& r, const std::string& ref, bool* ok, std::string* commitId);

    mutable std::mutex m_mutex;
    std::string m_user;
    std::map<std::string, RepoRec> m_repos;
    std::map<std::string, std::string> m_blobs;
    std::map<std::string, Error> m_failures;
    int m_seq = 0;
};

} // namespace lakeside::test
