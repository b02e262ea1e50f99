// SPDX-License-Identifier: Apache-2.0
#include "remote/httpclient.h"
#include "remote/retry.h"

#include "logging/logging.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

namespace lakeside::remote {

namespace {

std::once_flag g_curlInit;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

// Per-transfer state shared with libcurl's callbacks.
struct Transfer {
    const HttpRequest* req = nullptr;
    HttpResponse* resp = nullptr;
    size_t prefixPos = 0;
    size_t suffixPos = 0;
    bool sourceDone = false;
    bool sourceFailed = false;
    bool sourceTouched = false;
    bool sinkTouched = false;
    bool sinkStopped = false;
    int64_t lastUp = -1;
    int64_t lastDown = -1;
};

size_t onHeader(char* data, size_t size, size_t n, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * n;
    std::string line(data, len);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (after 100 Continue or a retry inside curl): start over.
        t->resp->headers.clear();
        const size_t sp = line.find(' ');
        t->resp->status = sp == std::string::npos ? 0 : std::atoi(line.c_str() + sp + 1);
        return len;
    }
    const size_t colon = line.find(':');
    if (colon != std::string::npos)
        t->resp->headers.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
    return len;
}

size_t onWrite(char* data, size_t size, size_t n, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * n;
    const int st = t->resp->status;
    if (t->req->sink && st >= 200 && st < 300) {
        t->sinkTouched = true;
        if (!(*t->req->sink)(data, static_cast<int64_t>(len))) {
            t->sinkStopped = true;
            return 0; // CURLE_WRITE_ERROR
        }
        return len;
    }
    t->resp->body.append(data, len);
    return len;
}

size_t onRead(char* buf, size_t size, size_t n, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t cap = size * n;
    const HttpRequest& r = *t->req;
    if (t->prefixPos < r.sourcePrefix.size()) {
        const size_t k = std::min(cap, r.sourcePrefix.size() - t->prefixPos);
        std::memcpy(buf, r.sourcePrefix.data() + t->prefixPos, k);
        t->prefixPos += k;
        return k;
    }
    if (!t->sourceDone) {
        t->sourceTouched = true;
        const int64_t got = (*r.source)(buf, static_cast<int64_t>(cap));
        if (got < 0) {
            t->sourceFailed = true;
            return CURL_READFUNC_ABORT;
        }
        if (got > 0) return static_cast<size_t>(got);
        t->sourceDone = true;
    }
    if (t->suffixPos < r.sourceSuffix.size()) {
        const size_t k = std::min(cap, r.sourceSuffix.size() - t->suffixPos);
        std::memcpy(buf, r.sourceSuffix.data() + t->suffixPos, k);
        t->suffixPos += k;
        return k;
    }
    return 0;
}

int onProgress(void* user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
    auto* t = static_cast<Transfer*>(user);
    const OpContext* ctx = t->req->ctx;
    if (!ctx) return 0;
    if (ctx->isCancelled()) return 1; // CURLE_ABORTED_BY_CALLBACK
    if (t->req->source && ulnow != t->lastUp) {
        t->lastUp = ulnow;
        ctx->report(ulnow, t->req->sourceSize >= 0 ? t->req->sourceSize + static_cast<int64_t>(t->req->sourcePrefix.size() + t->req->sourceSuffix.size()) : (ultotal > 0 ? ultotal : -1));
    } else if (t->req->sink && dlnow != t->lastDown) {
        t->lastDown = dlnow;
        ctx->report(dlnow, dltotal > 0 ? dltotal : -1);
    }
    return 0;
}

TransportFailure classify(CURLcode code)
{
    switch (code) {
    case CURLE_OK: return TransportFailure::None;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportFailure::Dns;
    case CURLE_COULDNT_CONNECT: return TransportFailure::ConnectionRefused;
    case CURLE_OPERATION_TIMEDOUT: return TransportFailure::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED: return TransportFailure::Tls;
    case CURLE_ABORTED_BY_CALLBACK: return TransportFailure::Cancelled;
    default: return TransportFailure::Other;
    }
}

bool retryableFailure(TransportFailure f)
{
    return f == TransportFailure::ConnectionRefused || f == TransportFailure::Timeout || f == TransportFailure::Other;
}

void sleepCancellable(long ms, const OpContext* ctx)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        if (ctx && ctx->isCancelled()) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 20L)));
    }
}

} // namespace

