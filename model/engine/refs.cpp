// SPDX-License-Identifier: Apache-2.0
// Branches, tags, commits by ref, and branch resets.
#include "engine.h"

#include "ctx.h"
#include "keys.h"

#include "api/names.h"

namespace lakeside::engine {
namespace {

Result<Page<Ref>> listRefs(Ctx& c, const char* table, const std::string& repo, const ListParams& p)
{
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    const int amount = pageAmount(p.amount);
    LAKESIDE_ASSIGN_OR_RETURN(auto refs, c.cat.refs(table, repo, p.prefix, p.after, amount + 1));
    Page<Ref> page;
    page.has_more = static_cast<int>(refs.size()) > amount;
    if (page.has_more) refs.resize(static_cast<size_t>(amount));
    page.results = std::move(refs);
    if (page.has_more) page.next_offset = page.results.back().id;
    return page;
}

// A new branch or tag name may not equal an existing branch, tag or full commit id.
Status requireFreeName(Ctx& c, const std::string& repo, const std::string& name, const char* what)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto b, c.cat.refTarget("branches", repo, name));
    if (b) return makeError(ErrorKind::Conflict, std::string(what) + " " + quote(name) +
                                                      ": a branch of that name already exists (not unique)");
    LAKESIDE_ASSIGN_OR_RETURN(auto t, c.cat.refTarget("tags", repo, name));
    if (t) return makeError(ErrorKind::Conflict, std::string(what) + " " + quote(name) +
                                                      ": a tag of that name already exists (not unique)");
    if (name.size() == 64 && isCommitIdPrefix(name)) {
        LAKESIDE_ASSIGN_OR_RETURN(auto cm, c.cat.commit(repo, name));
        if (cm) return makeError(ErrorKind::Conflict, std::string(what) + " " + quote(name) + " clashes with a commit id");
    }
    return {};
}

} // namespace

Result<Page<Ref>> Engine::listBranches(const std::string& repo, const ListParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    return listRefs(c, "branches", repo, p);
}

Result<Ref> Engine::getBranch(const std::string& repo, const std::string& branch)
{
    LAKESIDE_ENGINE_CTX(c);
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    return Ref{branch, head};
}

Result<Ref> Engine::createBranch(const std::string& repo, const std::string& name, const std::string& source)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(name));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_ASSIGN_OR_RETURN(Commit from, resolveCommit(c, repo, source));
    LAKESIDE_RETURN_IF_ERROR(requireFreeName(c, repo, name, "branch"));
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertRef("branches", repo, name, from.id));
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return Ref{name, from.id};
}

Status Engine::deleteBranch(const std::string& repo, const std::string& branch)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_RETURN_IF_ERROR(requireBranchHead(c, repo, branch).status());
    if (branch == r.default_branch)
        return makeError(ErrorKind::Forbidden, "cannot delete repository default branch " + quote(branch) +
                                                   " of repository " + quote(repo));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_RETURN_IF_ERROR(c.cat.clearStaging(repo, branch));
    LAKESIDE_RETURN_IF_ERROR(c.cat.deleteRef("branches", repo, branch));
    return txn.commit();
}

Status Engine::resetBranch(const std::string& repo, const std::string& branch, ResetType type, const std::string& path)
{
    if (type != ResetType::Reset) LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_RETURN_IF_ERROR(requireBranchHead(c, repo, branch).status());
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    switch (type) {
    case ResetType::Reset: LAKESIDE_RETURN_IF_ERROR(c.cat.clearStaging(repo, branch)); break;
    case ResetType::Object: LAKESIDE_RETURN_IF_ERROR(c.cat.unstage(repo, branch, path)); break;
    case ResetType::CommonPrefix: LAKESIDE_RETURN_IF_ERROR(c.cat.unstagePrefix(repo, branch, path)); break;
    }
    return txn.commit();
}

Status Engine::hardResetBranch(const std::string& repo, const std::string& branch, const std::string& ref)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_ASSIGN_OR_RETURN(Commit headCommit, requireCommit(c, repo, head));
    LAKESIDE_RETURN_IF_ERROR(requireClean(c, repo, branch, headCommit.meta_range_id));
    LAKESIDE_ASSIGN_OR_RETURN(Commit target, resolveCommit(c, repo, ref));
    LAKESIDE_ASSIGN_OR_RETURN(bool moved, c.cat.casBranch(repo, branch, head, target.id));
    if (!moved) return makeError(ErrorKind::Conflict, "branch " + quote(branch) + " moved concurrently; try again");
    // Staged no-op records (identity-equal writes) belong to the old head: drop them.
    LAKESIDE_RETURN_IF_ERROR(c.cat.clearStaging(repo, branch));
    return txn.commit();
}

Result<Page<Ref>> Engine::listTags(const std::string& repo, const ListParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    return listRefs(c, "tags", repo, p);
}

Result<Ref> Engine::getTag(const std::string& repo, const std::string& tag)
{
    LAKESIDE_RETURN_IF_ERROR(validateTagId(tag));
    LAKESIDE_ENGINE_CTX(c);
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(auto t, c.cat.refTarget("tags", repo, tag));
    if (!t) return makeError(ErrorKind::NotFound, "tag " + quote(tag) + " not found in repository " + quote(repo));
    return Ref{tag, *t};
}

Result<Ref> Engine::createTag(const std::string& repo, const std::string& id, const std::string& ref)
{
    LAKESIDE_RETURN_IF_ERROR(validateTagId(id));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_ASSIGN_OR_RETURN(Commit target, resolveCommit(c, repo, ref));
    LAKESIDE_RETURN_IF_ERROR(requireFreeName(c, repo, id, "tag"));
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertRef("tags", repo, id, target.id));
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return Ref{id, target.id};
}

Status Engine::deleteTag(const std::string& repo, const std::string& tag)
{
    LAKESIDE_RETURN_IF_ERROR(validateTagId(tag));
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
    LAKESIDE_ASSIGN_OR_RETURN(auto t, c.cat.refTarget("tags", repo, tag));
    if (!t) return makeError(ErrorKind::NotFound, "tag " + quote(tag) + " not found in repository " + quote(repo));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(r, false));
    LAKESIDE_RETURN_IF_ERROR(c.cat.deleteRef("tags", repo, tag));
    return txn.commit();
}

Result<Commit> Engine::getCommit(const std::string& repo, const std::string& ref)
{
    LAKESIDE_ENGINE_CTX(c);
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    return resolveCommit(c, repo, ref);
}

} // namespace lakeside::engine
