// SPDX-License-Identifier: Apache-2.0
#pragma once
// The embedded versioning engine: lakeFS semantics over one workspace directory
// (docs/engine.md): `workspace.db` (SQLite, WAL) holds repositories, refs, commits,
// staging and tree nodes; `objects/` holds content-addressed blobs; `tmp/` holds
// blobs being written.
//
// The methods mirror lakeside::Backend (same value types, same semantics and
// ErrorKinds; REFERENCE.md §2-§6), so LocalBackend only forwards.
//
// Durability: every operation is atomic. Blobs are written tmp+fsync+rename before
// any metadata refers to them; metadata changes are one SQLite transaction (WAL,
// synchronous=FULL); branch heads move only by compare-and-swap inside that
// transaction, so a lost race is a Conflict, never a lost commit.
//
// Thread safety: an Engine is thread-safe. Each call leases its own SQLite
// connection from a pool (one connection per thread at a time); several processes
// may open the same workspace at once. Errors are values; nothing throws.

#include "api/status.h"
#include "api/types.h"
#include "engine/fsckreport.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::engine {

class ObjectStore;
struct Connection;
struct Ctx;

class Engine {
public:
    // Opens the workspace at `dir`, creating it (and its schema) if missing.
    // `committer` is recorded on commits, merges, reverts and cherry-picks.
    static Result<std::unique_ptr<Engine>> open(const std::string& dir, const std::string& committer);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const std::string& dir() const { return m_dir; }
    const std::string& committer() const { return m_committer; }

    // --- repositories ---
    Result<Page<Repository>> listRepositories(const ListParams& p);
    Result<Repository> getRepository(const std::string& repo);
    Result<Repository> createRepository(const RepositoryCreation& c);
    Status deleteRepository(const std::string& repo);

    // --- branches ---
    Result<Page<Ref>> listBranches(const std::string& repo, const ListParams& p);
    Result<Ref> getBranch(const std::string& repo, const std::string& branch);
    Result<Ref> createBranch(const std::string& repo, const std::string& name, const std::string& source);
    Status deleteBranch(const std::string& repo, const std::string& branch);
    Status resetBranch(const std::string& repo, const std::string& branch, ResetType type, const std::string& path);
    Status hardResetBranch(const std::string& repo, const std::string& branch, const std::string& ref);
    Result<Commit> revertBranch(const std::string& repo, const std::string& branch, const std::string& ref,
                                int parentNumber, const CommitOverrides& overrides, bool allowEmpty);
    Result<Commit> cherryPick(const std::string& repo, const std::string& branch, const std::string& ref,
                              int parentNumber);

    // --- tags ---
    Result<Page<Ref>> listTags(const std::string& repo, const ListParams& p);
    Result<Ref> getTag(const std::string& repo, const std::string& tag);
    Result<Ref> createTag(const std::string& repo, const std::string& id, const std::string& ref);
    Status deleteTag(const std::string& repo, const std::string& tag);

    // --- commits ---
    Result<Commit> getCommit(const std::string& repo, const std::string& ref);
    Result<Page<Commit>> logCommits(const std::string& repo, const std::string& ref, const LogParams& p);
    Result<Commit> commit(const std::string& repo, const std::string& branch, const CommitCreation& c);

    // --- diff and merge ---
    Result<Page<DiffEntry>> diffRefs(const std::string& repo, const std::string& left, const std::string& right,
                                     const DiffParams& p);
    Result<Page<DiffEntry>> diffBranch(const std::string& repo, const std::string& branch, const DiffParams& p);
    Result<MergeResult> merge(const std::string& repo, const std::string& sourceRef, const std::string& destBranch,
                              const MergeParams& p);
    Result<FindMergeBaseResult> findMergeBase(const std::string& repo, const std::string& sourceRef,
                                              const std::string& destBranch);

    // --- objects ---
    Result<Page<ObjectStats>> listObjects(const std::string& repo, const std::string& ref, const ListParams& p,
                                          const std::string& delimiter);
    Result<ObjectStats> statObject(const std::string& repo, const std::string& ref, const std::string& path);
    Status getObject(const std::string& repo, const std::string& ref, const std::string& path, const ByteSink& sink,
                     const std::optional<ByteRange>& range, const OpContext& ctx);
    Result<ObjectStats> uploadObject(const std::string& repo, const std::string& branch, const std::string& path,
                                     const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                     const OpContext& ctx);
    Status deleteObject(const std::string& repo, const std::string& branch, const std::string& path);
    Result<std::vector<ObjectError>> deleteObjects(const std::string& repo, const std::string& branch,
                                                   const std::vector<std::string>& paths);

    // --- import ---
    Result<Commit> importLocalFolder(const std::string& repo, const std::string& branch, const std::string& folder,
                                     const std::string& destPrefix, const CommitCreation& c, const OpContext& ctx);
    Result<Commit> importFromRef(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                 const std::string& sourceRepo, const std::string& sourceRef,
                                 const std::string& sourcePrefix, const CommitCreation& c, const OpContext& ctx);

    // --- maintenance ---
    // Verifies every commit reachable from a branch or tag (id recomputed), every tree
    // node on the way (hash), and every blob (content hash). Empty repo = all.
    Result<FsckReport> fsck(const std::string& repoOrEmpty, const OpContext& ctx = {});

private:
    Engine(std::string dir, std::string committer);

    // A connection checked out of the pool for the duration of one call.
    class Lease {
    public:
        Lease(Engine& e, std::unique_ptr<Connection> c);
        Lease(Lease&&) noexcept = default;
        ~Lease();
        Connection& conn() { return *m_c; }

    private:
        Engine* m_e;
        std::unique_ptr<Connection> m_c;
    };
    Result<Lease> lease();

    std::string m_dir;
    std::string m_committer;
    std::unique_ptr<ObjectStore> m_objects;
    std::mutex m_poolMutex;
    std::vector<std::unique_ptr<Connection>> m_pool; // GUARDED_BY(m_poolMutex)
};

} // namespace lakeside::engine
