// SPDX-License-Identifier: Apache-2.0
#pragma once
// Content-addressed storage of encoded tree nodes (ranges and meta-ranges).
// A node's id is the lowercase hex SHA-256 of its bytes, so storing the same
// node twice is harmless and nodes are immutable: caches never need invalidation.
//
// Thread safety: RangeStore implementations state their own; see below.

#include "api/status.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lakeside::ranges {

class NodeCache;

class RangeStore {
public:
    virtual ~RangeStore() = default;

    // The bytes stored under `id` (64 hex chars). NotFound when absent.
    virtual Result<std::shared_ptr<const std::string>> get(const std::string& id) = 0;
    // Stores `bytes` under `id`. Idempotent: re-putting an existing id is a no-op.
    // REQUIRES: id == hex(SHA-256(bytes)) (the store does not re-hash).
    virtual Status put(const std::string& id, std::string_view bytes) = 0;

    // Decoded-node cache used by the tree algorithms with this store. Never null.
    // Shared by default (process-wide, see NodeCache::shared()); ids are content
    // hashes, so sharing between stores and repositories is safe.
    NodeCache& cache() const { return *m_cache; }
    void setCache(std::shared_ptr<NodeCache> cache);

    // Number of put() calls on this store (benchmarks and range-sharing tests).
    int64_t putCount() const { return m_puts.load(std::memory_order_relaxed); }

protected:
    RangeStore();
    void countPut() { m_puts.fetch_add(1, std::memory_order_relaxed); }

private:
    std::shared_ptr<NodeCache> m_cache;
    std::atomic<int64_t> m_puts{0};
};

// In-memory store for tests and benchmarks. Thread-safe (internal mutex).
class MemoryRangeStore : public RangeStore {
public:
    Result<std::shared_ptr<const std::string>> get(const std::string& id) override;
    Status put(const std::string& id, std::string_view bytes) override;

    size_t size() const;          // number of distinct nodes stored
    int64_t storedBytes() const;  // sum of their sizes

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const std::string>> m_nodes;
    int64_t m_bytes = 0;
};

// SQLite store on a caller-owned connection, table `ranges(id TEXT PRIMARY KEY, data BLOB)`
// (created if missing by open()). Puts join the caller's transaction when one is open;
// without one, each put commits on its own (slow for bulk writes: wrap them).
// Not thread-safe: one instance per connection, used by one thread at a time.
// The connection must outlive the store.
class SqliteRangeStore : public RangeStore {
public:
    // Creates the table if missing and prepares statements. Io on SQLite errors.
    static Result<std::unique_ptr<SqliteRangeStore>> open(sqlite3* db);
    ~SqliteRangeStore() override;
    SqliteRangeStore(const SqliteRangeStore&) = delete;
    SqliteRangeStore& operator=(const SqliteRangeStore&) = delete;

    Result<std::shared_ptr<const std::string>> get(const std::string& id) override;
    Status put(const std::string& id, std::string_view bytes) override;

private:
    explicit SqliteRangeStore(sqlite3* db);
    sqlite3* m_db;
    sqlite3_stmt* m_get = nullptr;
    sqlite3_stmt* m_put = nullptr;
};

} // namespace lakeside::ranges
