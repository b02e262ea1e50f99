// SPDX-License-Identifier: Apache-2.0
#include "demoscript.h"

#include <algorithm>
#include <cstring>
#include <ctime>

namespace lakeside::demo {

DemoScript::DemoScript(Backend& backend, const DemoOptions& options) : m_backend(backend), m_options(options)
{
    const int64_t now = options.now > 0 ? options.now : static_cast<int64_t>(std::time(nullptr));
    m_dayStart = now - now % 86400;
}

int64_t DemoScript::at(int daysAgo, int hour) const { return m_dayStart - int64_t(daysAgo) * 86400 + int64_t(hour) * 3600; }

Status DemoScript::begin(const std::string& what)
{
    if (m_options.ctx.isCancelled()) return makeError(ErrorKind::Cancelled, "demo cancelled before: " + what);
    ++m_done;
    m_options.ctx.report(m_done, std::max(m_done, kTotalSteps));
    return {};
}

Backend& DemoScript::as(const std::string& user)
{
    Backend* b = m_options.actAs ? m_options.actAs(user) : nullptr;
    return b ? *b : m_backend;
}

Error DemoScript::fail(const std::string& what, const Error& e) const
{
    Error out = e;
    out.message = "demo: " + what + ": " + e.message;
    return out;
}

Status DemoScript::createRepository(const std::string& repo)
{
    LAKESIDE_RETURN_IF_ERROR(begin("create " + repo));
    RepositoryCreation c;
    c.name = repo;
    Result<Repository> r = m_backend.createRepository(c);
    if (!r.ok()) return fail("creating repository '" + repo + "'", r.error());
    return {};
}

Status DemoScript::createBranch(const std::string& repo, const std::string& branch, const std::string& source)
{
    LAKESIDE_RETURN_IF_ERROR(begin("branch " + branch));
    Result<Ref> r = m_backend.createBranch(repo, branch, source);
    if (!r.ok()) return fail("creating branch '" + branch + "' in '" + repo + "'", r.error());
    return {};
}

Status DemoScript::createTag(const std::string& repo, const std::string& tag, const std::string& ref)
{
    LAKESIDE_RETURN_IF_ERROR(begin("tag " + tag));
    Result<Ref> r = m_backend.createTag(repo, tag, ref);
    if (!r.ok()) return fail("creating tag '" + tag + "' in '" + repo + "'", r.error());
    return {};
}

Status DemoScript::stagedStep(const std::string& what) { return begin(what); }

Status DemoScript::put(const std::string& repo, const std::string& branch, const std::string& path, const std::string& content)
{
    size_t offset = 0;
    ByteSource source = [&](char* buf, int64_t capacity) -> int64_t {
        const size_t n = std::min(content.size() - offset, static_cast<size_t>(capacity));
        std::memcpy(buf, content.data() + offset, n);
        offset += n;
        return static_cast<int64_t>(n);
    };
    UploadOptions opts;
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : path.substr(dot);
    opts.content_type = ext == ".csv" ? "text/csv" : ext == ".json" ? "application/json" : ext == ".md" ? "text/markdown"
                                                                                                         : "application/octet-stream";
    Result<ObjectStats> r = m_backend.uploadObject(repo, branch, path, source, static_cast<int64_t>(content.size()), opts);
    if (!r.ok()) return fail("writing '" + path + "' on '" + repo + "/" + branch + "'", r.error());
    return {};
}

Result<Commit> DemoScript::commit(const std::string& repo, const std::string& branch, const std::string& user, int daysAgo,
                                  int hour, const std::string& message, const Metadata& metadata)
{
    LAKESIDE_RETURN_IF_ERROR(begin("commit " + message));
    CommitCreation c;
    c.message = message;
    c.metadata = metadata;
    c.date = at(daysAgo, hour);
    Result<Commit> r = as(user).commit(repo, branch, c);
    if (!r.ok()) return fail("committing \"" + message + "\" on '" + repo + "/" + branch + "'", r.error());
    return r;
}

Result<Commit> DemoScript::importFrom(const std::string& repo, const std::string& branch, const std::string& destPrefix,
                                      const std::string& sourceRepo, const std::string& sourceRef,
                                      const std::string& sourcePrefix, const std::string& user, int daysAgo, int hour,
                                      const std::string& message)
{
    LAKESIDE_RETURN_IF_ERROR(begin("import " + sourceRepo));
    CommitCreation c;
    c.message = message;
    c.date = at(daysAgo, hour);
    Result<Commit> r = as(user).importFromRef(repo, branch, destPrefix, sourceRepo, sourceRef, sourcePrefix, c);
    if (!r.ok()) return fail("onboarding '" + sourceRepo + "@" + sourceRef + "' into '" + repo + "'", r.error());
    return r;
}

Result<MergeResult> DemoScript::merge(const std::string& repo, const std::string& source, const std::string& dest,
                                      const std::string& user, const std::string& message, const Metadata& metadata)
{
    LAKESIDE_RETURN_IF_ERROR(begin("merge " + source));
    MergeParams p;
    p.message = message;
    p.metadata = metadata;
    Result<MergeResult> r = as(user).merge(repo, source, dest, p);
    if (!r.ok()) return fail("merging '" + source + "' into '" + dest + "' in '" + repo + "'", r.error());
    return r;
}

} // namespace lakeside::demo
