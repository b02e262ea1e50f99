// SPDX-License-Identifier: Apache-2.0
#pragma once
// The bytes of a Parquet file: a read-only memory map of a file on disk, or
// a buffer handed in (tests, fuzzing, data fetched from a backend).
// Immutable; shared between readers and the ColumnData views into it.
// A mapped file must not be truncated by another process while it is open
// (reads of the lost pages would fault); data-lake objects are immutable once
// written, and the embedded engine never rewrites an object in place.

#include "api/status.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lakeside::parquet {

class FileBuffer {
public:
    static Result<std::shared_ptr<const FileBuffer>> map(const std::string& path);
    static std::shared_ptr<const FileBuffer> fromBytes(std::vector<uint8_t> bytes);

    ~FileBuffer();
    FileBuffer(const FileBuffer&) = delete;
    FileBuffer& operator=(const FileBuffer&) = delete;

    const uint8_t* data() const { return m_data; }
    size_t size() const { return m_size; }

private:
    FileBuffer() = default;
    const uint8_t* m_data = nullptr;
    size_t m_size = 0;
    void* m_map = nullptr; // munmap on destruction when set
    std::vector<uint8_t> m_owned;
};

} // namespace lakeside::parquet
