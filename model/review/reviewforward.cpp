// SPDX-License-Identifier: Apache-2.0
// ReviewBackend: plain forwarding, plus the protection guard on writes and the
// pre-commit / pre-merge hooks around commit and merge.
#include "review/reviewbackend.h"

#include "review/reviewids.h"
#include "review/reviewstore.h"

namespace lakeside {

using std::string;

string ReviewBackend::describe() const { return m_inner->describe(); }
string ReviewBackend::userName() const { return m_inner->userName(); }

Result<Page<Repository>> ReviewBackend::listRepositories(const ListParams& p) { return m_inner->listRepositories(p); }
Result<Repository> ReviewBackend::getRepository(const string& repo) { return m_inner->getRepository(repo); }
Result<Repository> ReviewBackend::createRepository(const RepositoryCreation& c) { return m_inner->createRepository(c); }
Status ReviewBackend::deleteRepository(const string& repo) { return m_inner->deleteRepository(repo); }

Result<Page<Ref>> ReviewBackend::listBranches(const string& repo, const ListParams& p)
{
    return m_inner->listBranches(repo, p);
}
Result<Ref> ReviewBackend::getBranch(const string& repo, const string& branch) { return m_inner->getBranch(repo, branch); }
Result<Ref> ReviewBackend::createBranch(const string& repo, const string& name, const string& source)
{
    return m_inner->createBranch(repo, name, source);
}
Status ReviewBackend::deleteBranch(const string& repo, const string& branch)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "delete"));
    return m_inner->deleteBranch(repo, branch);
}
Status ReviewBackend::resetBranch(const string& repo, const string& branch, ResetType type, const string& path)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->resetBranch(repo, branch, type, path);
}
Status ReviewBackend::hardResetBranch(const string& repo, const string& branch, const string& ref)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->hardResetBranch(repo, branch, ref);
}
Result<Commit> ReviewBackend::revertBranch(const string& repo, const string& branch, const string& ref,
                                           int parentNumber, const CommitOverrides& overrides, bool allowEmpty)
{
    return m_inner->revertBranch(repo, branch, ref, parentNumber, overrides, allowEmpty);
}
Result<Commit> ReviewBackend::cherryPick(const string& repo, const string& branch, const string& ref, int parentNumber)
{
    return m_inner->cherryPick(repo, branch, ref, parentNumber);
}

Result<Page<Ref>> ReviewBackend::listTags(const string& repo, const ListParams& p) { return m_inner->listTags(repo, p); }
Result<Ref> ReviewBackend::getTag(const string& repo, const string& tag) { return m_inner->getTag(repo, tag); }
Result<Ref> ReviewBackend::createTag(const string& repo, const string& id, const string& ref)
{
    return m_inner->createTag(repo, id, ref);
}
Status ReviewBackend::deleteTag(const string& repo, const string& tag) { return m_inner->deleteTag(repo, tag); }

Result<Commit> ReviewBackend::getCommit(const string& repo, const string& ref) { return m_inner->getCommit(repo, ref); }
Result<Page<Commit>> ReviewBackend::logCommits(const string& repo, const string& ref, const LogParams& p)
{
    return m_inner->logCommits(repo, ref, p);
}
Result<Commit> ReviewBackend::commit(const string& repo, const string& branch, const CommitCreation& c)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "commit to"));
    // pre-commit hooks see the branch with its staged changes.
    string runId;
    LAKESIDE_RETURN_IF_ERROR(runHooks(repo, "pre-commit", branch, "", branch, c.message, c.metadata, &runId));
    LAKESIDE_ASSIGN_OR_RETURN(Commit made, m_inner->commit(repo, branch, c));
    // As lakeFS does once the commit exists: the pre-commit run names it, so
    // runs can be listed by commit. The commit stands even if this fails.
    if (!runId.empty())
        if (auto run = m_store->getRun(repo, runId); run.ok()) {
            run->commit_id = made.id;
            (void)m_store->putRun(repo, *run);
        }
    return made;
}

