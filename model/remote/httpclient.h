// SPDX-License-Identifier: Apache-2.0
#pragma once
// HTTP/1.1 and HTTP/2 exchanges with one lakeFS server over libcurl.
//
// Thread safety: an HttpClient is immutable after construction and every
// method may be called from any thread concurrently. Each call uses its own
// easy handle; connections, DNS answers and TLS sessions are shared between
// calls through one CURLSH share handle (guarded by per-kind mutexes), so
// concurrent calls reuse kept-alive connections.
//
// HTTP error statuses are answers, not failures: send() returns them for the
// caller to map (responseerror.h). Only transport problems (DNS, refused,
// TLS, timeout, cancellation) come back as errors.

#include "api/status.h"
#include "api/types.h"
#include "remote/connectionconfig.h"
#include "remote/urlencode.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lakeside::remote {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // below the API base, starting with '/', segments already percent-encoded
    QueryParams query;
    std::vector<std::string> headers; // "Name: value"
    std::string body;                 // sent for POST/PUT/PATCH/DELETE when `source` is null
    // Streamed upload: bytes come from `source`, framed by prefix/suffix (multipart).
    const ByteSource* source = nullptr;
    int64_t sourceSize = -1;           // -1: unknown (chunked transfer)
    std::string sourcePrefix, sourceSuffix;
    // Streamed download: a 2xx body goes to `sink` instead of HttpResponse::body.
    const ByteSink* sink = nullptr;
    const OpContext* ctx = nullptr;    // progress and cancellation
    bool authenticate = true;          // false for /healthcheck
    bool retry = true;                 // false: exactly one attempt (connection test)
};

struct HttpResponse {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // names lower-cased
    // First value of a header (case-insensitive name), or "".
    std::string header(const std::string& name) const;
};

// Why an exchange got no HTTP answer; the connection test reports these plainly.
enum class TransportFailure { None, Dns, ConnectionRefused, Timeout, Tls, Cancelled, SourceFailed, SinkStopped, Other };
const char* transportFailureName(TransportFailure f);

struct Exchange {
    HttpResponse response;                          // valid when failure == None
    TransportFailure failure = TransportFailure::None;
    std::string detail;                             // libcurl's explanation
    int attempts = 0;
};

class HttpClient {
public:
    explicit HttpClient(ConnectionConfig config);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // One request with the retry policy of the config (see retry.h). Never throws.
    Exchange exchange(const HttpRequest& request) const;
    // exchange(), with transport failures turned into an Error: Unavailable
    // (saying DNS, refused, TLS or timeout), Cancelled, or Io for a failing source.
    Result<HttpResponse> send(const HttpRequest& request) const;

    const ConnectionConfig& config() const { return m_config; }
    const std::string& apiBase() const { return m_base; }
    std::string urlFor(const HttpRequest& request) const;

private:
    struct Shared;
    Exchange attempt(const HttpRequest& request) const;

    ConnectionConfig m_config;
    std::string m_base;
    std::unique_ptr<Shared> m_shared;
};

} // namespace lakeside::remote
