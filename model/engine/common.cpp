// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the engine's operations: lookups that turn "absent" into
// precise NotFound errors, ref-expression resolution, staging views and the one
// place where a branch head moves.
#include "ctx.h"

#include "commitid.h"
#include "overlaystore.h"
#include "refexpr.h"

#include "api/names.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace lakeside::engine {

int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

Result<Repository> requireRepo(Ctx& c, const std::string& repo)
{
    LAKESIDE_RETURN_IF_ERROR(validateRepositoryId(repo));
    LAKESIDE_ASSIGN_OR_RETURN(auto r, c.cat.repository(repo));
    if (!r) return makeError(ErrorKind::NotFound, "repository " + quote(repo) + " not found");
    return std::move(*r);
}

Status requireWritable(const Repository& r, bool force)
{
    if (r.read_only && !force)
        return makeError(ErrorKind::Forbidden, "repository " + quote(r.id) + " is read-only (use force to write)");
    return {};
}

Result<std::string> requireBranchHead(Ctx& c, const std::string& repo, const std::string& branch)
{
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(branch));
    LAKESIDE_ASSIGN_OR_RETURN(auto head, c.cat.refTarget("branches", repo, branch));
    if (!head)
        return makeError(ErrorKind::NotFound, "branch " + quote(branch) + " not found in repository " + quote(repo));
    return std::move(*head);
}

Result<Commit> requireCommit(Ctx& c, const std::string& repo, const std::string& id)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto cm, c.cat.commit(repo, id));
    if (!cm) return makeError(ErrorKind::NotFound, "commit " + quote(id) + " not found in repository " + quote(repo));
    return std::move(*cm);
}

namespace {

// Base name resolution order (REFERENCE.md §5.2): full commit id, branch, tag,
// unique commit-id prefix.
Result<Resolved> resolveBase(Ctx& c, const std::string& repo, const std::string& base, const std::string& ref)
{
    Resolved out;
    std::string lower = base;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    const bool hex = isCommitIdPrefix(base);
    if (hex && base.size() == 64) {
        LAKESIDE_ASSIGN_OR_RETURN(auto cm, c.cat.commit(repo, lower));
        if (cm) {
            out.commit = std::move(*cm);
            return out;
        }
    }
    LAKESIDE_ASSIGN_OR_RETURN(auto head, c.cat.refTarget("branches", repo, base));
    if (head) {
        LAKESIDE_ASSIGN_OR_RETURN(out.commit, requireCommit(c, repo, *head));
        out.branch = base;
        return out;
    }
    LAKESIDE_ASSIGN_OR_RETURN(auto tag, c.cat.refTarget("tags", repo, base));
    if (tag) {
        LAKESIDE_ASSIGN_OR_RETURN(out.commit, requireCommit(c, repo, *tag));
        return out;
    }
    if (hex) {
        LAKESIDE_ASSIGN_OR_RETURN(auto ids, c.cat.commitsWithPrefix(repo, lower, 2));
        if (ids.size() > 1)
            return makeError(ErrorKind::NotFound, "ref " + quote(ref) + " is ambiguous in repository " +
                                                      quote(repo) + ": several commits start with " + quote(base));
        if (ids.size() == 1) {
            LAKESIDE_ASSIGN_OR_RETURN(out.commit, requireCommit(c, repo, ids[0]));
            return out;
        }
    }
    return makeError(ErrorKind::NotFound, "ref " + quote(ref) + " not found in repository " + quote(repo) +
                                              " (no branch, tag or commit by that name)");
}

} // namespace

Result<Resolved> resolveRef(Ctx& c, const std::string& repo, const std::string& ref)
{
    LAKESIDE_ASSIGN_OR_RETURN(RefExpr expr, parseRefExpr(ref));
    LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveBase(c, repo, expr.base, ref));
    if ((expr.committedOnly || expr.staging) && r.branch.empty())
        return makeError(ErrorKind::InvalidArgument, "invalid ref " + quote(ref) + ": '@' and '$' may follow only a branch name");
    for (const RefModifier& m : expr.modifiers) {
        if (m.kind == RefModifier::Kind::Tilde) {
            for (int i = 0; i < m.n; ++i) {
                if (r.commit.parents.empty())
                    return makeError(ErrorKind::NotFound, "ref " + quote(ref) + " goes past the first commit " +
                                                              quote(r.commit.id.substr(0, 12)) + " of repository " + quote(repo));
                LAKESIDE_ASSIGN_OR_RETURN(r.commit, requireCommit(c, repo, r.commit.parents[0]));
            }
        } else if (m.n > 0) {
            if (static_cast<size_t>(m.n) > r.commit.parents.size())
                return makeError(ErrorKind::InvalidArgument,
                                 "invalid ref " + quote(ref) + ": commit " + quote(r.commit.id.substr(0, 12)) + " has " +
                                     std::to_string(r.commit.parents.size()) + " parent(s)");
            LAKESIDE_ASSIGN_OR_RETURN(r.commit, requireCommit(c, repo, r.commit.parents[static_cast<size_t>(m.n - 1)]));
        }
    }
    r.staging = !r.branch.empty() && expr.modifiers.empty() && !expr.committedOnly;
    if (!expr.modifiers.empty()) r.branch.clear();
    return r;
}

