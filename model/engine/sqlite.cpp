// SPDX-License-Identifier: Apache-2.0
#include "sqlite.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace lakeside::engine {

Error sqliteError(sqlite3* db, int rc, const std::string& what)
{
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const std::string msg = what + ": " + detail;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorKind::Conflict, msg + " (workspace busy, try again)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(ErrorKind::Corruption, msg);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return makeError(ErrorKind::Io, msg);
    default:
        return makeError(ErrorKind::Internal, msg);
    }
}

Stmt& Stmt::operator=(Stmt&& o) noexcept
{
    if (this != &o) {
        if (m_s) sqlite3_finalize(m_s);
        m_db = o.m_db;
        m_s = o.m_s;
        o.m_s = nullptr;
    }
    return *this;
}

Stmt::~Stmt()
{
    if (m_s) sqlite3_finalize(m_s);
}

Stmt& Stmt::bind(int i, std::string_view v)
{
    sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind(int i, int64_t v)
{
    sqlite3_bind_int64(m_s, i, v);
    return *this;
}

Stmt& Stmt::bindBlob(int i, std::string_view v)
{
    sqlite3_bind_blob(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bindNull(int i)
{
    sqlite3_bind_null(m_s, i);
    return *this;
}

Result<bool> Stmt::step()
{
    const int rc = sqlite3_step(m_s);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqliteError(m_db, rc, "database query failed");
}

Status Stmt::run()
{
    for (;;) {
        Result<bool> r = step();
        if (!r.ok()) return r.error();
        if (!*r) return {};
    }
}

void Stmt::reset()
{
    sqlite3_reset(m_s);
    sqlite3_clear_bindings(m_s);
}

std::string Stmt::text(int col) const
{
    const void* p = sqlite3_column_blob(m_s, col);
    const int n = sqlite3_column_bytes(m_s, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

int64_t Stmt::int64(int col) const { return sqlite3_column_int64(m_s, col); }

bool Stmt::isNull(int col) const { return sqlite3_column_type(m_s, col) == SQLITE_NULL; }

SqliteDb::~SqliteDb()
{
    if (m_db) sqlite3_close_v2(m_db);
}

Status SqliteDb::open(const std::string& path)
{
    const int rc = sqlite3_open_v2(path.c_str(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, "cannot open workspace database '" + path + "'");
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return e;
    }
    // Several processes share one workspace: wait for the write lock rather than fail.
    sqlite3_busy_timeout(m_db, 30000);
    // WAL: readers never block the writer; synchronous=FULL makes each commit durable
    // before the call returns (a kill -9 or power loss keeps every returned commit).
    // Switching a brand-new database to WAL needs a lock that SQLite does not wait
    // for through the busy handler, so two processes opening a new workspace at the
    // same instant can see SQLITE_BUSY here. Retry briefly instead of failing the open.
    for (int attempt = 0;; ++attempt) {
        const int prc = sqlite3_exec(m_db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        if (prc == SQLITE_OK) break;
        if ((prc != SQLITE_BUSY && prc != SQLITE_LOCKED) || attempt >= 200)
            return sqliteError(m_db, prc, "cannot switch workspace database '" + path + "' to WAL");
        std::this_thread::sleep_for(std::chrono::milliseconds(10 + 5 * (attempt % 10)));
    }
    LAKESIDE_RETURN_IF_ERROR(exec("PRAGMA synchronous=FULL"));
    // Read the database through a memory map: a diff or log reads range nodes
    // scattered over a store of up to gigabytes, and with pread() each lookup
    // copies every index, table and overflow page it touches. The map removes
    // those copies and system calls, which is what keeps a diff on 10 M entries
    // within ~2x of one on 100 k (docs/benchmarks.md). Writes still go through
    // the WAL. SQLite caps the size at its compile-time maximum (2 GB here).
    LAKESIDE_RETURN_IF_ERROR(exec("PRAGMA mmap_size=" + std::to_string(kMmapBytes)));
    return {};
}

Status SqliteDb::exec(const std::string& sql)
{
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, "database statement failed");
        sqlite3_free(err);
        return e;
    }
    return {};
}

Result<Stmt> SqliteDb::prepare(std::string_view sql)
{
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK) return sqliteError(m_db, rc, "cannot prepare statement");
    return Stmt(m_db, s);
}

int64_t SqliteDb::changes() const { return sqlite3_changes64(m_db); }

bool SqliteDb::inTransaction() const { return m_db && sqlite3_get_autocommit(m_db) == 0; }

Transaction::~Transaction()
{
    if (m_open) (void)m_db.exec("ROLLBACK");
}

Status Transaction::begin(bool write)
{
    LAKESIDE_RETURN_IF_ERROR(m_db.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"));
    m_open = true;
    return {};
}

Status Transaction::commit()
{
    Status s = m_db.exec("COMMIT");
    if (s.ok()) m_open = false;
    return s;
}

} // namespace lakeside::engine
