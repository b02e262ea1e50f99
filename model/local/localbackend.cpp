// SPDX-License-Identifier: Apache-2.0
#include "localbackend.h"

#include "engine/engine.h"

namespace lakeside {

Result<std::unique_ptr<LocalBackend>> LocalBackend::open(const std::string& workspaceDir, const std::string& userName)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto e, engine::Engine::open(workspaceDir, userName));
    return std::unique_ptr<LocalBackend>(new LocalBackend(std::move(e), userName));
}

LocalBackend::LocalBackend(std::unique_ptr<engine::Engine> e, std::string userName)
    : m_engine(std::move(e)), m_userName(std::move(userName))
{
}

LocalBackend::~LocalBackend() = default;

const std::string& LocalBackend::workspaceDir() const { return m_engine->dir(); }

Result<FsckReport> LocalBackend::fsck(const std::string& repoOrEmpty, const OpContext& ctx)
{
    return m_engine->fsck(repoOrEmpty, ctx);
}

std::string LocalBackend::describe() const { return "local workspace " + m_engine->dir(); }
std::string LocalBackend::userName() const { return m_userName; }

Result<Page<Repository>> LocalBackend::listRepositories(const ListParams& p) { return m_engine->listRepositories(p); }
Result<Repository> LocalBackend::getRepository(const std::string& repo) { return m_engine->getRepository(repo); }
Result<Repository> LocalBackend::createRepository(const RepositoryCreation& c) { return m_engine->createRepository(c); }
Status LocalBackend::deleteRepository(const std::string& repo) { return m_engine->deleteRepository(repo); }

Result<Page<Ref>> LocalBackend::listBranches(const std::string& repo, const ListParams& p)
{ return m_engine->listBranches(repo, p); }
Result<Ref> LocalBackend::getBranch(const std::string& repo, const std::string& branch)
{ return m_engine->getBranch(repo, branch); }
Result<Ref> LocalBackend::createBranch(const std::string& repo, const std::string& name, const std::string& source)
{ return m_engine->createBranch(repo, name, source); }
Status LocalBackend::deleteBranch(const std::string& repo, const std::string& branch)
{ return m_engine->deleteBranch(repo, branch); }
Status LocalBackend::resetBranch(const std::string& repo, const std::string& branch, ResetType type,
                                 const std::string& path)
{ return m_engine->resetBranch(repo, branch, type, path); }
Status LocalBackend::hardResetBranch(const std::string& repo, const std::string& branch, const std::string& ref)
{ return m_engine->hardResetBranch(repo, branch, ref); }
Result<Commit> LocalBackend::revertBranch(const std::string& repo, const std::string& branch, const std::string& ref,
                                          int parentNumber, const CommitOverrides& overrides, bool allowEmpty)
{ return m_engine->revertBranch(repo, branch, ref, parentNumber, overrides, allowEmpty); }
Result<Commit> LocalBackend::cherryPick(const std::string& repo, const std::string& branch, const std::string& ref,
                                        int parentNumber)
{ return m_engine->cherryPick(repo, branch, ref, parentNumber); }

Result<Page<Ref>> LocalBackend::listTags(const std::string& repo, const ListParams& p) { return m_engine->listTags(repo, p); }
Result<Ref> LocalBackend::getTag(const std::string& repo, const std::string& tag) { return m_engine->getTag(repo, tag); }
Result<Ref> LocalBackend::createTag(const std::string& repo, const std::string& id, const std::string& ref)
{ return m_engine->createTag(repo, id, ref); }
Status LocalBackend::deleteTag(const std::string& repo, const std::string& tag) { return m_engine->deleteTag(repo, tag); }

Result<Commit> LocalBackend::getCommit(const std::string& repo, const std::string& ref) { return m_engine->getCommit(repo, ref); }
Result<Page<Commit>> LocalBackend::logCommits(const std::string& repo, const std::string& ref, const LogParams& p)
{ return m_engine->logCommits(repo, ref, p); }
Result<Commit> LocalBackend::commit(const std::string& repo, const std::string& branch, const CommitCreation& c)
{ return m_engine->commit(repo, branch, c); }

Result<Page<DiffEntry>> LocalBackend::diffRefs(const std::string& repo, const std::string& left,
                                               const std::string& right, const DiffParams& p)
{ return m_engine->diffRefs(repo, left, right, p); }
Result<Page<DiffEntry>> LocalBackend::diffBranch(const std::string& repo, const std::string& branch, const DiffParams& p)
{ return m_engine->diffBranch(repo, branch, p); }
Result<MergeResult> LocalBackend::merge(const std::string& repo, const std::string& sourceRef,
                                        const std::string& destinationBranch, const MergeParams& p)
{ return m_engine->merge(repo, sourceRef, destinationBranch, p); }
Result<FindMergeBaseResult> LocalBackend::findMergeBase(const std::string& repo, const std::string& sourceRef,
                                                        const std::string& destinationBranch)
{ return m_engine->findMergeBase(repo, sourceRef, destinationBranch); }

Result<Page<ObjectStats>> LocalBackend::listObjects(const std::string& repo, const std::string& ref,
                                                    const ListParams& p, const std::string& delimiter)
{ return m_engine->listObjects(repo, ref, p, delimiter); }
Result<ObjectStats> LocalBackend::statObject(const std::string& repo, const std::string& ref, const std::string& path)
{ return m_engine->statObject(repo, ref, path); }
Status LocalBackend::getObject(const std::string& repo, const std::string& ref, const std::string& path,
                               const ByteSink& sink, const std::optional<ByteRange>& range, const OpContext& ctx)
{ return m_engine->getObject(repo, ref, path, sink, range, ctx); }
Result<ObjectStats> LocalBackend::uploadObject(const std::string& repo, const std::string& branch,
                                               const std::string& path, const ByteSource& source, int64_t sizeHint,
                                               const UploadOptions& opts, const OpContext& ctx)
{ return m_engine->uploadObject(repo, branch, path, source, sizeHint, opts, ctx); }
Status LocalBackend::deleteObject(const std::string& repo, const std::string& branch, const std::string& path)
{ return m_engine->deleteObject(repo, branch, path); }
Result<std::vector<ObjectError>> LocalBackend::deleteObjects(const std::string& repo, const std::string& branch,
                                                             const std::vector<std::string>& paths)
{ return m_engine->deleteObjects(repo, branch, paths); }

Result<Commit> LocalBackend::importLocalFolder(const std::string& repo, const std::string& branch,
                                               const std::string& folder, const std::string& destPrefix,
                                               const CommitCreation& c, const OpContext& ctx)
{ return m_engine->importLocalFolder(repo, branch, folder, destPrefix, c, ctx); }
Result<Commit> LocalBackend::importFromRef(const std::string& repo, const std::string& branch,
                                           const std::string& destPrefix, const std::string& sourceRepo,
                                           const std::string& sourceRef, const std::string& sourcePrefix,
                                           const CommitCreation& c, const OpContext& ctx)
{ return m_engine->importFromRef(repo, branch, destPrefix, sourceRepo, sourceRef, sourcePrefix, c, ctx); }

Status LocalBackend::healthcheck()
{
    // A real round trip to the workspace database.
    ListParams p;
    p.amount = 1;
    return m_engine->listRepositories(p).status();
}
Result<VersionConfig> LocalBackend::version() { return VersionConfig{LAKESIDE_VERSION}; }
Result<User> LocalBackend::currentUser() { return User{m_userName, 0}; }

} // namespace lakeside
