// SPDX-License-Identifier: Apache-2.0
#pragma once
// Holds an uploaded body between httplib (which pushes bytes) and
// Backend::uploadObject (which pulls them): in memory up to a limit, then in
// an anonymous temporary file, so a large upload never sits in RAM.
// Not thread-safe: one request owns one spool.

#include <cstdint>
#include <cstdio>
#include <string>

namespace lakeside::remote::server {

class UploadSpool {
public:
    explicit UploadSpool(size_t memoryLimit) : m_limit(memoryLimit) {}
    ~UploadSpool();
    UploadSpool(const UploadSpool&) = delete;
    UploadSpool& operator=(const UploadSpool&) = delete;

    bool write(const char* data, size_t len); // false: temp file error
    // Switch to reading from the start. REQUIRES: all writes done.
    bool rewind();
    // Reads up to cap bytes; 0 at the end, -1 on error.
    int64_t read(char* buf, int64_t cap);
    int64_t size() const { return m_size; }

private:
    size_t m_limit;
    std::string m_memory;
    FILE* m_file = nullptr;
    int64_t m_size = 0;
    size_t m_readPos = 0;
};

} // namespace lakeside::remote::server
