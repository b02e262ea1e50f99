// SPDX-License-Identifier: Apache-2.0
#pragma once
// How to reach one lakeFS server. Plain values, Qt-free: the GUI stores the
// secret in the system keychain and fills this struct before connecting.

#include <string>

namespace lakeside::remote {

struct Timeouts {
    long connect_ms = 10000;      // TCP + TLS handshake
    long low_speed_time_s = 30;   // abort when slower than low_speed_limit for this long
    long low_speed_limit = 1;     // bytes per second
    long request_ms = 0;          // whole request, 0 = none (streams can be long)
};

// Exponential backoff with jitter. Applied to idempotent requests (GET, HEAD,
// PUT, DELETE) on transient failures, and to any request answered 429 or 503.
struct RetryPolicy {
    int max_attempts = 4;   // total tries, >= 1
    long base_delay_ms = 200;
    long max_delay_ms = 5000;
};

struct ConnectionConfig {
    std::string name;              // display name ("production lakeFS")
    std::string endpoint;          // http(s)://host[:port][/api/v1]
    std::string access_key_id;
    std::string secret_access_key;
    // TLS peer and host verification. Turning it off is an explicit,
    // per-connection choice and is logged as a warning on every client creation.
    bool verify_tls = true;
    std::string ca_bundle;         // PEM file; empty = system store
    Timeouts timeouts;
    RetryPolicy retry;
    // Uploads at least this large go as multipart/form-data (the form lakeFS's
    // own clients use for big files); smaller ones as a raw body.
    long long multipart_threshold = 64LL * 1024 * 1024;
    // Where client-side state (reviews, required approvals) lives; empty =
    // ${XDG_DATA_HOME:-~/.local/share}/lakeside/remote.
    std::string state_dir;
};

// "http://h:8000/api/v1/" -> "http://h:8000/api/v1"; adds /api/v1 when absent.
std::string normalizedApiBase(const std::string& endpoint);

} // namespace lakeside::remote
