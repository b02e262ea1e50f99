// SPDX-License-Identifier: Apache-2.0
// Merge, revert and cherry-pick: three-way merges of trees (REFERENCE.md §6.8)
// recorded as a new commit on the destination branch by compare-and-swap.
#include "engine.h"

#include "ctx.h"
#include "overlaystore.h"

#include "engine/ranges/merge.h"

#include "api/names.h"

#include <algorithm>

namespace lakeside::engine {
namespace {

// The destination branch as a three-way operation sees it.
struct Dest {
    Repository repo;
    std::string head;
    Commit commit;
};

Result<Dest> loadCleanDest(Ctx& c, const std::string& repo, const std::string& branch, bool force)
{
    Dest d;
    LAKESIDE_ASSIGN_OR_RETURN(d.repo, requireRepo(c, repo));
    LAKESIDE_RETURN_IF_ERROR(requireWritable(d.repo, force));
    LAKESIDE_ASSIGN_OR_RETURN(d.head, requireBranchHead(c, repo, branch));
    LAKESIDE_ASSIGN_OR_RETURN(d.commit, requireCommit(c, repo, d.head));
    LAKESIDE_RETURN_IF_ERROR(requireClean(c, repo, branch, d.commit.meta_range_id));
    return d;
}

Error conflictError(const std::string& what, const std::vector<std::string>& paths)
{
    std::string msg = what + ": conflict found (" + std::to_string(paths.size()) + " path" +
                      (paths.size() == 1 ? "" : "s");
    for (size_t i = 0; i < paths.size() && i < 3; ++i) msg += (i ? ", " : ": ") + quote(paths[i]);
    if (paths.size() > 3) msg += ", ...";
    msg += ")";
    Error e = makeError(ErrorKind::Conflict, msg);
    e.conflicts = paths;
    return e;
}

} // namespace

Result<MergeResult> Engine::merge(const std::string& repo, const std::string& sourceRef, const std::string& destBranch,
                                  const MergeParams& p)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(destBranch));
    LAKESIDE_ENGINE_CTX(c);
    Dest d;
    Commit source;
    Commit base;
    {
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
        LAKESIDE_ASSIGN_OR_RETURN(source, resolveCommit(c, repo, sourceRef));
        LAKESIDE_ASSIGN_OR_RETURN(d, loadCleanDest(c, repo, destBranch, p.force));
        LAKESIDE_ASSIGN_OR_RETURN(base, mergeBase(c, repo, d.commit, source));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    if (source.meta_range_id == base.meta_range_id && !p.allow_empty && !p.force)
        return makeError(ErrorKind::InvalidArgument, "merge " + quote(sourceRef) + " into " + quote(destBranch) +
                                                         ": no changes");
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(ranges::MergeOutcome out,
                              ranges::merge3(overlay, base.meta_range_id, source.meta_range_id,
                                             d.commit.meta_range_id, p.strategy, p.resolutions));
    if (!out.conflicts.empty())
        return conflictError("merge " + quote(sourceRef) + " into " + quote(destBranch), out.conflicts);

    Commit mc;
    mc.parents = {d.head};
    if (!p.squash_merge) mc.parents.push_back(source.id);
    mc.committer = m_committer;
    mc.message = p.message.empty() ? "Merge '" + sourceRef + "' into '" + destBranch + "'" : p.message;
    mc.creation_date = nowSeconds();
    mc.meta_range_id = out.treeId;
    mc.metadata = p.metadata;
    mc.metadata[".lakefs.merge.strategy"] = mergeStrategyName(p.strategy);
    mc.generation = std::max(d.commit.generation, p.squash_merge ? 0 : source.generation) + 1;
    LAKESIDE_ASSIGN_OR_RETURN(Commit written, recordCommit(c, repo, destBranch, d.head, std::move(mc), &overlay, -1));
    return MergeResult{written.id};
}

