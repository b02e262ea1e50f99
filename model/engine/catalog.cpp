// SPDX-License-Identifier: Apache-2.0
#include "catalog.h"

#include "keys.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace lakeside::engine {

using nlohmann::json;

std::string metadataToJson(const Metadata& m) { return json(m).dump(); }

Metadata metadataFromJson(const std::string& s)
{
    if (s.empty()) return {};
    json j = json::parse(s, nullptr, false);
    if (!j.is_object()) return {};
    Metadata m;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it->is_string()) m[it.key()] = it->get<std::string>();
    return m;
}

namespace {

std::string parentsToJson(const std::vector<std::string>& p) { return json(p).dump(); }

std::vector<std::string> parentsFromJson(const std::string& s)
{
    std::vector<std::string> out;
    json j = json::parse(s, nullptr, false);
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// Appends "AND <col> >= ? AND <col> < ?" for a prefix; returns the values to bind.
std::vector<std::string> prefixBounds(std::string& sql, const char* col, const std::string& prefix)
{
    std::vector<std::string> binds;
    if (prefix.empty()) return binds;
    sql += std::string(" AND ") + col + " >= ?";
    binds.push_back(prefix);
    if (auto end = prefixEnd(prefix)) {
        sql += std::string(" AND ") + col + " < ?";
        binds.push_back(*end);
    }
    return binds;
}

StagedRecord stagedFromRow(const Stmt& s, int c0)
{
    StagedRecord r;
    r.path = s.text(c0);
    r.seq = s.int64(c0 + 1);
    if (s.int64(c0 + 2) == 0) {
        ranges::Entry e;
        e.address = s.text(c0 + 3);
        e.size = s.int64(c0 + 4);
        e.checksum = s.text(c0 + 5);
        e.mtime = s.int64(c0 + 6);
        e.content_type = s.text(c0 + 7);
        e.metadata = metadataFromJson(s.text(c0 + 8));
        r.entry = std::move(e);
    }
    return r;
}

constexpr const char* kStagedCols = "path, seq, tombstone, address, size, checksum, mtime, content_type, metadata";

} // namespace

Status Catalog::createSchema(SqliteDb& db)
{
    return db.exec(R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
CREATE TABLE IF NOT EXISTS repositories(
    id TEXT PRIMARY KEY, creation_date INTEGER NOT NULL, default_branch TEXT NOT NULL,
    storage_namespace TEXT NOT NULL, read_only INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS commits(
    repo TEXT NOT NULL, id TEXT NOT NULL, committer TEXT NOT NULL, message TEXT NOT NULL,
    creation_date INTEGER NOT NULL, meta_range_id TEXT NOT NULL, metadata TEXT NOT NULL,
    parents TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY(repo, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS branches(
    repo TEXT NOT NULL, name TEXT NOT NULL, commit_id TEXT NOT NULL, PRIMARY KEY(repo, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tags(
    repo TEXT NOT NULL, name TEXT NOT NULL, commit_id TEXT NOT NULL, PRIMARY KEY(repo, name)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS staging(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, repo TEXT NOT NULL, branch TEXT NOT NULL, path TEXT NOT NULL,
    tombstone INTEGER NOT NULL, address TEXT, size INTEGER, checksum TEXT, mtime INTEGER,
    content_type TEXT, metadata TEXT, UNIQUE(repo, branch, path));
)sql");
}

Result<int> Catalog::schemaVersion()
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("SELECT value FROM meta WHERE key = 'schema_version'"));
    LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return makeError(ErrorKind::Corruption, "workspace database has no schema version");
    return std::atoi(s.text(0).c_str());
}

Result<std::optional<Repository>> Catalog::repository(const std::string& id)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("SELECT id, creation_date, default_branch, storage_namespace, "
                                                   "read_only FROM repositories WHERE id = ?"));
    s.bind(1, id);
    LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return std::optional<Repository>();
    Repository r;
    r.id = s.text(0);
    r.creation_date = s.int64(1);
    r.default_branch = s.text(2);
    r.storage_namespace = s.text(3);
    r.read_only = s.int64(4) != 0;
    return std::optional<Repository>(std::move(r));
}

Result<std::vector<Repository>> Catalog::repositories(const std::string& prefix, const std::string& after, int limit)
{
    std::string sql = "SELECT id FROM repositories WHERE id > ?";
    auto binds = prefixBounds(sql, "id", prefix);
    sql += " ORDER BY id LIMIT ?";
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    int i = 1;
    s.bind(i++, after);
    for (const auto& b : binds) s.bind(i++, b);
    s.bind(i, static_cast<int64_t>(limit));
    std::vector<std::string> ids;
    for (;;) {
        LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
        if (!row) break;
        ids.push_back(s.text(0));
    }
    std::vector<Repository> out;
    for (const auto& id : ids) {
        LAKESIDE_ASSIGN_OR_RETURN(auto r, repository(id));
        if (r) out.push_back(std::move(*r));
    }
    return out;
}

Result<bool> Catalog::namespaceInUse(const std::string& ns)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("SELECT 1 FROM repositories WHERE storage_namespace = ?"));
    s.bind(1, ns);
    return s.step();
}

Status Catalog::insertRepository(const Repository& r)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("INSERT INTO repositories(id, creation_date, default_branch, "
                                                   "storage_namespace, read_only) VALUES(?,?,?,?,?)"));
    s.bind(1, r.id).bind(2, r.creation_date).bind(3, r.default_branch).bind(4, r.storage_namespace)
        .bind(5, static_cast<int64_t>(r.read_only ? 1 : 0));
    return s.run();
}