Result<Page<DiffEntry>> ReviewBackend::diffRefs(const string& repo, const string& left, const string& right,
                                                const DiffParams& p)
{
    return m_inner->diffRefs(repo, left, right, p);
}
Result<Page<DiffEntry>> ReviewBackend::diffBranch(const string& repo, const string& branch, const DiffParams& p)
{
    return m_inner->diffBranch(repo, branch, p);
}
Result<MergeResult> ReviewBackend::merge(const string& repo, const string& sourceRef, const string& destinationBranch,
                                         const MergeParams& p)
{
    // pre-merge hooks read the source ref, as lakeFS does.
    LAKESIDE_RETURN_IF_ERROR(runHooks(repo, "pre-merge", destinationBranch, sourceRef, sourceRef, p.message, p.metadata));
    return m_inner->merge(repo, sourceRef, destinationBranch, p);
}
Result<FindMergeBaseResult> ReviewBackend::findMergeBase(const string& repo, const string& sourceRef,
                                                         const string& destinationBranch)
{
    return m_inner->findMergeBase(repo, sourceRef, destinationBranch);
}

Result<Page<ObjectStats>> ReviewBackend::listObjects(const string& repo, const string& ref, const ListParams& p,
                                                     const string& delimiter)
{
    return m_inner->listObjects(repo, ref, p, delimiter);
}
Result<ObjectStats> ReviewBackend::statObject(const string& repo, const string& ref, const string& path)
{
    return m_inner->statObject(repo, ref, path);
}
Status ReviewBackend::getObject(const string& repo, const string& ref, const string& path, const ByteSink& sink,
                                const std::optional<ByteRange>& range, const OpContext& ctx)
{
    return m_inner->getObject(repo, ref, path, sink, range, ctx);
}
Result<ObjectStats> ReviewBackend::uploadObject(const string& repo, const string& branch, const string& path,
                                                const ByteSource& source, int64_t sizeHint, const UploadOptions& opts,
                                                const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->uploadObject(repo, branch, path, source, sizeHint, opts, ctx);
}
Status ReviewBackend::deleteObject(const string& repo, const string& branch, const string& path)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->deleteObject(repo, branch, path);
}
Result<std::vector<ObjectError>> ReviewBackend::deleteObjects(const string& repo, const string& branch,
                                                              const std::vector<string>& paths)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->deleteObjects(repo, branch, paths);
}

Result<Commit> ReviewBackend::importLocalFolder(const string& repo, const string& branch, const string& folder,
                                                const string& destPrefix, const CommitCreation& c, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->importLocalFolder(repo, branch, folder, destPrefix, c, ctx);
}
Result<Commit> ReviewBackend::importFromRef(const string& repo, const string& branch, const string& destPrefix,
                                            const string& sourceRepo, const string& sourceRef,
                                            const string& sourcePrefix, const CommitCreation& c, const OpContext& ctx)
{
    LAKESIDE_RETURN_IF_ERROR(checkWritable(repo, branch, "write to"));
    return m_inner->importFromRef(repo, branch, destPrefix, sourceRepo, sourceRef, sourcePrefix, c, ctx);
}

Status ReviewBackend::healthcheck() { return m_inner->healthcheck(); }
Result<VersionConfig> ReviewBackend::version() { return m_inner->version(); }
Result<User> ReviewBackend::currentUser() { return m_inner->currentUser(); }

Status ReviewBackend::checkWritable(const string& repo, const string& branch, const char* verb)
{
    auto rules = m_store->protection(repo);
    if (!rules.ok()) return rules.error();
    for (const string& g : rules->patterns)
        if (review::globMatch(g, branch))
            return makeError(ErrorKind::Forbidden, string("cannot ") + verb + " protected branch '" + branch +
                                                       "' in repository '" + repo + "'");
    return {};
}

} // namespace lakeside
