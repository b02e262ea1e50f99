// SPDX-License-Identifier: Apache-2.0
#pragma once
// Engine internals shared by the operation files (not installed, not for callers).
// A Ctx bundles what one call uses: its leased connection, the catalogue on it,
// the range store on it, the blob store and the committer name.

#include "catalog.h"
#include "objectstore.h"
#include "sqlite.h"

#include "engine/ranges/entry.h"
#include "engine/ranges/store.h"
#include "engine/ranges/tree.h"

#include <memory>
#include <string>
#include <vector>

namespace lakeside::engine {

class OverlayRangeStore;

struct Connection {
    SqliteDb db;
    std::unique_ptr<ranges::SqliteRangeStore> ranges;
};

struct Ctx {
    SqliteDb& db;
    Catalog cat;
    ranges::RangeStore& store;
    ObjectStore& objects;
    const std::string& committer;
};

// A ref resolved to a commit; `branch` is set when the base name was a branch, and
// `staging` when reads should include that branch's uncommitted changes.
struct Resolved {
    Commit commit;
    std::string branch;
    bool staging = false;
};

int64_t nowSeconds();
std::string quote(const std::string& s);

Result<Repository> requireRepo(Ctx& c, const std::string& repo);
Status requireWritable(const Repository& r, bool force);
Result<std::string> requireBranchHead(Ctx& c, const std::string& repo, const std::string& branch);
Result<Commit> requireCommit(Ctx& c, const std::string& repo, const std::string& id);
Result<Resolved> resolveRef(Ctx& c, const std::string& repo, const std::string& ref);
// Like resolveRef, but a `$` ref is InvalidArgument (a commit is required).
Result<Commit> resolveCommit(Ctx& c, const std::string& repo, const std::string& ref);

// The entry at `path` as `r` sees it (staging first when r.staging).
Result<std::optional<ranges::Entry>> lookupEntry(Ctx& c, const std::string& repo, const Resolved& r,
                                                 const std::string& path);

// Staged records of `branch` that really change `treeId` (identity-equal writes and
// tombstones of absent keys dropped), ascending. `maxSeq` gets the newest seq seen.
Result<std::vector<ranges::Change>> stagedChanges(Ctx& c, const std::string& repo, const std::string& branch,
                                                  const std::string& treeId, int64_t* maxSeq);
Result<bool> isDirty(Ctx& c, const std::string& repo, const std::string& branch, const std::string& treeId);
Status requireClean(Ctx& c, const std::string& repo, const std::string& branch, const std::string& treeId);

// In one write transaction: flush `overlay` (may be null), store `commit` (id computed
// here), move `branch` from `expectedHead` by compare-and-swap, and clear staged rows
// up to `clearStagingUpTo` (-1: none). A moved head is Conflict.
Result<Commit> recordCommit(Ctx& c, const std::string& repo, const std::string& branch,
                            const std::string& expectedHead, Commit commit, OverlayRangeStore* overlay,
                            int64_t clearStagingUpTo);

// Best common ancestor of two commits (NotFound "no merge base" when unrelated).
Result<Commit> mergeBase(Ctx& c, const std::string& repo, const Commit& a, const Commit& b);
// The tree `branch` would have if its staging were committed now; new nodes go to `overlay`.
Result<std::string> stagedTree(Ctx& c, OverlayRangeStore& overlay, const std::string& repo,
                               const std::string& branch, const std::string& headTree);

ObjectStats toObjectStats(const std::string& path, const ranges::Entry& e);

// Inside an Engine member: lease a connection and build a Ctx named `name`.
#define LAKESIDE_ENGINE_CTX(name)                                                                        \
    LAKESIDE_ASSIGN_OR_RETURN(Lease _lease, lease());                                                    \
    Ctx name{_lease.conn().db, Catalog(_lease.conn().db), *_lease.conn().ranges, *m_objects, m_committer}

} // namespace lakeside::engine