Result<Commit> Engine::revertBranch(const std::string& repo, const std::string& branch, const std::string& ref,
                                    int parentNumber, const CommitOverrides& overrides, bool allowEmpty)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    LAKESIDE_ENGINE_CTX(c);
    Dest d;
    Commit target;
    Commit parent;
    {
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
        LAKESIDE_ASSIGN_OR_RETURN(target, resolveCommit(c, repo, ref));
        if (target.parents.empty())
            return makeError(ErrorKind::InvalidArgument, "cannot revert " + quote(ref) + ": it is the repository's first commit");
        if (target.parents.size() > 1 && parentNumber <= 0)
            return makeError(ErrorKind::Conflict, "must specify 1-based parent number for reverting merge commit " + quote(ref));
        if (parentNumber < 0 || static_cast<size_t>(parentNumber) > target.parents.size())
            return makeError(ErrorKind::InvalidArgument, "parent number " + std::to_string(parentNumber) +
                                                             " is out of range: " + quote(ref) + " has " +
                                                             std::to_string(target.parents.size()) + " parent(s)");
        LAKESIDE_ASSIGN_OR_RETURN(parent, requireCommit(c, repo, target.parents[parentNumber > 0 ? parentNumber - 1 : 0]));
        LAKESIDE_ASSIGN_OR_RETURN(d, loadCleanDest(c, repo, branch, false));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    // Undo C on HEAD: base C, source P (C's parent), destination HEAD.
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(ranges::MergeOutcome out,
                              ranges::merge3(overlay, target.meta_range_id, parent.meta_range_id,
                                             d.commit.meta_range_id, MergeStrategy::None));
    if (!out.conflicts.empty()) return conflictError("revert " + quote(ref) + " on " + quote(branch), out.conflicts);
    if (out.changes == 0 && !allowEmpty)
        return makeError(ErrorKind::InvalidArgument, "revert " + quote(ref) + " on " + quote(branch) + ": no changes");
    Commit rc;
    rc.parents = {d.head};
    rc.committer = m_committer;
    rc.message = overrides.message ? *overrides.message : "Revert " + ref;
    if (overrides.metadata) rc.metadata = *overrides.metadata;
    rc.creation_date = nowSeconds();
    rc.meta_range_id = out.treeId;
    rc.generation = d.commit.generation + 1;
    return recordCommit(c, repo, branch, d.head, std::move(rc), &overlay, -1);
}

Result<Commit> Engine::cherryPick(const std::string& repo, const std::string& branch, const std::string& ref,
                                  int parentNumber)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    LAKESIDE_ENGINE_CTX(c);
    Dest d;
    Commit picked;
    std::string parentTree;
    {
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
        LAKESIDE_ASSIGN_OR_RETURN(picked, resolveCommit(c, repo, ref));
        if (picked.parents.size() > 1 && parentNumber <= 0)
            return makeError(ErrorKind::InvalidArgument, "cherry-pick of merge commit " + quote(ref) +
                                                             " needs a 1-based parent number");
        if (parentNumber < 0 || static_cast<size_t>(parentNumber) > std::max<size_t>(picked.parents.size(), 1))
            return makeError(ErrorKind::InvalidArgument, "parent number " + std::to_string(parentNumber) +
                                                             " is out of range for " + quote(ref));
        if (!picked.parents.empty()) {
            LAKESIDE_ASSIGN_OR_RETURN(Commit parent, requireCommit(c, repo, picked.parents[parentNumber > 0 ? parentNumber - 1 : 0]));
            parentTree = parent.meta_range_id;
        }
        LAKESIDE_ASSIGN_OR_RETURN(d, loadCleanDest(c, repo, branch, false));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    // Apply C's change relative to P on HEAD: base P, source C, destination HEAD.
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(ranges::MergeOutcome out,
                              ranges::merge3(overlay, parentTree, picked.meta_range_id, d.commit.meta_range_id,
                                             MergeStrategy::None));
    if (!out.conflicts.empty())
        return conflictError("cherry-pick " + quote(ref) + " onto " + quote(branch), out.conflicts);
    if (out.changes == 0)
        return makeError(ErrorKind::InvalidArgument, "cherry-pick " + quote(ref) + " onto " + quote(branch) + ": no changes");
    Commit cc;
    cc.parents = {d.head};
    cc.committer = m_committer;
    cc.message = picked.message;
    cc.metadata = picked.metadata;
    cc.metadata["cherry-pick-origin"] = picked.id;
    cc.metadata["cherry-pick-committer"] = m_committer;
    cc.creation_date = nowSeconds();
    cc.meta_range_id = out.treeId;
    cc.generation = d.commit.generation + 1;
    return recordCommit(c, repo, branch, d.head, std::move(cc), &overlay, -1);
}

} // namespace lakeside::engine
