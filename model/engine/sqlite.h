// SPDX-License-Identifier: Apache-2.0
#pragma once
// Thin RAII wrappers over the SQLite C API, returning errors as values.
//
// Thread safety: a SqliteDb and its statements belong to one thread at a time
// (the engine leases connections from ConnectionPool, one lease per thread).

#include "api/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lakeside::engine {

// Maps a SQLite result code to an Error naming `what` (busy/locked -> Conflict,
// corrupt -> Corruption, I/O and full disk -> Io, anything else -> Internal).
Error sqliteError(sqlite3* db, int rc, const std::string& what);

class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_s(s) {}
    Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_s(o.m_s) { o.m_s = nullptr; }
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    // 1-based parameter indices, as SQLite's.
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, int64_t v);
    Stmt& bindBlob(int i, std::string_view v);
    Stmt& bindNull(int i);

    // Steps once: true when a row is available, false when done.
    Result<bool> step();
    // Runs to completion (for statements returning no rows).
    Status run();
    void reset();

    std::string text(int col) const;
    int64_t int64(int col) const;
    bool isNull(int col) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_s = nullptr;
};

class SqliteDb {
public:
    SqliteDb() = default;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    ~SqliteDb();

    // How much of the database file reads may map into memory (see open()).
    static constexpr int64_t kMmapBytes = int64_t(2) << 30;

    // Opens (creating if missing) with WAL, a busy timeout, synchronous=FULL and
    // memory-mapped reads: pragmas suited to several processes sharing one file.
    Status open(const std::string& path);
    sqlite3* handle() const { return m_db; }

    Status exec(const std::string& sql);
    Result<Stmt> prepare(std::string_view sql);
    int64_t changes() const;
    // True while a transaction is open (BEGIN without COMMIT/ROLLBACK yet).
    bool inTransaction() const;

private:
    sqlite3* m_db = nullptr;
};

// One SQLite transaction; rolls back in the destructor unless committed.
// `write` = BEGIN IMMEDIATE (takes the write lock up front, so a read-then-write
// transaction never fails half-way with SQLITE_BUSY_SNAPSHOT).
class Transaction {
public:
    Transaction(SqliteDb& db) : m_db(db) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status begin(bool write);
    Status commit();

private:
    SqliteDb& m_db;
    bool m_open = false;
};

} // namespace lakeside::engine