Status Catalog::deleteRepository(const std::string& id)
{
    for (const char* table : {"staging", "branches", "tags", "commits"}) {
        LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(std::string("DELETE FROM ") + table + " WHERE repo = ?"));
        s.bind(1, id);
        LAKESIDE_RETURN_IF_ERROR(s.run());
    }
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("DELETE FROM repositories WHERE id = ?"));
    s.bind(1, id);
    return s.run();
}

Result<std::optional<std::string>> Catalog::refTarget(const char* table, const std::string& repo, const std::string& name)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(std::string("SELECT commit_id FROM ") + table +
                                                   " WHERE repo = ? AND name = ?"));
    s.bind(1, repo).bind(2, name);
    LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(s.text(0));
}

Result<std::vector<Ref>> Catalog::refs(const char* table, const std::string& repo, const std::string& prefix,
                                       const std::string& after, int limit)
{
    std::string sql = std::string("SELECT name, commit_id FROM ") + table + " WHERE repo = ? AND name > ?";
    auto binds = prefixBounds(sql, "name", prefix);
    sql += " ORDER BY name LIMIT ?";
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    int i = 1;
    s.bind(i++, repo);
    s.bind(i++, after);
    for (const auto& b : binds) s.bind(i++, b);
    s.bind(i, static_cast<int64_t>(limit));
    std::vector<Ref> out;
    for (;;) {
        LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
        if (!row) break;
        out.push_back({s.text(0), s.text(1)});
    }
    return out;
}

Status Catalog::insertRef(const char* table, const std::string& repo, const std::string& name, const std::string& commitId)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(std::string("INSERT INTO ") + table +
                                                   "(repo, name, commit_id) VALUES(?,?,?)"));
    s.bind(1, repo).bind(2, name).bind(3, commitId);
    return s.run();
}

Status Catalog::deleteRef(const char* table, const std::string& repo, const std::string& name)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(std::string("DELETE FROM ") + table + " WHERE repo = ? AND name = ?"));
    s.bind(1, repo).bind(2, name);
    return s.run();
}

Result<bool> Catalog::casBranch(const std::string& repo, const std::string& branch, const std::string& expected,
                                const std::string& next)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("UPDATE branches SET commit_id = ? WHERE repo = ? AND name = ? "
                                                   "AND commit_id = ?"));
    s.bind(1, next).bind(2, repo).bind(3, branch).bind(4, expected);
    LAKESIDE_RETURN_IF_ERROR(s.run());
    return m_db.changes() == 1;
}

Result<std::optional<Commit>> Catalog::commit(const std::string& repo, const std::string& id)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("SELECT id, committer, message, creation_date, meta_range_id, "
                                                   "metadata, parents, generation, version FROM commits "
                                                   "WHERE repo = ? AND id = ?"));
    s.bind(1, repo).bind(2, id);
    LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return std::optional<Commit>();
    Commit c;
    c.id = s.text(0);
    c.committer = s.text(1);
    c.message = s.text(2);
    c.creation_date = s.int64(3);
    c.meta_range_id = s.text(4);
    c.metadata = metadataFromJson(s.text(5));
    c.parents = parentsFromJson(s.text(6));
    c.generation = s.int64(7);
    c.version = static_cast<int>(s.int64(8));
    return std::optional<Commit>(std::move(c));
}

Status Catalog::insertCommit(const std::string& repo, const Commit& c)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("INSERT OR IGNORE INTO commits(repo, id, committer, message, "
                                                   "creation_date, meta_range_id, metadata, parents, generation, "
                                                   "version) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    s.bind(1, repo).bind(2, c.id).bind(3, c.committer).bind(4, c.message).bind(5, c.creation_date)
        .bind(6, c.meta_range_id).bind(7, metadataToJson(c.metadata)).bind(8, parentsToJson(c.parents))
        .bind(9, c.generation).bind(10, static_cast<int64_t>(c.version));
    return s.run();
}

