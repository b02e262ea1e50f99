// SPDX-License-Identifier: Apache-2.0
#include "parquet/filebuffer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeside::parquet {

Result<std::shared_ptr<const FileBuffer>> FileBuffer::map(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        return makeError(err == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                         "cannot open '" + path + "': " + std::strerror(err));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorKind::Io, "'" + path + "' is not a regular file");
    }
    std::shared_ptr<FileBuffer> b(new FileBuffer);
    b->m_size = size_t(st.st_size);
    if (b->m_size > 0) {
        void* m = ::mmap(nullptr, b->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            return makeError(ErrorKind::Io, "cannot map '" + path + "': " + std::strerror(err));
        }
        b->m_map = m;
        b->m_data = static_cast<const uint8_t*>(m);
    }
    ::close(fd);
    return std::shared_ptr<const FileBuffer>(std::move(b));
}

std::shared_ptr<const FileBuffer> FileBuffer::fromBytes(std::vector<uint8_t> bytes)
{
    std::shared_ptr<FileBuffer> b(new FileBuffer);
    b->m_owned = std::move(bytes);
    b->m_data = b->m_owned.data();
    b->m_size = b->m_owned.size();
    return b;
}

FileBuffer::~FileBuffer()
{
    if (m_map)
        ::munmap(m_map, m_size);
}

} // namespace lakeside::parquet
