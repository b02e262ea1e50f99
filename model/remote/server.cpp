// SPDX-License-Identifier: Apache-2.0
#include "remote/server.h"
#include "remote/serverhelpers.h"

#include "logging/logging.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <chrono>
#include <ctime>
#include <thread>

namespace lakeside::remote {

namespace server {

namespace {

bool digest(const std::string& s, unsigned char out[32])
{
    unsigned int len = 0;
    return EVP_Digest(s.data(), s.size(), out, &len, EVP_sha256(), nullptr) == 1 && len == 32;
}

std::string base64Decode(const std::string& in)
{
    std::string out;
    out.resize(in.size());
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
    if (n < 0) return {};
    out.resize(static_cast<size_t>(n));
    // EVP_DecodeBlock counts padding as zero bytes.
    size_t pad = 0;
    for (size_t i = in.size(); i > 0 && in[i - 1] == '='; --i) ++pad;
    out.resize(out.size() - std::min(pad, out.size()));
    return out;
}

bool publicPath(const std::string& path)
{
    return path == "/api/v1/healthcheck" || path == "/api/v1/auth/login" || path == "/_health";
}

bool isUpload(const httplib::Request& req)
{
    static const std::string suffix = "/objects";
    return req.method == "POST" && req.path.rfind("/api/v1/repositories/", 0) == 0 && req.path.size() > suffix.size()
        && req.path.compare(req.path.size() - suffix.size(), suffix.size(), suffix) == 0
        && req.path.find("/branches/") != std::string::npos;
}

} // namespace

std::string sha256Hex(const std::string& s)
{
    unsigned char d[32];
    if (!digest(s, d)) return {};
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : d) { out.push_back(hex[c >> 4]); out.push_back(hex[c & 15]); }
    return out;
}

bool credentialsMatch(const Context& ctx, const std::string& keyId, const std::string& secret)
{
    unsigned char a[32], b[32], c[32], e[32];
    if (!digest(keyId, a) || !digest(ctx.options.access_key_id, b) || !digest(secret, c)
        || !digest(ctx.options.secret_access_key, e))
        return false;
    const bool keyOk = CRYPTO_memcmp(a, b, 32) == 0;
    const bool secretOk = CRYPTO_memcmp(c, e, 32) == 0;
    return keyOk && secretOk;
}

namespace {

bool authenticated(Context& ctx, const httplib::Request& req)
{
    const std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Basic ", 0) == 0) {
        const std::string decoded = base64Decode(auth.substr(6));
        const size_t colon = decoded.find(':');
        if (colon == std::string::npos) return false;
        return credentialsMatch(ctx, decoded.substr(0, colon), decoded.substr(colon + 1));
    }
    if (auth.rfind("Bearer ", 0) == 0) {
        const std::string h = sha256Hex(auth.substr(7));
        std::lock_guard<std::mutex> g(ctx.tokensMutex);
        return ctx.tokenHashes.count(h) > 0;
    }
    return false;
}

} // namespace

} // namespace server

struct LakeFsServer::Impl {
    Backend& backend;
    ServerOptions options;
    server::Context ctx;
    httplib::Server http;
    std::thread thread;
    int port = 0;
    bool running = false;

    Impl(Backend& b, ServerOptions o) : backend(b), options(std::move(o)), ctx{backend, options} {}
};

LakeFsServer::LakeFsServer(Backend& backend, ServerOptions options) : d(std::make_unique<Impl>(backend, std::move(options)))
{
    using namespace server;
    Context& ctx = d->ctx;
    ctx.startTime = static_cast<int64_t>(std::time(nullptr));
    httplib::Server& svr = d->http;
    // httplib's limit applies to every body, streamed uploads included, so it
    // is the upload cap; declared JSON bodies above max_json_bytes are
    // refused in the pre-routing handler below (a chunked JSON body is only
    // bounded by the upload cap).
    svr.set_payload_max_length(ctx.options.max_upload_bytes);
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        logging::get("server")->debug("{} {} -> {}", req.method, req.target, res.status);
    });
    svr.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        // Range is answered by the object handler itself (one range, 416 as
        // lakeFS does); httplib's own range slicing must not apply twice.
        const_cast<httplib::Request&>(req).ranges.clear();
        if (!publicPath(req.path) && !authenticated(ctx, req)) {
            sendError(res, ErrorKind::Unauthorized, "error authenticating request");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (!isUpload(req) && req.has_header("Content-Length")) {
            const unsigned long long len = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
            if (len > ctx.options.max_json_bytes) {
                sendJson(res, 413, Json{{"message", "request body too large (limit " + std::to_string(ctx.options.max_json_bytes) + " bytes)"}});
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("X-Frame-Options", "SAMEORIGIN");
    });
    svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || res.content_length_ > 0) return;
        if (res.status == 404 && req.path.rfind("/api/v1/", 0) == 0)
            sendJson(res, 404, Json{{"message", "invalid API endpoint"}});
        else if (res.status == 413)
            sendJson(res, 413, Json{{"message", "request body too large"}});
    });
    svr.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        logging::get("server")->error("{} {} failed: {}", req.method, req.path, what);
        sendJson(res, 500, Json{{"message", "internal error: " + what}});
    });
    addRefRoutes(svr, ctx);
    addMergeRoutes(svr, ctx);
    addObjectRoutes(svr, ctx);
    addExtraRoutes(svr, ctx);
}

LakeFsServer::~LakeFsServer() { stop(); }

Status LakeFsServer::start()
{
    if (d->running) return Status();
    if (d->options.access_key_id.empty() || d->options.secret_access_key.empty())
        return makeError(ErrorKind::InvalidArgument, "serve: an access key id and a secret access key are required");
    if (d->options.port == 0) {
        d->port = d->http.bind_to_any_port(d->options.host);
    } else {
        d->port = d->http.bind_to_port(d->options.host, d->options.port) ? d->options.port : -1;
    }
    if (d->port <= 0)
        return makeError(ErrorKind::Unavailable, "serve: cannot listen on " + d->options.host + ":" + std::to_string(d->options.port)
                                                     + " (address in use or not available)");
    d->running = true;
    d->thread = std::thread([this] { d->http.listen_after_bind(); });
    // A stop() before the accept loop runs would be lost: wait until it runs.
    while (!d->http.is_running()) std::this_thread::yield();
    logging::get("server")->info("serving lakeFS API v1 for {} on {}", d->backend.describe(), baseUrl());
    return Status();
}

void LakeFsServer::stop()
{
    if (!d->running) return;
    d->http.stop();
    if (d->thread.joinable()) d->thread.join();
    d->running = false;
}

int LakeFsServer::port() const { return d->port; }

std::string LakeFsServer::baseUrl() const { return "http://" + d->options.host + ":" + std::to_string(d->port); }

Status runServer(Backend& backend, const ServerOptions& options, std::atomic<bool>* stop,
                 const std::function<void(int port)>& onListening)
{
    LakeFsServer server(backend, options);
    LAKESIDE_RETURN_IF_ERROR(server.start());
    if (onListening) onListening(server.port());
    while (!(stop && stop->load())) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return Status();
}

} // namespace lakeside::remote
