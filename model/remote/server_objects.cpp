// SPDX-License-Identifier: Apache-2.0
// Server routes: objects (ls, stat, get/head with Range and ETag, upload,
// delete, bulk delete).
#include "remote/serverhelpers.h"
#include "remote/uploadspool.h"
#include "remote/wire.h"

#include <ctime>

namespace lakeside::remote::server {

namespace {

std::string seg(int n, const httplib::Request& req) { return req.matches[n].str(); }

std::string httpDate(int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

// One "bytes=a-b" / "bytes=a-" / "bytes=-n" range against `size`.
// Returns false when unsatisfiable; `present` false when there is no usable header.
bool parseRange(const std::string& header, int64_t size, bool& present, int64_t& first, int64_t& last)
{
    present = false;
    if (header.rfind("bytes=", 0) != 0 || header.find(',') != std::string::npos) return true;
    const std::string spec = header.substr(6);
    const size_t dash = spec.find('-');
    if (dash == std::string::npos) return true;
    const std::string a = spec.substr(0, dash), z = spec.substr(dash + 1);
    present = true;
    if (a.empty()) {
        if (z.empty()) return false;
        const int64_t n = std::atoll(z.c_str());
        if (n <= 0 || size == 0) return false;
        first = std::max<int64_t>(0, size - n);
        last = size - 1;
        return true;
    }
    first = std::atoll(a.c_str());
    last = z.empty() ? size - 1 : std::min<int64_t>(std::atoll(z.c_str()), size - 1);
    return first < size && first <= last;
}

Json statsJson(const ObjectStats& s)
{
    Json j = s;
    if (s.path_type == PathType::Object && s.metadata.empty()) j.erase("metadata");
    return j;
}

void serveObject(Backend& b, const httplib::Request& req, httplib::Response& res)
{
    const std::string repo = seg(1, req), ref = seg(2, req), path = param(req, "path");
    if (path.empty()) return sendError(res, ErrorKind::InvalidArgument, "get object: query parameter 'path' is required");
    auto st = b.statObject(repo, ref, path);
    if (!st.ok()) return sendError(res, st.error());
    const std::string etag = "\"" + st->checksum + "\"";
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", httpDate(st->mtime));
    res.set_header("Cache-Control", "no-store, must-revalidate");
    res.set_header("Accept-Ranges", "bytes");
    const std::string inm = req.get_header_value("If-None-Match");
    if (!inm.empty() && (inm == etag || inm == st->checksum || inm == "*")) {
        res.status = 304;
        return;
    }
    const int64_t size = st->size_bytes;
    bool ranged = false;
    int64_t first = 0, last = size - 1;
    if (!parseRange(req.get_header_value("Range"), size, ranged, first, last)) {
        res.set_header("Content-Range", "bytes */" + std::to_string(size));
        return sendError(res, ErrorKind::RangeNotSatisfiable, "requested range not satisfiable for object '" + path + "'");
    }
    // The spec declares application/octet-stream for object bodies (lakeFS
    // itself sends the stored type); the stored type is in stat's content_type.
    const std::string type = "application/octet-stream";
    res.set_header("Content-Disposition", "attachment");
    res.status = ranged ? 206 : 200;
    if (ranged) res.set_header("Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size));
    const int64_t length = size == 0 ? 0 : last - first + 1;
    if (length == 0) {
        res.set_content("", type);
        return;
    }
    // Streams straight from the Backend; runs after this handler returns.
    res.set_content_provider(static_cast<size_t>(length), type,
        [&b, repo, ref, path, first, last](size_t, size_t, httplib::DataSink& sink) {
            ByteSink out = [&sink](const char* d, int64_t n) { return sink.write(d, static_cast<size_t>(n)); };
            return b.getObject(repo, ref, path, out, ByteRange{first, last}).ok();
        });
}

void uploadObject(Context& ctx, const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader)
{
    Backend& b = ctx.backend;
    const std::string repo = seg(1, req), branch = seg(2, req), path = param(req, "path");
    if (path.empty()) return sendError(res, ErrorKind::InvalidArgument, "upload: query parameter 'path' is required");
    if (req.has_header("If-Match")) return sendError(res, ErrorKind::NotImplemented, "If-Match is not supported on upload");
    UploadOptions opts;
    if (req.has_header("If-None-Match")) {
        if (req.get_header_value("If-None-Match") != "*")
            return sendError(res, ErrorKind::NotImplemented, "only If-None-Match: * is supported on upload");
        opts.if_none_match_star = true;
    }
    opts.force = boolParam(req, "force");
    // A missing repository or branch answers before any data is read.
    if (auto br = b.getBranch(repo, branch); !br.ok()) return sendError(res, br.error());
    for (const auto& [name, value] : req.headers) {
        static const std::string prefix = "x-lakefs-meta-";
        if (name.size() > prefix.size()) {
            std::string lower = name;
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower.rfind(prefix, 0) == 0) opts.metadata[lower.substr(prefix.size())] = value;
        }
    }
    // httplib does not apply its payload limit to streamed bodies: enforce it
    // here, before reading when the length is declared, else while spooling.
    const size_t limit = ctx.options.max_upload_bytes;
    auto tooLarge = [&res, limit] {
        sendJson(res, 413, Json{{"message", "object too large (limit " + std::to_string(limit) + " bytes)"}});
    };
    if (req.has_header("Content-Length") && std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > limit)
        return tooLarge();
    UploadSpool spool(ctx.options.spool_memory_bytes);
    bool ok = true;
    bool overLimit = false;
    bool readAll = false;
    auto keep = [&](const char* data, size_t len) {
        if (static_cast<size_t>(spool.size()) + len > limit) {
            overLimit = true;
            return false;
        }
        return ok = spool.write(data, len);
    };
    if (req.is_multipart_form_data()) {
        bool inContent = false, sawContent = false;
        readAll = reader(
            [&](const httplib::MultipartFormData& part) {
                inContent = part.name == "content";
                if (inContent) {
                    sawContent = true;
                    opts.content_type = part.content_type;
                }
                return true;
            },
            [&](const char* data, size_t len) { return !inContent || keep(data, len); });
        if (overLimit) return tooLarge();
        if (!sawContent) return sendError(res, ErrorKind::InvalidArgument, "upload: multipart body has no part named 'content'");
    } else {
        opts.content_type = req.get_header_value("Content-Type");
        readAll = reader([&](const char* data, size_t len) { return keep(data, len); });
    }
    if (overLimit) return tooLarge();
    if (ok && !readAll)
        return sendError(res, ErrorKind::InvalidArgument, "upload: the request body ended early or exceeds the size limit");
    if (!ok || !spool.rewind()) return sendError(res, ErrorKind::Io, "upload: cannot spool the request body to a temporary file");
    if (opts.content_type.empty()) opts.content_type = "application/octet-stream";
    ByteSource source = [&spool](char* buf, int64_t cap) { return spool.read(buf, cap); };
    auto st = b.uploadObject(repo, branch, path, source, spool.size(), opts);
    if (!st.ok()) return sendError(res, st.error());
    sendJson(res, 201, statsJson(*st));
}

} // namespace

void addObjectRoutes(httplib::Server& svr, Context& ctx)
{
    Backend& b = ctx.backend;
    const std::string repo = std::string("/repositories/") + kSeg;

    svr.Get(route(repo + "/refs/" + kSeg + "/objects/ls"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto page = b.listObjects(seg(1, req), seg(2, req), listParams(req), param(req, "delimiter"));
        if (!page.ok()) return sendError(res, page.error());
        sendJson(res, 200, pageJson(*page, statsJson));
    });
    svr.Get(route(repo + "/refs/" + kSeg + "/objects/stat"), [&b](const httplib::Request& req, httplib::Response& res) {
        const std::string path = param(req, "path");
        if (path.empty()) return sendError(res, ErrorKind::InvalidArgument, "stat: query parameter 'path' is required");
        auto st = b.statObject(seg(1, req), seg(2, req), path);
        if (!st.ok()) return sendError(res, st.error());
        sendJson(res, 200, statsJson(*st));
    });
    // GET and HEAD (httplib routes HEAD to GET handlers and sends no body).
    svr.Get(route(repo + "/refs/" + kSeg + "/objects"), [&b](const httplib::Request& req, httplib::Response& res) {
        serveObject(b, req, res);
    });
    svr.Post(route(repo + "/branches/" + kSeg + "/objects"),
             [&ctx](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                 uploadObject(ctx, req, res, reader);
             });
    svr.Delete(route(repo + "/branches/" + kSeg + "/objects"), [&b](const httplib::Request& req, httplib::Response& res) {
        const std::string path = param(req, "path");
        if (path.empty()) return sendError(res, ErrorKind::InvalidArgument, "delete: query parameter 'path' is required");
        sendStatus(res, b.deleteObject(seg(1, req), seg(2, req), path), 204);
    });
    svr.Post(route(repo + "/branches/" + kSeg + "/objects/delete"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        if (!body->is_object() || !(*body).contains("paths") || !(*body)["paths"].is_array())
            return sendError(res, ErrorKind::InvalidArgument, "delete objects: 'paths' is required");
        std::vector<std::string> paths;
        for (const Json& p : (*body)["paths"]) {
            if (!p.is_string()) return sendError(res, ErrorKind::InvalidArgument, "delete objects: every path must be a string");
            paths.push_back(p.get<std::string>());
        }
        if (paths.size() > 1000) return sendError(res, ErrorKind::InvalidArgument, "delete objects: at most 1000 paths per request");
        auto r = b.deleteObjects(seg(1, req), seg(2, req), paths);
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, Json{{"errors", *r}});
    });
}

} // namespace lakeside::remote::server