Result<std::vector<std::string>> Catalog::commitsWithPrefix(const std::string& repo, const std::string& prefix, int limit)
{
    std::string sql = "SELECT id FROM commits WHERE repo = ?";
    auto binds = prefixBounds(sql, "id", prefix);
    sql += " ORDER BY id LIMIT ?";
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    int i = 1;
    s.bind(i++, repo);
    for (const auto& b : binds) s.bind(i++, b);
    s.bind(i, static_cast<int64_t>(limit));
    std::vector<std::string> out;
    for (;;) {
        LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
        if (!row) break;
        out.push_back(s.text(0));
    }
    return out;
}

Result<std::optional<StagedRecord>> Catalog::staged(const std::string& repo, const std::string& branch,
                                                     const std::string& path)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(std::string("SELECT ") + kStagedCols +
                                                   " FROM staging WHERE repo = ? AND branch = ? AND path = ?"));
    s.bind(1, repo).bind(2, branch).bind(3, path);
    LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return std::optional<StagedRecord>();
    return std::optional<StagedRecord>(stagedFromRow(s, 0));
}

Status Catalog::stage(const std::string& repo, const std::string& branch, const std::string& path,
                      const std::optional<ranges::Entry>& e)
{
    // REPLACE deletes and re-inserts, so the row gets a fresh seq: a commit that
    // snapshotted an older version of this path will not clear the newer one.
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("INSERT OR REPLACE INTO staging(repo, branch, path, tombstone, "
                                                   "address, size, checksum, mtime, content_type, metadata) "
                                                   "VALUES(?,?,?,?,?,?,?,?,?,?)"));
    s.bind(1, repo).bind(2, branch).bind(3, path).bind(4, static_cast<int64_t>(e ? 0 : 1));
    if (e) {
        s.bind(5, e->address).bind(6, e->size).bind(7, e->checksum).bind(8, e->mtime).bind(9, e->content_type)
            .bind(10, metadataToJson(e->metadata));
    } else {
        for (int i = 5; i <= 10; ++i) s.bindNull(i);
    }
    return s.run();
}

Status Catalog::unstage(const std::string& repo, const std::string& branch, const std::string& path)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("DELETE FROM staging WHERE repo = ? AND branch = ? AND path = ?"));
    s.bind(1, repo).bind(2, branch).bind(3, path);
    return s.run();
}

Status Catalog::unstagePrefix(const std::string& repo, const std::string& branch, const std::string& prefix)
{
    std::string sql = "DELETE FROM staging WHERE repo = ? AND branch = ?";
    auto binds = prefixBounds(sql, "path", prefix);
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    int i = 1;
    s.bind(i++, repo);
    s.bind(i++, branch);
    for (const auto& b : binds) s.bind(i++, b);
    return s.run();
}

Status Catalog::clearStaging(const std::string& repo, const std::string& branch, int64_t uptoSeq)
{
    std::string sql = "DELETE FROM staging WHERE repo = ? AND branch = ?";
    if (uptoSeq >= 0) sql += " AND seq <= ?";
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    s.bind(1, repo).bind(2, branch);
    if (uptoSeq >= 0) s.bind(3, uptoSeq);
    return s.run();
}

Result<bool> Catalog::hasStaging(const std::string& repo, const std::string& branch)
{
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare("SELECT 1 FROM staging WHERE repo = ? AND branch = ? LIMIT 1"));
    s.bind(1, repo).bind(2, branch);
    return s.step();
}

Status Catalog::forEachStaged(const std::string& repo, const std::string& branch, const std::string& prefix,
                              const std::string& from, const std::function<bool(const StagedRecord&)>& visit)
{
    std::string sql = std::string("SELECT ") + kStagedCols + " FROM staging WHERE repo = ? AND branch = ? AND path >= ?";
    auto binds = prefixBounds(sql, "path", prefix);
    sql += " ORDER BY path";
    LAKESIDE_ASSIGN_OR_RETURN(Stmt s, m_db.prepare(sql));
    int i = 1;
    s.bind(i++, repo);
    s.bind(i++, branch);
    s.bind(i++, from);
    for (const auto& b : binds) s.bind(i++, b);
    for (;;) {
        LAKESIDE_ASSIGN_OR_RETURN(bool row, s.step());
        if (!row) return {};
        if (!visit(stagedFromRow(s, 0))) return {};
    }
}

} // namespace lakeside::engine
