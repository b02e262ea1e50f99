// SPDX-License-Identifier: Apache-2.0
#pragma once
// Row-level access to the workspace's metadata tables (schema in docs/engine.md):
// repositories, branches, tags, commits and per-branch staging. No policy lives
// here: callers validate, resolve and wrap calls in a Transaction.
//
// Thread safety: a Catalog borrows one connection and is used by one thread.

#include "sqlite.h"

#include "api/types.h"
#include "engine/ranges/entry.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::engine {

// A staged record: an entry, or a tombstone (entry empty) hiding a committed path.
struct StagedRecord {
    std::string path;
    std::optional<ranges::Entry> entry;
    int64_t seq = 0; // increases with every write; commit clears rows up to a seq
};

class Catalog {
public:
    explicit Catalog(SqliteDb& db) : m_db(db) {}

    // Storage format written by this code (meta.schema_version); see docs/engine.md.
    static constexpr int kSchemaVersion = 1;
    static Status createSchema(SqliteDb& db);
    Result<int> schemaVersion();

    // --- repositories ---
    Result<std::optional<Repository>> repository(const std::string& id);
    Result<std::vector<Repository>> repositories(const std::string& prefix, const std::string& after, int limit);
    Result<bool> namespaceInUse(const std::string& storageNamespace);
    Status insertRepository(const Repository& r);
    Status deleteRepository(const std::string& id); // and everything in it

    // --- branches and tags (kind: "branches" or "tags") ---
    Result<std::optional<std::string>> refTarget(const char* table, const std::string& repo, const std::string& name);
    Result<std::vector<Ref>> refs(const char* table, const std::string& repo, const std::string& prefix,
                                  const std::string& after, int limit);
    Status insertRef(const char* table, const std::string& repo, const std::string& name, const std::string& commitId);
    Status deleteRef(const char* table, const std::string& repo, const std::string& name);
    // Compare-and-swap of a branch head: false when the head is no longer `expected`.
    Result<bool> casBranch(const std::string& repo, const std::string& branch, const std::string& expected,
                           const std::string& next);

    // --- commits ---
    Result<std::optional<Commit>> commit(const std::string& repo, const std::string& id);
    Status insertCommit(const std::string& repo, const Commit& c); // idempotent (same id = same content)
    // Up to `limit` commit ids starting with the hex `prefix`.
    Result<std::vector<std::string>> commitsWithPrefix(const std::string& repo, const std::string& prefix, int limit);

    // --- staging ---
    Result<std::optional<StagedRecord>> staged(const std::string& repo, const std::string& branch, const std::string& path);
    Status stage(const std::string& repo, const std::string& branch, const std::string& path,
                 const std::optional<ranges::Entry>& entry);
    Status unstage(const std::string& repo, const std::string& branch, const std::string& path);
    Status unstagePrefix(const std::string& repo, const std::string& branch, const std::string& prefix);
    Status clearStaging(const std::string& repo, const std::string& branch, int64_t uptoSeq = -1);
    Result<bool> hasStaging(const std::string& repo, const std::string& branch);
    // Visits staged records with path >= from (and starting with prefix), ascending;
    // `visit` returns false to stop.
    Status forEachStaged(const std::string& repo, const std::string& branch, const std::string& prefix,
                         const std::string& from, const std::function<bool(const StagedRecord&)>& visit);

private:
    SqliteDb& m_db;
};

std::string metadataToJson(const Metadata& m);
Metadata metadataFromJson(const std::string& s);

} // namespace lakeside::engine
