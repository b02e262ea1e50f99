// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: an append-only store of byte records addressed by index. Records
// live in memory until they pass a threshold, then everything moves to an
// anonymous temporary file (removed by the OS when closed), so a diff with
// millions of differing rows needs 8 bytes of memory per row, not the rows.
//
// Thread safety: append() and seal() from one thread; after seal(), get() may
// be called from any number of threads at once (pread, no shared cursor).

#include "api/status.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside::tabular::detail {

class RowStore {
public:
    explicit RowStore(size_t memoryLimit = size_t(64) << 20);
    ~RowStore();
    RowStore(const RowStore&) = delete;
    RowStore& operator=(const RowStore&) = delete;

    Result<uint32_t> append(std::string_view record);
    // Flushes buffered writes; call after the last append, and before get()
    // of records appended since the previous call (a spilled store buffers).
    Status seal();
    Status get(uint32_t index, std::string& out) const;
    // Drops every record (and the temporary file): empty as when constructed.
    void clear();
    size_t size() const { return m_offsets.size() - 1; }
    bool spilled() const { return m_file != nullptr; }
    // Bytes held in memory (records and offsets).
    size_t memoryBytes() const { return m_memory.capacity() + m_offsets.capacity() * sizeof(uint64_t); }

private:
    Status spill();

    size_t m_limit;
    std::string m_memory;
    std::vector<uint64_t> m_offsets{0};
    std::FILE* m_file = nullptr;
};

} // namespace lakeside::tabular::detail
