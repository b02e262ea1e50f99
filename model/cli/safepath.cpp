// SPDX-License-Identifier: Apache-2.0
#include "safepath.h"

namespace lakeside::cli {
namespace {

Error hostile(const std::string& key, const std::string& why)
{
    return makeError(ErrorKind::InvalidArgument,
                     "refusing to download object '" + key + "': " + why + " (it would not stay inside the destination)");
}

} // namespace

Result<std::optional<std::filesystem::path>> downloadTarget(const std::filesystem::path& dest,
                                                             const std::string& prefix,
                                                             const std::string& key)
{
    if (key.compare(0, prefix.size(), prefix) != 0)
        return hostile(key, "it is not under the prefix '" + prefix + "'");
    if (key.find('\0') != std::string::npos) return hostile(key, "the key contains NUL");
    std::string rel = key.substr(prefix.size());
    if (!rel.empty() && rel.front() == '/') return hostile(key, "the key is an absolute path");
    if (rel.empty() || rel.back() == '/') return std::optional<std::filesystem::path>();

    std::filesystem::path out = dest;
    size_t start = 0;
    while (start <= rel.size()) {
        size_t end = rel.find('/', start);
        if (end == std::string::npos) end = rel.size();
        const std::string seg = rel.substr(start, end - start);
        if (seg.empty()) return hostile(key, "the key has an empty path segment");
        if (seg == ".") return hostile(key, "the key has a '.' segment");
        if (seg == "..") return hostile(key, "the key has a '..' segment");
        out /= seg;
        start = end + 1;
    }
    return std::optional<std::filesystem::path>(out);
}

bool staysInside(const std::filesystem::path& dest, const std::filesystem::path& target)
{
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::weakly_canonical(dest, ec);
    if (ec) return false;
    const std::filesystem::path full = std::filesystem::weakly_canonical(target, ec);
    if (ec) return false;
    const std::filesystem::path rel = full.lexically_relative(base);
    if (rel.empty() || rel == ".") return false;
    return *rel.begin() != "..";
}

} // namespace lakeside::cli
