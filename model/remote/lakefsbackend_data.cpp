// SPDX-License-Identifier: Apache-2.0
// LakeFsBackend: objects, diff and merge.
#include "remote/lakefsbackend.h"
#include "remote/responseerror.h"
#include "remote/urlencode.h"
#include "remote/wire.h"

#include "api/json.h"

#include <random>

namespace lakeside::remote {

namespace {

std::string branchPath(const std::string& repo, const std::string& branch)
{
    return repoPath(repo) + "/branches/" + percentEncode(branch);
}

std::string refPath(const std::string& repo, const std::string& ref)
{
    return repoPath(repo) + "/refs/" + percentEncode(ref);
}

QueryParams diffQuery(const DiffParams& p, bool withType)
{
    QueryParams q;
    if (!p.prefix.empty()) q.emplace_back("prefix", p.prefix);
    if (!p.after.empty()) q.emplace_back("after", p.after);
    q.emplace_back("amount", std::to_string(p.amount <= 0 ? 100 : std::min(p.amount, 1000)));
    if (!p.delimiter.empty()) q.emplace_back("delimiter", p.delimiter);
    if (withType) q.emplace_back("type", p.type == DiffKind::TwoDot ? "two_dot" : "three_dot");
    return q;
}

std::string objectWhat(const std::string& repo, const std::string& ref, const std::string& path)
{
    return "object '" + path + "' at '" + ref + "' in repository '" + repo + "'";
}

std::string randomBoundary()
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    std::string b = "lakeside-";
    for (int i = 0; i < 24; ++i) b.push_back(hex[rng() % 16]);
    return b;
}

std::string baseName(const std::string& path)
{
    const size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string safe;
    for (char c : name) safe.push_back(c == '"' || c == '\r' || c == '\n' ? '_' : c);
    return safe.empty() ? "content" : safe;
}

} // namespace

// --- objects ------------------------------------------------------------------

Result<Page<ObjectStats>> LakeFsBackend::listObjects(const std::string& repo, const std::string& ref,
                                                     const ListParams& p, const std::string& delimiter)
{
    HttpRequest r;
    r.path = refPath(repo, ref) + "/objects/ls";
    r.query = listQuery(p);
    if (!delimiter.empty()) r.query.emplace_back("delimiter", delimiter);
    r.query.emplace_back("user_metadata", "true");
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200}, "list objects at '" + ref + "' in repository '" + repo + "'"));
    return pageFromJson<ObjectStats>(j);
}

Result<ObjectStats> LakeFsBackend::statObject(const std::string& repo, const std::string& ref, const std::string& path)
{
    HttpRequest r;
    r.path = refPath(repo, ref) + "/objects/stat";
    r.query = {{"path", path}, {"user_metadata", "true"}};
    const std::string what = objectWhat(repo, ref, path);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200}, what));
    try {
        return j.get<ObjectStats>();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer (" + e.what() + ")");
    }
}

Status LakeFsBackend::getObject(const std::string& repo, const std::string& ref, const std::string& path,
                                const ByteSink& sink, const std::optional<ByteRange>& range, const OpContext& ctx)
{
    HttpRequest r;
    r.path = refPath(repo, ref) + "/objects";
    r.query = {{"path", path}};
    if (range) {
        std::string h = "Range: bytes=" + std::to_string(range->first) + "-";
        if (range->last) h += std::to_string(*range->last);
        r.headers.push_back(h);
    }
    r.sink = &sink;
    r.ctx = &ctx;
    return call(std::move(r), {200, 206}, objectWhat(repo, ref, path)).status();
}

Result<ObjectStats> LakeFsBackend::uploadObject(const std::string& repo, const std::string& branch,
                                                const std::string& path, const ByteSource& source, int64_t sizeHint,
                                                const UploadOptions& opts, const OpContext& ctx)
{
    HttpRequest r;
    r.method = "POST";
    r.path = branchPath(repo, branch) + "/objects";
    r.query = {{"path", path}};
    if (opts.force) r.query.emplace_back("force", "true");
    const std::string contentType = opts.content_type.empty() ? "application/octet-stream" : opts.content_type;
    if (opts.if_none_match_star) r.headers.push_back("If-None-Match: *");
    for (const auto& [k, v] : opts.metadata) r.headers.push_back("X-Lakefs-Meta-" + k + ": " + v);
    // lakeFS takes any Content-Type on a raw body, but its spec lists only
    // application/octet-stream: other types travel as the multipart part's
    // type, which both accept. Unknown sizes and large files go multipart too.
    const bool multipart = contentType != "application/octet-stream" || sizeHint < 0
        || sizeHint >= m_http.config().multipart_threshold;
    if (multipart) {
        const std::string boundary = randomBoundary();
        r.headers.push_back("Content-Type: multipart/form-data; boundary=" + boundary);
        r.sourcePrefix = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + baseName(path)
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        r.sourceSuffix = "\r\n--" + boundary + "--\r\n";
    } else {
        r.headers.push_back("Content-Type: " + contentType);
    }
    r.source = &source;
    r.sourceSize = sizeHint;
    r.ctx = &ctx;
    const std::string what = "upload " + objectWhat(repo, branch, path);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200, 201}, what));
    try {
        return j.get<ObjectStats>();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer (" + e.what() + ")");
    }
}

