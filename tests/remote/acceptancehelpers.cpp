// SPDX-License-Identifier: Apache-2.0
#include "acceptancehelpers.h"

#include <cstring>

using namespace lakeside;

namespace acceptance {

Result<ObjectStats> put(Backend& b, const std::string& repo, const std::string& branch, const std::string& path,
                        const std::string& content, const std::string& contentType, int64_t sizeHint)
{
    size_t pos = 0;
    ByteSource src = [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min(static_cast<size_t>(cap), content.size() - pos);
        std::memcpy(buf, content.data() + pos, n);
        pos += n;
        return static_cast<int64_t>(n);
    };
    UploadOptions o;
    o.content_type = contentType;
    // -2: the exact size; -1: unknown (streamed without a length).
    return b.uploadObject(repo, branch, path, src, sizeHint == -2 ? static_cast<int64_t>(content.size()) : sizeHint, o);
}

Result<std::string> read(Backend& b, const std::string& repo, const std::string& ref, const std::string& path)
{
    std::string out;
    ByteSink sink = [&](const char* d, int64_t n) { out.append(d, static_cast<size_t>(n)); return true; };
    Status s = b.getObject(repo, ref, path, sink);
    if (!s.ok()) return s.error();
    return out;
}

Result<Commit> commit(Backend& b, const std::string& repo, const std::string& branch, const std::string& message)
{
    CommitCreation c;
    c.message = message;
    return b.commit(repo, branch, c);
}

Result<std::vector<std::string>> paths(Backend& b, const std::string& repo, const std::string& ref,
                                       const std::string& prefix, int amount)
{
    std::vector<std::string> out;
    ListParams p;
    p.prefix = prefix;
    p.amount = amount;
    Status s = forEachPage<ObjectStats>(
        [&](const std::string& after) { p.after = after; return b.listObjects(repo, ref, p, ""); },
        [&](const ObjectStats& o) { out.push_back(o.path); return true; });
    if (!s.ok()) return s.error();
    return out;
}

Result<std::vector<std::string>> diff(Backend& b, const std::string& repo, const std::string& left,
                                      const std::string& right, DiffKind kind, const std::string& prefix)
{
    std::vector<std::string> out;
    DiffParams p;
    p.type = kind;
    p.prefix = prefix;
    Status s = forEachPage<DiffEntry>(
        [&](const std::string& after) { p.after = after; return b.diffRefs(repo, left, right, p); },
        [&](const DiffEntry& e) { out.push_back(std::string(diffTypeName(e.type)) + " " + e.path); return true; });
    if (!s.ok()) return s.error();
    return out;
}

Status createRepo(Backend& b, const std::string& repo)
{
    RepositoryCreation c;
    c.name = repo;
    return b.createRepository(c).status();
}

} // namespace acceptance
