// SPDX-License-Identifier: Apache-2.0
#pragma once
// A lakeFS-compatible HTTP server (REST API v1, the subset LakeFsBackend
// uses) over any Backend: `lakeside-cli serve` exposes the embedded
// workspace to lakectl, the lakeFS web UI's API clients and other Lakeside
// instances. Status codes, bodies and pagination follow lakeFS
// (../shared/lakefs-api/REFERENCE.md §2-§4, §10); see docs/remote.md.
//
// Auth: HTTP Basic with the one configured key pair (compared in constant
// time), or a Bearer token from POST /auth/login. /healthcheck and
// /auth/login need none. Anything else unauthenticated: 401
// {"message":"error authenticating request"}.
//
// Thread safety: requests are served on a pool of threads and call the
// Backend concurrently (its contract allows it). start()/stop() are for one
// controlling thread.

#include "api/backend.h"
#include "api/status.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace lakeside::remote {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8000;                 // 0: any free port (see LakeFsServer::port())
    std::string access_key_id;       // required, non-empty
    std::string secret_access_key;   // required, non-empty
    // Object uploads may be this large; they are spooled (memory, then a
    // temporary file) before reaching the Backend.
    size_t max_upload_bytes = size_t(5) << 30;
    size_t spool_memory_bytes = size_t(8) << 20;
    // Any other request body (JSON) larger than this gets 413.
    size_t max_json_bytes = size_t(16) << 20;
    std::string version = LAKESIDE_VERSION; // reported by /config/version
};

class LakeFsServer {
public:
    // `backend` must outlive the server.
    LakeFsServer(Backend& backend, ServerOptions options);
    ~LakeFsServer(); // stops and joins
    LakeFsServer(const LakeFsServer&) = delete;
    LakeFsServer& operator=(const LakeFsServer&) = delete;

    // Binds and starts serving on a background thread. Unavailable when the
    // address cannot be bound; InvalidArgument for empty credentials.
    Status start();
    // Stops accepting, finishes in-flight requests, joins. Idempotent.
    void stop();
    int port() const;
    std::string baseUrl() const; // "http://127.0.0.1:PORT" (no /api/v1)

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Serves until *stop becomes true (polled every 100 ms), for the CLI.
// `onListening(port)` is called once the socket is bound.
Status runServer(Backend& backend, const ServerOptions& options, std::atomic<bool>* stop,
                 const std::function<void(int port)>& onListening = {});

} // namespace lakeside::remote
