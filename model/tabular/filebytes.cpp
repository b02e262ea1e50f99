// SPDX-License-Identifier: Apache-2.0
#include "tabular/filebytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lakeside::tabular {

ByteSourceFactory fileBytes(const std::string& path)
{
    return [path]() -> Result<ByteSource> {
        errno = 0;
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            const int err = errno;
            return makeError(err == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                             path + ": cannot open: " + std::strerror(err));
        }
        std::shared_ptr<std::FILE> file(f, [](std::FILE* p) { std::fclose(p); });
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
