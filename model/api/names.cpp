// SPDX-License-Identifier: Apache-2.0
#include "names.h"

#include <cctype>

namespace lakeside {
namespace {

bool isWordChar(unsigned char c) { return std::isalnum(c) || c == '_'; }

Status invalid(std::string msg) { return makeError(ErrorKind::InvalidArgument, std::move(msg)); }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

} // namespace

Status validateRepositoryId(std::string_view id)
{
    // ^[a-z0-9][a-z0-9-]{2,62}$
    if (id.size() < 3 || id.size() > 63)
        return invalid("repository id " + quoted(id) + " must be 3 to 63 characters long");
    for (size_t i = 0; i < id.size(); ++i) {
        const unsigned char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
        if (!ok)
            return invalid("repository id " + quoted(id) +
                           " may contain only lowercase letters, digits and '-', and may not start with '-'");
    }
    return {};
}

Status validateBranchId(std::string_view id)
{
    // ^\w[-\w]*$ with ASCII \w
    if (id.empty()) return invalid("branch name must not be empty");
    for (size_t i = 0; i < id.size(); ++i) {
        const unsigned char c = id[i];
        if (!(isWordChar(c) || (c == '-' && i > 0)))
            return invalid("branch name " + quoted(id) +
                           " may contain only letters, digits, '_' and '-', and may not start with '-'");
    }
    return {};
}

Status validateTagId(std::string_view id)
{
    if (id.empty()) return invalid("tag name must not be empty");
    if (id == "@") return invalid("tag name must not be '@'");
    auto endsWith = [&](std::string_view suf) {
        return id.size() >= suf.size() && id.substr(id.size() - suf.size()) == suf;
    };
    if (endsWith(".") || endsWith(".lock"))
        return invalid("tag name " + quoted(id) + " must not end with '.' or '.lock'");
    if (id.find("..") != std::string_view::npos || id.find('/') != std::string_view::npos ||
        id.find("@{") != std::string_view::npos)
        return invalid("tag name " + quoted(id) + " must not contain '..', '/' or '@{'");
    for (unsigned char c : id) {
        if (c <= 0x20 || c == 0x7f)
            return invalid("tag name " + quoted(id) + " must not contain spaces or control characters");
        if (c == '^' || c == ':' || c == '?' || c == '*' || c == '[' || c == '\\')
            return invalid("tag name " + quoted(id) + " must not contain any of ^ : ? * [ \\");
    }
    return {};
}

Status validateRef(std::string_view ref)
{
    if (ref.empty()) return invalid("ref must not be empty");
    for (unsigned char c : ref)
        if (std::isspace(c) || c == 0) return invalid("ref " + quoted(ref) + " must not contain whitespace");
    return {};
}

Status validateObjectPath(std::string_view path)
{
    if (path.empty()) return invalid("object path must not be empty");
    if (path.size() > 1024) return invalid("object path is longer than 1024 bytes");
    if (path.find('\0') != std::string_view::npos) return invalid("object path must not contain NUL");
    // Reject ".." as a whole segment: such keys cannot be exported safely and lakeFS
    // clients treat them as traversal attempts.
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == "..")
            return invalid("object path " + quoted(path) + " must not contain a '..' segment");
        start = end + 1;
    }
    return {};
}

bool isCommitIdPrefix(std::string_view s)
{
    if (s.empty() || s.size() > 64) return false;
    for (unsigned char c : s)
        if (!std::isxdigit(c)) return false;
    return true;
}

std::string LakeFsUri::toString() const
{
    std::string s = "lakefs://" + repository;
    if (!ref.empty()) {
        s += "/" + ref;
        if (!path.empty()) s += "/" + path;
    }
    return s;
}

Result<LakeFsUri> parseLakeFsUri(std::string_view uri)
{
    constexpr std::string_view scheme = "lakefs://";
    if (uri.substr(0, scheme.size()) != scheme)
        return makeError(ErrorKind::InvalidArgument,
                         "'" + std::string(uri) + "' is not a lakefs:// URI (expected lakefs://REPO/REF/PATH)");
    std::string_view rest = uri.substr(scheme.size());
    LakeFsUri out;
    size_t slash = rest.find('/');
    out.repository = std::string(rest.substr(0, slash));
    if (out.repository.empty())
        return makeError(ErrorKind::InvalidArgument, "'" + std::string(uri) + "' names no repository");
    if (slash != std::string_view::npos) {
        rest = rest.substr(slash + 1);
        slash = rest.find('/');
        out.ref = std::string(rest.substr(0, slash));
        if (slash != std::string_view::npos) out.path = std::string(rest.substr(slash + 1));
    }
    return out;
}

} // namespace lakeside
