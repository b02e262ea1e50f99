// SPDX-License-Identifier: Apache-2.0
#include "tabular/filebytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lakeside::tabular {

ByteSourceFactory fileBytes(const std::string& path)
{
    SeekableBytes at = fileBytesAt(path);
    return [at]() { return at(0); };
}

SeekableBytes fileBytesAt(const std::string& path)
{
    return [path](int64_t offset) -> Result<ByteSource> {
        errno = 0;
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            const int err = errno;
            return makeError(err == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                             path + ": cannot open: " + std::strerror(err));
        }
        std::shared_ptr<std::FILE> file(f, [](std::FILE* p) { std::fclose(p); });
        if (offset > 0 && fseeko(f, static_cast<off_t>(offset), SEEK_SET) != 0)
            return makeError(ErrorKind::Io, path + ": cannot seek: " + std::strerror(errno));
        ByteSource src = [file](char* buf, int64_t capacity) -> int64_t {
            const size_t n = std::fread(buf, 1, static_cast<size_t>(capacity), file.get());
            if (n == 0 && std::ferror(file.get()))
                return -1;
            return static_cast<int64_t>(n);
        };
        return src;
    };
}

} // namespace lakeside::tabular
