// SPDX-License-Identifier: Apache-2.0
#pragma once
// "Test connection": checks a ConnectionConfig step by step and says plainly
// what failed. Blocking (a few requests with the configured timeouts, no
// retries), so call it from a job.

#include "remote/connectionconfig.h"

#include <string>
#include <vector>

namespace lakeside::remote {

enum class ConnectionProblem {
    None,
    InvalidEndpoint,    // not an http(s) URL
    Dns,                // host name does not resolve
    ConnectionRefused,  // nothing listens there, or unreachable
    Timeout,
    Tls,                // handshake or certificate verification
    NotLakeFs,          // answers, but not like lakeFS (/healthcheck)
    Credentials,        // 401 on /config/version or /user
    Version,            // /config/version unusable
    Other,
};
const char* connectionProblemName(ConnectionProblem p);

struct ConnectionStep {
    std::string name;   // "health check", "server version", "credentials"
    bool ok = false;
    std::string detail; // what was found or what went wrong
};

struct ConnectionReport {
    ConnectionProblem problem = ConnectionProblem::None;
    std::vector<ConnectionStep> steps;
    std::string serverVersion;
    std::string userId;
    std::string summary; // one sentence for the dialog
    bool ok() const { return problem == ConnectionProblem::None; }
};

// GET /healthcheck (no auth), GET /config/version, GET /user; stops at the first failure.
ConnectionReport testConnection(const ConnectionConfig& config);

} // namespace lakeside::remote
