// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/store.h"

#include <sqlite3.h>

namespace lakeside::ranges {

namespace {
Error sqliteError(sqlite3* db, const std::string& what)
{
    return makeError(ErrorKind::Io, "range store: " + what + ": " + sqlite3_errmsg(db));
}
} // namespace

SqliteRangeStore::SqliteRangeStore(sqlite3* db) : m_db(db) {}

SqliteRangeStore::~SqliteRangeStore()
{
    sqlite3_finalize(m_get);
    sqlite3_finalize(m_put);
}

Result<std::unique_ptr<SqliteRangeStore>> SqliteRangeStore::open(sqlite3* db)
{
    if (!db) return makeError(ErrorKind::InvalidArgument, "range store: no database connection");
    std::unique_ptr<SqliteRangeStore> store(new SqliteRangeStore(db));
    if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS ranges(id TEXT PRIMARY KEY, data BLOB)", nullptr, nullptr,
                     nullptr) != SQLITE_OK)
        return sqliteError(db, "create table");
    if (sqlite3_prepare_v3(db, "SELECT data FROM ranges WHERE id = ?1", -1, SQLITE_PREPARE_PERSISTENT,
                           &store->m_get, nullptr) != SQLITE_OK)
        return sqliteError(db, "prepare get");
    if (sqlite3_prepare_v3(db, "INSERT OR IGNORE INTO ranges(id, data) VALUES (?1, ?2)", -1,
                           SQLITE_PREPARE_PERSISTENT, &store->m_put, nullptr) != SQLITE_OK)
        return sqliteError(db, "prepare put");
    return store;
}

Result<std::shared_ptr<const std::string>> SqliteRangeStore::get(const std::string& id)
{
    sqlite3_reset(m_get);
    sqlite3_bind_text(m_get, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_get);
    if (rc == SQLITE_ROW) {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(m_get, 0));
        const int n = sqlite3_column_bytes(m_get, 0);
        auto out = std::make_shared<const std::string>(data ? data : "", static_cast<size_t>(n));
        sqlite3_reset(m_get);
        return std::shared_ptr<const std::string>(std::move(out));
    }
    sqlite3_reset(m_get);
    if (rc == SQLITE_DONE) return makeError(ErrorKind::NotFound, "range '" + id + "' not found");
    return sqliteError(m_db, "read range '" + id + "'");
}

Status SqliteRangeStore::put(const std::string& id, std::string_view bytes)
{
    countPut();
    sqlite3_reset(m_put);
    sqlite3_bind_text(m_put, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    sqlite3_bind_blob(m_put, 2, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_put);
    sqlite3_reset(m_put);
    if (rc != SQLITE_DONE) return sqliteError(m_db, "write range '" + id + "'");
    return Status::Ok();
}

} // namespace lakeside::ranges
