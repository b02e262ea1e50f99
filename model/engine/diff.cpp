// SPDX-License-Identifier: Apache-2.0
// Two-dot, three-dot and uncommitted diffs, and merge-base lookup.
#include "engine.h"

#include "ctx.h"
#include "diffpager.h"
#include "overlaystore.h"

#include "engine/ranges/diff.h"
#include "engine/ranges/mergebase.h"

namespace lakeside::engine {

namespace {
ranges::CommitLoader commitLoader(Ctx& c, const std::string& repo)
{
    return [&c, repo](const std::string& id) -> Result<ranges::CommitNode> {
        LAKESIDE_ASSIGN_OR_RETURN(Commit cm, requireCommit(c, repo, id));
        return ranges::CommitNode{cm.parents, cm.generation, cm.creation_date};
    };
}
} // namespace

Result<Commit> mergeBase(Ctx& c, const std::string& repo, const Commit& a, const Commit& b)
{
    auto base = ranges::findMergeBase(commitLoader(c, repo), a.id, b.id);
    if (!base.ok()) {
        if (base.error().kind == ErrorKind::NotFound)
            return makeError(ErrorKind::NotFound, "no merge base between " + quote(a.id.substr(0, 12)) + " and " +
                                                      quote(b.id.substr(0, 12)) + " in repository " + quote(repo));
        return base.error();
    }
    return requireCommit(c, repo, *base);
}

// The tree a branch would have if its staging were committed now. New nodes stay
// in `overlay` (never flushed), so a read never writes to the database.
Result<std::string> stagedTree(Ctx& c, OverlayRangeStore& overlay, const std::string& repo,
                               const std::string& branch, const std::string& headTree)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto changes, stagedChanges(c, repo, branch, headTree, nullptr));
    if (changes.empty()) return headTree;
    return ranges::applyChanges(overlay, headTree, changes);
}

Result<Page<DiffEntry>> Engine::diffRefs(const std::string& repo, const std::string& left, const std::string& right,
                                         const DiffParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(Commit l, resolveCommit(c, repo, left));
    LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveRef(c, repo, right));
    DiffPager pager(p);
    auto visit = [&](const ranges::DiffRecord& rec) { return pager.add(rec); };
    if (p.type == DiffKind::TwoDot) {
        OverlayRangeStore overlay(c.store);
        std::string rightTree = r.commit.meta_range_id;
        // Only an explicit `branch$` brings uncommitted data into a diff (REFERENCE.md §11).
        if (r.staging && !right.empty() && right.back() == '$') {
            LAKESIDE_ASSIGN_OR_RETURN(rightTree, stagedTree(c, overlay, repo, r.branch, rightTree));
        }
        LAKESIDE_RETURN_IF_ERROR(ranges::diffTrees(overlay, l.meta_range_id, rightTree, p.prefix, p.after, visit));
    } else {
        LAKESIDE_ASSIGN_OR_RETURN(Commit base, mergeBase(c, repo, l, r.commit));
        LAKESIDE_RETURN_IF_ERROR(ranges::threeDotDiff(c.store, base.meta_range_id, l.meta_range_id,
                                                      r.commit.meta_range_id, p.prefix, p.after, visit));
    }
    return pager.finish();
}

Result<Page<DiffEntry>> Engine::diffBranch(const std::string& repo, const std::string& branch, const DiffParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(std::string head, requireBranchHead(c, repo, branch));
    LAKESIDE_ASSIGN_OR_RETURN(Commit hc, requireCommit(c, repo, head));
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(std::string tree, stagedTree(c, overlay, repo, branch, hc.meta_range_id));
    DiffPager pager(p);
    LAKESIDE_RETURN_IF_ERROR(ranges::diffTrees(overlay, hc.meta_range_id, tree, p.prefix, p.after,
                                               [&](const ranges::DiffRecord& rec) { return pager.add(rec); }));
    return pager.finish();
}

Result<FindMergeBaseResult> Engine::findMergeBase(const std::string& repo, const std::string& sourceRef,
                                                  const std::string& destBranch)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(Commit s, resolveCommit(c, repo, sourceRef));
    LAKESIDE_ASSIGN_OR_RETURN(Commit d, resolveCommit(c, repo, destBranch));
    LAKESIDE_ASSIGN_OR_RETURN(Commit b, mergeBase(c, repo, s, d));
    return FindMergeBaseResult{s.id, d.id, b.id};
}

} // namespace lakeside::engine
