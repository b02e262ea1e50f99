// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/merge.h"

#include "engine/ranges/diff.h"
#include "engine/ranges/tree_builder.h"
#include "engine/ranges/walk.h"

namespace lakeside::ranges {

namespace {

// Copies every item of `c` whose keys are all <= key into the output, splicing whole
// subtrees where the builder is at a cut and opening them otherwise.
Status copyThrough(TreeCursor& c, std::string_view key, TreeBuilder& out)
{
    const std::string k(key);
    while (!c.atEnd() && c.minKey() <= k) {
        if (c.isRecord()) {
            LAKESIDE_RETURN_IF_ERROR(out.addRecord(c.key(), c.hash(), c.entry()));
            c.pop();
        } else if (c.maxKey() <= k && !c.headRightmost() && out.canSplice(c.nodeLevel())) {
            LAKESIDE_RETURN_IF_ERROR(out.addNode(c.nodeLevel(), c.minKey(), c.maxKey(), c.hash(), c.count(), c.bytes()));
            c.pop();
        } else {
            LAKESIDE_RETURN_IF_ERROR(c.expand());
        }
    }
    return Status::Ok();
}

bool sameNode(const TreeCursor& a, const TreeCursor& b)
{
    return !a.atEnd() && !b.atEnd() && !a.isRecord() && !b.isRecord() && a.hash() == b.hash();
}

} // namespace

Result<MergeOutcome> merge3(RangeStore& store, const std::string& baseId, const std::string& sourceId,
                            const std::string& destId, MergeStrategy strategy,
                            const std::map<std::string, MergeStrategy>& perPathResolutions)
{
    TreeCursor B(store), S(store), D(store);
    LAKESIDE_RETURN_IF_ERROR(B.open(baseId));
    LAKESIDE_RETURN_IF_ERROR(S.open(sourceId));
    LAKESIDE_RETURN_IF_ERROR(D.open(destId));
    MergeOutcome outcome;
    if (sourceId == destId || sourceId == baseId) { // source brings nothing
        outcome.treeId = destId;
        return outcome;
    }
    if (destId == baseId) { // dest unchanged: the result is the source; count what it brings
        LAKESIDE_RETURN_IF_ERROR(diffTrees(store, destId, sourceId, "", "", [&](const DiffRecord&) {
            ++outcome.changes;
            return true;
        }));
        outcome.treeId = sourceId;
        return outcome;
    }
    using detail::endedOrAfter;
    using detail::skipThrough;
    TreeBuilder out(store);
    while (!S.atEnd() || !D.atEnd()) {
        if (sameNode(S, D)) { // both sides hold the same subtree
            const std::string k(D.maxKey());
            LAKESIDE_RETURN_IF_ERROR(copyThrough(D, k, out));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(S, k));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(B, k));
            continue;
        }
        if (sameNode(S, B)) { // source changed nothing up to here: dest's version wins whole
            const std::string k(S.maxKey());
            LAKESIDE_RETURN_IF_ERROR(copyThrough(D, k, out));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(S, k));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(B, k));
            continue;
        }
        if (sameNode(D, B) && endedOrAfter(S, D.maxKey())) { // source deleted the whole subtree
            const std::string k(D.maxKey());
            outcome.changes += D.count();
            LAKESIDE_RETURN_IF_ERROR(skipThrough(D, k));
            LAKESIDE_RETURN_IF_ERROR(skipThrough(B, k));
            continue;
        }
        if (!S.atEnd() && endedOrAfter(D, S.maxKey()) && endedOrAfter(B, S.maxKey())) { // added by source only
            outcome.changes += S.count();
            LAKESIDE_RETURN_IF_ERROR(copyThrough(S, S.maxKey(), out));
            continue;
        }
        if (!D.atEnd() && endedOrAfter(S, D.maxKey()) && endedOrAfter(B, D.maxKey())) { // added by dest only
            LAKESIDE_RETURN_IF_ERROR(copyThrough(D, D.maxKey(), out));
            continue;
        }
        if (!B.atEnd() && endedOrAfter(S, B.maxKey()) && endedOrAfter(D, B.maxKey())) { // deleted by both
            LAKESIDE_RETURN_IF_ERROR(skipThrough(B, std::string(B.maxKey())));
            continue;
        }
        const std::string f(*detail::frontier({&S, &D, &B}));
        LAKESIDE_ASSIGN_OR_RETURN(const bool expanded, detail::expandAt(f, {&S, &D, &B}));
        if (expanded) continue;

        // Record level: REFERENCE.md §6.8.
        const auto s = detail::recordAt(S, f), d = detail::recordAt(D, f), b = detail::recordAt(B, f);
        bool takeSource = false;
        if (s == d || s == b) {
            takeSource = false; // same on both sides, or only dest changed it
        } else if (d == b) {
            takeSource = true; // only source changed it (or added, or deleted it)
        } else {
            const auto it = perPathResolutions.find(f);
            const MergeStrategy how =
                it != perPathResolutions.end() && it->second != MergeStrategy::None ? it->second : strategy;
            if (how == MergeStrategy::None) {
                outcome.conflicts.push_back(f);
                out.discard(); // nothing of a failed merge is written from here on
            } else {
                outcome.resolved.push_back(f);
                takeSource = how == MergeStrategy::SourceWins;
            }
        }
        if (takeSource) {
            ++outcome.changes;
            if (s) LAKESIDE_RETURN_IF_ERROR(out.addRecord(f, S.hash(), S.entry()));
        } else if (d) {
            LAKESIDE_RETURN_IF_ERROR(out.addRecord(f, D.hash(), D.entry()));
        }
        for (TreeCursor* c : {&S, &D, &B})
            if (detail::recordAt(*c, f)) c->pop();
    }
    if (!outcome.conflicts.empty()) {
        outcome.changes = 0;
        return outcome;
    }
    LAKESIDE_ASSIGN_OR_RETURN(outcome.treeId, out.finish());
    return outcome;
}

} // namespace lakeside::ranges
