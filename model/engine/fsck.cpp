// SPDX-License-Identifier: Apache-2.0
// fsck: re-derives every hash the workspace relies on, from the refs down.
#include "engine.h"

#include "commitid.h"
#include "ctx.h"
#include "sha256.h"

#include "engine/ranges/node_cache.h"

#include <deque>
#include <unordered_set>

namespace lakeside::engine {
namespace {

// Reads through to the workspace store and checks each node's bytes against its
// id (ids are SHA-256 of the bytes). Uses a private cache so that nodes are really
// read from disk rather than served from the process-wide decoded-node cache.
class VerifyingRangeStore : public ranges::RangeStore {
public:
    explicit VerifyingRangeStore(ranges::RangeStore& base) : m_base(base)
    {
        setCache(std::make_shared<ranges::NodeCache>(size_t(16) << 20));
    }
    Result<std::shared_ptr<const std::string>> get(const std::string& id) override
    {
        LAKESIDE_ASSIGN_OR_RETURN(auto bytes, m_base.get(id));
        if (sha256Hex(*bytes) != id)
            return makeError(ErrorKind::Corruption, "tree node " + id + " does not match its hash");
        return bytes;
    }
    Status put(const std::string& id, std::string_view bytes) override { return m_base.put(id, bytes); }

private:
    ranges::RangeStore& m_base;
};

struct Checker {
    Ctx& c;
    ObjectStore& objects;
    const OpContext& ctx;
    FsckReport report;
    VerifyingRangeStore store;
    std::unordered_set<std::string> trees;
    std::unordered_set<std::string> blobs;

    void problem(std::string s) { report.problems.push_back(std::move(s)); }

    void checkBlob(const std::string& where, const std::string& path, const ranges::Entry& e)
    {
        if (!blobs.insert(e.address + "|" + e.checksum + "|" + std::to_string(e.size)).second) return;
        ++report.objects;
        Status st = objects.verify(BlobClaim{e.address, e.checksum, e.size, e.mtime, path});
        if (!st.ok()) problem(where + ": " + st.message());
    }

    void checkTree(const std::string& where, const std::string& treeId)
    {
        if (treeId.empty() || !trees.insert(treeId).second) return;
        ++report.trees;
        ranges::TreeIterator it(store, treeId);
        for (it.seekGE(""); it.valid(); it.next()) {
            ++report.entries;
            checkBlob(where, it.key(), it.entry());
        }
        if (!it.status().ok()) problem(where + ": tree " + treeId + ": " + it.status().message());
    }

    Status checkRepo(const std::string& repo)
    {
        ++report.repositories;
        std::deque<std::pair<std::string, std::string>> queue; // commit id, how it was reached
        std::unordered_set<std::string> seen;
        for (const char* table : {"branches", "tags"}) {
            LAKESIDE_ASSIGN_OR_RETURN(auto refs, c.cat.refs(table, repo, "", "", 1 << 30));
            for (const Ref& r : refs) {
                const std::string label = std::string(table) == "branches" ? "branch" : "tag";
                if (seen.insert(r.commit_id).second) queue.emplace_back(r.commit_id, label + " " + quote(r.id));
                if (label == "branch") {
                    LAKESIDE_RETURN_IF_ERROR(c.cat.forEachStaged(repo, r.id, "", "", [&](const StagedRecord& s) {
                        if (s.entry) checkBlob(repo + " branch " + quote(r.id) + " (staged)", s.path, *s.entry);
                        return true;
                    }));
                }
            }
        }
        while (!queue.empty()) {
            if (ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "fsck cancelled");
            auto [id, via] = queue.front();
            queue.pop_front();
            LAKESIDE_ASSIGN_OR_RETURN(auto cm, c.cat.commit(repo, id));
            if (!cm) {
                problem(repo + ": commit " + id + " (reached from " + via + ") is missing");
                continue;
            }
            ++report.commits;
            const std::string where = repo + "@" + id.substr(0, 12);
            if (computeCommitId(*cm) != id) problem(where + ": commit content does not match its id");
            checkTree(where, cm->meta_range_id);
            for (const std::string& p : cm->parents)
                if (seen.insert(p).second) queue.emplace_back(p, "parent of " + id.substr(0, 12));
            ctx.report(report.commits, -1);
        }
        return {};
    }
};

} // namespace

Result<FsckReport> Engine::fsck(const std::string& repoOrEmpty, const OpContext& ctx)
{
    LAKESIDE_ENGINE_CTX(c);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(false));
    Checker k{c, *m_objects, ctx, {}, VerifyingRangeStore(c.store), {}, {}};
    if (!repoOrEmpty.empty()) {
        LAKESIDE_RETURN_IF_ERROR(requireRepo(c, repoOrEmpty).status());
        LAKESIDE_RETURN_IF_ERROR(k.checkRepo(repoOrEmpty));
    } else {
        LAKESIDE_ASSIGN_OR_RETURN(auto repos, c.cat.repositories("", "", 1 << 30));
        for (const Repository& r : repos) LAKESIDE_RETURN_IF_ERROR(k.checkRepo(r.id));
    }
    return std::move(k.report);
}

} // namespace lakeside::engine