Result<Commit> resolveCommit(Ctx& c, const std::string& repo, const std::string& ref)
{
    if (!ref.empty() && ref.back() == '$')
        return makeError(ErrorKind::InvalidArgument,
                         "ref " + quote(ref) + ": reference to staging area with $ is not a commit");
    LAKESIDE_ASSIGN_OR_RETURN(Resolved r, resolveRef(c, repo, ref));
    return std::move(r.commit);
}

Result<std::optional<ranges::Entry>> lookupEntry(Ctx& c, const std::string& repo, const Resolved& r,
                                                 const std::string& path)
{
    if (r.staging) {
        LAKESIDE_ASSIGN_OR_RETURN(auto st, c.cat.staged(repo, r.branch, path));
        if (st) return st->entry;
    }
    return ranges::lookup(c.store, r.commit.meta_range_id, path);
}

Result<std::vector<ranges::Change>> stagedChanges(Ctx& c, const std::string& repo, const std::string& branch,
                                                  const std::string& treeId, int64_t* maxSeq)
{
    std::vector<StagedRecord> recs;
    int64_t seq = -1;
    LAKESIDE_RETURN_IF_ERROR(c.cat.forEachStaged(repo, branch, "", "", [&](const StagedRecord& r) {
        seq = std::max(seq, r.seq);
        recs.push_back(r);
        return true;
    }));
    if (maxSeq) *maxSeq = seq;
    std::vector<ranges::Change> out;
    for (StagedRecord& r : recs) {
        LAKESIDE_ASSIGN_OR_RETURN(auto base, ranges::lookup(c.store, treeId, r.path));
        if (r.entry) {
            if (base && ranges::identity(*base) == ranges::identity(*r.entry)) continue;
            out.push_back({std::move(r.path), std::move(r.entry)});
        } else if (base) {
            out.push_back({std::move(r.path), std::nullopt});
        }
    }
    return out;
}

Result<bool> isDirty(Ctx& c, const std::string& repo, const std::string& branch, const std::string& treeId)
{
    bool dirty = false;
    Status lookupError;
    LAKESIDE_RETURN_IF_ERROR(c.cat.forEachStaged(repo, branch, "", "", [&](const StagedRecord& r) {
        auto base = ranges::lookup(c.store, treeId, r.path);
        if (!base.ok()) {
            lookupError = base.status();
            return false;
        }
        if (r.entry) dirty = !*base || ranges::identity(**base) != ranges::identity(*r.entry);
        else dirty = base->has_value();
        return !dirty;
    }));
    if (!lookupError.ok()) return lookupError.error();
    return dirty;
}

Status requireClean(Ctx& c, const std::string& repo, const std::string& branch, const std::string& treeId)
{
    LAKESIDE_ASSIGN_OR_RETURN(bool dirty, isDirty(c, repo, branch, treeId));
    if (dirty)
        return makeError(ErrorKind::InvalidArgument, "branch " + quote(branch) +
                                                         " has uncommitted changes (dirty branch); commit or reset them first");
    return {};
}

Result<Commit> recordCommit(Ctx& c, const std::string& repo, const std::string& branch,
                            const std::string& expectedHead, Commit commit, OverlayRangeStore* overlay,
                            int64_t clearStagingUpTo)
{
    commit.id = computeCommitId(commit);
    Transaction txn(c.db);
    LAKESIDE_RETURN_IF_ERROR(txn.begin(true));
    if (overlay) LAKESIDE_RETURN_IF_ERROR(overlay->flush());
    LAKESIDE_RETURN_IF_ERROR(c.cat.insertCommit(repo, commit));
    LAKESIDE_ASSIGN_OR_RETURN(bool moved, c.cat.casBranch(repo, branch, expectedHead, commit.id));
    if (!moved) {
        LAKESIDE_ASSIGN_OR_RETURN(auto head, c.cat.refTarget("branches", repo, branch));
        if (!head)
            return makeError(ErrorKind::NotFound, "branch " + quote(branch) + " was deleted in repository " + quote(repo));
        return makeError(ErrorKind::Conflict, "branch " + quote(branch) + " in repository " + quote(repo) +
                                                  " moved to " + head->substr(0, 12) +
                                                  " during this operation (concurrent update); nothing was written, try again");
    }
    if (clearStagingUpTo >= 0) LAKESIDE_RETURN_IF_ERROR(c.cat.clearStaging(repo, branch, clearStagingUpTo));
    LAKESIDE_RETURN_IF_ERROR(txn.commit());
    return commit;
}

ObjectStats toObjectStats(const std::string& path, const ranges::Entry& e)
{
    ObjectStats s;
    s.path = path;
    s.path_type = PathType::Object;
    s.physical_address = e.address;
    s.checksum = e.checksum;
    s.size_bytes = e.size;
    s.mtime = e.mtime;
    s.content_type = e.content_type.empty() ? "application/octet-stream" : e.content_type;
    s.metadata = e.metadata;
    return s;
}

} // namespace lakeside::engine