const char* transportFailureName(TransportFailure f)
{
    switch (f) {
    case TransportFailure::None: return "none";
    case TransportFailure::Dns: return "dns";
    case TransportFailure::ConnectionRefused: return "connection refused";
    case TransportFailure::Timeout: return "timeout";
    case TransportFailure::Tls: return "tls";
    case TransportFailure::Cancelled: return "cancelled";
    case TransportFailure::SourceFailed: return "upload source failed";
    case TransportFailure::SinkStopped: return "download stopped";
    case TransportFailure::Other: return "network error";
    }
    return "network error";
}

std::string HttpResponse::header(const std::string& name) const
{
    const std::string key = lower(name);
    for (const auto& [k, v] : headers)
        if (k == key) return v;
    return {};
}

struct HttpClient::Shared {
    CURLSH* share = nullptr;
    std::mutex locks[CURL_LOCK_DATA_LAST];
    std::mutex rngLock;
    std::mt19937 rng{std::random_device{}()};

    static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user)
    {
        static_cast<Shared*>(user)->locks[data].lock();
    }
    static void unlock(CURL*, curl_lock_data data, void* user)
    {
        static_cast<Shared*>(user)->locks[data].unlock();
    }
};

HttpClient::HttpClient(ConnectionConfig config)
    : m_config(std::move(config)), m_base(normalizedApiBase(m_config.endpoint)), m_shared(std::make_unique<Shared>())
{
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_shared->share = curl_share_init();
    curl_share_setopt(m_shared->share, CURLSHOPT_LOCKFUNC, &Shared::lock);
    curl_share_setopt(m_shared->share, CURLSHOPT_UNLOCKFUNC, &Shared::unlock);
    curl_share_setopt(m_shared->share, CURLSHOPT_USERDATA, m_shared.get());
    curl_share_setopt(m_shared->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(m_shared->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(m_shared->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    if (!m_config.verify_tls)
        logging::get("remote")->warn("TLS certificate verification is OFF for connection '{}' ({})",
                                     m_config.name, m_config.endpoint);
}

HttpClient::~HttpClient()
{
    if (m_shared->share) curl_share_cleanup(m_shared->share);
}

std::string HttpClient::urlFor(const HttpRequest& r) const
{
    std::string url = m_base + r.path;
    if (!r.query.empty()) url += "?" + encodeQuery(r.query);
    return url;
}

Exchange HttpClient::attempt(const HttpRequest& r) const
{
    Exchange ex;
    Transfer t;
    t.req = &r;
    t.resp = &ex.response;
    CURL* h = curl_easy_init();
    if (!h) {
        ex.failure = TransportFailure::Other;
        ex.detail = "cannot create a libcurl handle";
        return ex;
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    const std::string url = urlFor(r);
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_SHARE, m_shared->share);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, m_config.timeouts.connect_ms);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, m_config.timeouts.low_speed_limit);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, m_config.timeouts.low_speed_time_s);
    if (m_config.timeouts.request_ms > 0) curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, m_config.timeouts.request_ms);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, m_config.verify_tls ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, m_config.verify_tls ? 2L : 0L);
    if (!m_config.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, m_config.ca_bundle.c_str());
    curl_easy_setopt(h, CURLOPT_USERAGENT, "lakeside/" LAKESIDE_VERSION);
    if (r.authenticate && !m_config.access_key_id.empty()) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(h, CURLOPT_USERNAME, m_config.access_key_id.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, m_config.secret_access_key.c_str());
    }
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onWrite);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);

    curl_slist* headers = nullptr;
    for (const std::string& hdr : r.headers) headers = curl_slist_append(headers, hdr.c_str());
    // 100-continue costs a round trip (or a 1 s wait on servers that ignore it).
    headers = curl_slist_append(headers, "Expect:");
    headers = curl_slist_append(headers, "X-Lakefs-Client: lakeside/" LAKESIDE_VERSION);

    const bool hasBodyMethod = r.method == "POST" || r.method == "PUT" || r.method == "PATCH" || r.method == "DELETE";
    if (r.method == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (r.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    }
    if (r.source) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.method.c_str());
        curl_easy_setopt(h, CURLOPT_READFUNCTION, &onRead);
        curl_easy_setopt(h, CURLOPT_READDATA, &t);
        if (r.sourceSize >= 0) {
            const curl_off_t total = r.sourceSize + static_cast<curl_off_t>(r.sourcePrefix.size() + r.sourceSuffix.size());
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, total);
        } else {
            headers = curl_slist_append(headers, "Transfer-Encoding: chunked");
        }
    } else if (hasBodyMethod && (r.method != "DELETE" || !r.body.empty())) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, r.body.c_str());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        ex.response.status = static_cast<int>(status);
    } else {
        ex.failure = classify(code);
        if (t.sourceFailed) ex.failure = TransportFailure::SourceFailed;
        else if (t.sinkStopped) ex.failure = TransportFailure::SinkStopped;
        ex.detail = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(code));
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    // Whether the body streams were touched decides if a retry is possible.
    if (t.sourceTouched || t.sinkTouched) ex.attempts = -1;
    return ex;
}

