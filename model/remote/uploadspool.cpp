// SPDX-License-Identifier: Apache-2.0
#include "remote/uploadspool.h"

#include <algorithm>
#include <cstring>

namespace lakeside::remote::server {

UploadSpool::~UploadSpool()
{
    if (m_file) std::fclose(m_file);
}

bool UploadSpool::write(const char* data, size_t len)
{
    m_size += static_cast<int64_t>(len);
    if (!m_file && m_memory.size() + len <= m_limit) {
        m_memory.append(data, len);
        return true;
    }
    if (!m_file) {
        m_file = std::tmpfile(); // unlinked already: vanishes with the process
        if (!m_file) return false;
        if (!m_memory.empty() && std::fwrite(m_memory.data(), 1, m_memory.size(), m_file) != m_memory.size()) return false;
        m_memory.clear();
        m_memory.shrink_to_fit();
    }
    return std::fwrite(data, 1, len, m_file) == len;
}

bool UploadSpool::rewind()
{
    m_readPos = 0;
    if (m_file) return std::fflush(m_file) == 0 && std::fseek(m_file, 0, SEEK_SET) == 0;
    return true;
}

int64_t UploadSpool::read(char* buf, int64_t cap)
{
    if (m_file) {
        const size_t n = std::fread(buf, 1, static_cast<size_t>(cap), m_file);
        return std::ferror(m_file) ? -1 : static_cast<int64_t>(n);
    }
    const size_t n = std::min(static_cast<size_t>(cap), m_memory.size() - m_readPos);
    std::memcpy(buf, m_memory.data() + m_readPos, n);
    m_readPos += n;
    return static_cast<int64_t>(n);
}

} // namespace lakeside::remote::server