Status LakeFsBackend::deleteObject(const std::string& repo, const std::string& branch, const std::string& path)
{
    HttpRequest r;
    r.method = "DELETE";
    r.path = branchPath(repo, branch) + "/objects";
    r.query = {{"path", path}};
    return call(std::move(r), {204}, "delete " + objectWhat(repo, branch, path)).status();
}

Result<std::vector<ObjectError>> LakeFsBackend::deleteObjects(const std::string& repo, const std::string& branch,
                                                              const std::vector<std::string>& paths)
{
    std::vector<ObjectError> errors;
    for (size_t i = 0; i < paths.size(); i += 1000) {
        const size_t end = std::min(paths.size(), i + 1000);
        Json body{{"paths", std::vector<std::string>(paths.begin() + static_cast<long>(i), paths.begin() + static_cast<long>(end))}};
        LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(jsonRequest("POST", branchPath(repo, branch) + "/objects/delete", body), {200},
                                                   "delete objects on branch '" + branch + "' in repository '" + repo + "'"));
        if (j.is_object() && j.contains("errors") && j["errors"].is_array())
            for (const Json& e : j["errors"]) errors.push_back(e.get<ObjectError>());
    }
    return errors;
}

// --- diff and merge -----------------------------------------------------------

Result<Page<DiffEntry>> LakeFsBackend::diffRefs(const std::string& repo, const std::string& left,
                                                const std::string& right, const DiffParams& p)
{
    HttpRequest r;
    r.path = refPath(repo, left) + "/diff/" + percentEncode(right);
    r.query = diffQuery(p, true);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200}, "diff '" + left + "' and '" + right + "' in repository '" + repo + "'"));
    return pageFromJson<DiffEntry>(j);
}

Result<Page<DiffEntry>> LakeFsBackend::diffBranch(const std::string& repo, const std::string& branch, const DiffParams& p)
{
    HttpRequest r;
    r.path = branchPath(repo, branch) + "/diff";
    r.query = diffQuery(p, false);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200}, "uncommitted changes of branch '" + branch + "' in repository '" + repo + "'"));
    return pageFromJson<DiffEntry>(j);
}

std::vector<std::string> LakeFsBackend::conflictingPaths(const std::string& repo, const std::string& dest,
                                                         const std::string& source, size_t limit)
{
    std::vector<std::string> out;
    DiffParams p;
    p.amount = 1000;
    p.type = DiffKind::ThreeDot;
    // Best effort: the merge already failed with 409; a failing diff only
    // means the paths stay unknown.
    (void)forEachPage<DiffEntry>(
        [&](const std::string& after) { p.after = after; return diffRefs(repo, dest, source, p); },
        [&](const DiffEntry& e) {
            if (e.type == DiffType::Conflict) out.push_back(e.path);
            return out.size() < limit;
        });
    return out;
}

Result<MergeResult> LakeFsBackend::merge(const std::string& repo, const std::string& sourceRef,
                                         const std::string& destinationBranch, const MergeParams& p)
{
    const std::string what = "merge '" + sourceRef + "' into '" + destinationBranch + "' in repository '" + repo + "'";
    HttpRequest r = jsonRequest("POST", refPath(repo, sourceRef) + "/merge/" + percentEncode(destinationBranch), mergeParamsToJson(p));
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp, m_http.send(r));
    if (resp.status == 200) {
        LAKESIDE_ASSIGN_OR_RETURN(Json j, parseJson(resp.body, what));
        MergeResult m;
        m.reference = j.is_object() ? j.value("reference", std::string()) : std::string();
        return m;
    }
    Error e = errorFromResponse(resp, what);
    if (resp.status == 409) e.conflicts = conflictingPaths(repo, destinationBranch, sourceRef);
    return e;
}

Result<FindMergeBaseResult> LakeFsBackend::findMergeBase(const std::string& repo, const std::string& sourceRef,
                                                         const std::string& destinationBranch)
{
    HttpRequest r;
    r.path = refPath(repo, sourceRef) + "/merge/" + percentEncode(destinationBranch);
    const std::string what = "merge base of '" + sourceRef + "' and '" + destinationBranch + "' in repository '" + repo + "'";
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {200}, what));
    return findMergeBaseFromJson(j);
}

} // namespace lakeside::remote