Exchange HttpClient::exchange(const HttpRequest& r) const
{
    const bool idempotent = isIdempotentMethod(r.method);
    const int maxAttempts = r.retry ? std::max(1, m_config.retry.max_attempts) : 1;
    Exchange ex;
    for (int attemptNo = 1;; ++attemptNo) {
        ex = attempt(r);
        const bool streamsTouched = ex.attempts < 0;
        ex.attempts = attemptNo;
        if (r.ctx && r.ctx->isCancelled()) {
            ex.failure = TransportFailure::Cancelled;
            return ex;
        }
        if (attemptNo >= maxAttempts || streamsTouched) return ex;
        long retryAfter = -1;
        if (ex.failure == TransportFailure::None) {
            if (!isRetryableStatus(ex.response.status, idempotent)) return ex;
            const std::string ra = ex.response.header("retry-after");
            if (!ra.empty() && std::all_of(ra.begin(), ra.end(), ::isdigit)) retryAfter = std::atol(ra.c_str());
        } else if (!(idempotent && retryableFailure(ex.failure))) {
            return ex;
        }
        long delay = 0;
        {
            std::lock_guard<std::mutex> g(m_shared->rngLock);
            delay = backoffDelayMs(m_config.retry, attemptNo, m_shared->rng, retryAfter);
        }
        logging::get("remote")->debug("{} {} attempt {} failed ({}), retrying in {} ms", r.method, r.path,
                                      attemptNo, ex.failure == TransportFailure::None ? std::to_string(ex.response.status) : ex.detail, delay);
        sleepCancellable(delay, r.ctx);
    }
}

Result<HttpResponse> HttpClient::send(const HttpRequest& r) const
{
    Exchange ex = exchange(r);
    const std::string where = m_config.endpoint;
    switch (ex.failure) {
    case TransportFailure::None: return std::move(ex.response);
    case TransportFailure::Dns:
        return makeError(ErrorKind::Unavailable, "cannot resolve the host of " + where + " (DNS lookup failed: " + ex.detail + ")");
    case TransportFailure::ConnectionRefused:
        return makeError(ErrorKind::Unavailable, "cannot connect to " + where + " (connection refused or unreachable: " + ex.detail + ")");
    case TransportFailure::Timeout:
        return makeError(ErrorKind::Unavailable, "request to " + where + " timed out (" + ex.detail + ")");
    case TransportFailure::Tls:
        return makeError(ErrorKind::Unavailable, "TLS handshake with " + where + " failed (" + ex.detail + ")");
    case TransportFailure::Cancelled:
        return makeError(ErrorKind::Cancelled, r.method + " " + r.path + " was cancelled");
    case TransportFailure::SinkStopped:
        return makeError(ErrorKind::Cancelled, "download of " + r.path + " was stopped by the receiver");
    case TransportFailure::SourceFailed:
        return makeError(ErrorKind::Io, "reading the data to upload failed");
    case TransportFailure::Other: break;
    }
    return makeError(ErrorKind::Unavailable, "network error talking to " + where + ": " + ex.detail);
}

} // namespace lakeside::remote
