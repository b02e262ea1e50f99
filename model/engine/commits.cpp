// SPDX-License-Identifier: Apache-2.0
// Commit and log.
#include "engine.h"

#include "ctx.h"
#include "keys.h"
#include "overlaystore.h"

#include "engine/ranges/diff.h"

#include "api/names.h"

#include <queue>
#include <set>
#include <unordered_set>

namespace lakeside::engine {

Result<Commit> Engine::commit(const std::string& repo, const std::string& branch, const CommitCreation& cc)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    LAKESIDE_ENGINE_CTX(c);
    std::string head;
    Commit hc;
    std::vector<ranges::Change> changes;
    int64_t maxSeq = -1;
    {
        // Head and staging from one snapshot; the CAS below detects any later move.
        Transaction txn(c.db);
        LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
        LAKESIDE_ASSIGN_OR_RETURN(Repository r, requireRepo(c, repo));
        LAKESIDE_RETURN_IF_ERROR(requireWritable(r, cc.force));
        LAKESIDE_ASSIGN_OR_RETURN(head, requireBranchHead(c, repo, branch));
        LAKESIDE_ASSIGN_OR_RETURN(hc, requireCommit(c, repo, head));
        LAKESIDE_ASSIGN_OR_RETURN(changes, stagedChanges(c, repo, branch, hc.meta_range_id, &maxSeq));
        LAKESIDE_RETURN_IF_ERROR(txn.commit());
    }
    if (changes.empty() && !cc.allow_empty) return makeError(ErrorKind::InvalidArgument, "commit: no changes");
    OverlayRangeStore overlay(c.store);
    LAKESIDE_ASSIGN_OR_RETURN(std::string tree, ranges::applyChanges(overlay, hc.meta_range_id, changes));
    Commit nc;
    nc.parents = {head};
    nc.committer = m_committer;
    nc.message = cc.message;
    nc.creation_date = cc.date ? *cc.date : nowSeconds();
    nc.meta_range_id = tree;
    nc.metadata = cc.metadata;
    nc.generation = hc.generation + 1;
    return recordCommit(c, repo, branch, head, std::move(nc), &overlay, maxSeq);
}

namespace {

// Did `commit` (single parent) change any of the requested paths or prefixes?
Result<bool> touches(Ctx& c, const std::string& repo, const Commit& cm, const LogParams& p)
{
    if (cm.parents.size() != 1) return false;
    LAKESIDE_ASSIGN_OR_RETURN(Commit parent, requireCommit(c, repo, cm.parents[0]));
    if (parent.meta_range_id == cm.meta_range_id) return false;
    for (const std::string& path : p.objects) {
        LAKESIDE_ASSIGN_OR_RETURN(auto a, ranges::lookup(c.store, parent.meta_range_id, path));
        LAKESIDE_ASSIGN_OR_RETURN(auto b, ranges::lookup(c.store, cm.meta_range_id, path));
        if (a.has_value() != b.has_value()) return true;
        if (a && ranges::identity(*a) != ranges::identity(*b)) return true;
    }
    for (const std::string& prefix : p.prefixes) {
        bool found = false;
        LAKESIDE_RETURN_IF_ERROR(ranges::diffTrees(c.store, parent.meta_range_id, cm.meta_range_id, prefix, "",
                                                   [&](const ranges::DiffRecord&) {
                                                       found = true;
                                                       return false;
                                                   }));
        if (found) return true;
    }
    return false;
}

struct Newest {
    bool operator()(const Commit& a, const Commit& b) const
    {
        if (a.creation_date != b.creation_date) return a.creation_date < b.creation_date;
        return a.id < b.id;
    }
};

} // namespace

Result<Page<Commit>> Engine::logCommits(const std::string& repo, const std::string& ref, const LogParams& p)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repo).status());
    LAKESIDE_ASSIGN_OR_RETURN(Commit start, resolveCommit(c, repo, ref));
    std::string stopAt;
    if (!p.stop_at.empty()) {
        LAKESIDE_ASSIGN_OR_RETURN(Commit s, resolveCommit(c, repo, p.stop_at));
        stopAt = s.id;
    }
    std::string after = p.after;
    if (!after.empty() && after.size() != 64) {
        auto a = resolveCommit(c, repo, after);
        if (a.ok()) after = a->id;
    }
    const bool filtered = !p.objects.empty() || !p.prefixes.empty();
    const int amount = pageAmount(p.amount);
    const size_t want = static_cast<size_t>(p.limit ? amount : amount + 1);

    std::priority_queue<Commit, std::vector<Commit>, Newest> queue;
    std::unordered_set<std::string> seen{start.id};
    queue.push(std::move(start));
    bool afterSeen = after.empty();
    Page<Commit> page;
    while (!queue.empty() && page.results.size() < want) {
        Commit cm = queue.top();
        queue.pop();
        if (p.since && cm.creation_date < *p.since) continue; // too old: neither listed nor walked past
        for (size_t i = 0; i < cm.parents.size() && (i == 0 || !p.first_parent); ++i) {
            if (!seen.insert(cm.parents[i]).second) continue;
            LAKESIDE_ASSIGN_OR_RETURN(Commit parent, requireCommit(c, repo, cm.parents[i]));
            queue.push(std::move(parent));
        }
        const bool stop = !stopAt.empty() && cm.id == stopAt;
        if (!afterSeen) {
            afterSeen = cm.id == after;
        } else {
            bool keep = true;
            if (filtered) {
                LAKESIDE_ASSIGN_OR_RETURN(keep, touches(c, repo, cm, p));
            }
            if (keep) page.results.push_back(std::move(cm));
        }
        if (stop) break;
    }
    if (!p.limit && page.results.size() > static_cast<size_t>(amount)) {
        page.results.resize(static_cast<size_t>(amount));
        page.has_more = true;
        page.next_offset = page.results.back().id;
    }
    return page;
}

} // namespace lakeside::engine
