// SPDX-License-Identifier: Apache-2.0
#include "tabular/rowstore.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace lakeside::tabular::detail {

RowStore::RowStore(size_t memoryLimit)
    : m_limit(memoryLimit)
{
}

RowStore::~RowStore()
{
    if (m_file)
        std::fclose(m_file);
}

void RowStore::clear()
{
    if (m_file)
        std::fclose(m_file);
    m_file = nullptr;
    std::string().swap(m_memory);
    m_offsets.assign(1, 0);
}

Status RowStore::spill()
{
    m_file = std::tmpfile();
    if (!m_file)
        return makeError(ErrorKind::Io, std::string("cannot create a temporary file for the diff: ") + std::strerror(errno));
    if (std::fwrite(m_memory.data(), 1, m_memory.size(), m_file) != m_memory.size())
        return makeError(ErrorKind::Io, "cannot write the diff's temporary file (disk full?)");
    std::string().swap(m_memory);
    return Status::Ok();
}

Result<uint32_t> RowStore::append(std::string_view record)
{
    if (m_offsets.size() > 0xFFFFFFF0u)
        return makeError(ErrorKind::InvalidArgument, "too many differing rows (more than 4 billion)");
    if (!m_file && m_memory.size() + record.size() > m_limit)
        LAKESIDE_RETURN_IF_ERROR(spill());
    if (m_file) {
        if (std::fwrite(record.data(), 1, record.size(), m_file) != record.size())
            return makeError(ErrorKind::Io, "cannot write the diff's temporary file (disk full?)");
    } else {
        m_memory.append(record);
    }
    m_offsets.push_back(m_offsets.back() + record.size());
    return static_cast<uint32_t>(m_offsets.size() - 2);
}

Status RowStore::seal()
{
    if (m_file && std::fflush(m_file) != 0)
        return makeError(ErrorKind::Io, "cannot write the diff's temporary file (disk full?)");
    return Status::Ok();
}

Status RowStore::get(uint32_t index, std::string& out) const
{
    const uint64_t begin = m_offsets[index];
    const uint64_t len = m_offsets[index + 1] - begin;
    if (!m_file) {
        out.assign(m_memory, begin, len);
        return Status::Ok();
    }
    out.resize(len);
    size_t done = 0;
    while (done < len) {
        const ssize_t n = ::pread(fileno(m_file), out.data() + done, len - done, static_cast<off_t>(begin + done));
        if (n <= 0)
            return makeError(ErrorKind::Io, "cannot read the diff's temporary file");
        done += static_cast<size_t>(n);
    }
    return Status::Ok();
}

} // namespace lakeside::tabular::detail
