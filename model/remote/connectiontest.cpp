// SPDX-License-Identifier: Apache-2.0
#include "remote/connectiontest.h"
#include "remote/httpclient.h"
#include "remote/responseerror.h"

#include <nlohmann/json.hpp>

namespace lakeside::remote {

const char* connectionProblemName(ConnectionProblem p)
{
    switch (p) {
    case ConnectionProblem::None: return "none";
    case ConnectionProblem::InvalidEndpoint: return "invalid endpoint";
    case ConnectionProblem::Dns: return "dns";
    case ConnectionProblem::ConnectionRefused: return "connection refused";
    case ConnectionProblem::Timeout: return "timeout";
    case ConnectionProblem::Tls: return "tls";
    case ConnectionProblem::NotLakeFs: return "not lakefs";
    case ConnectionProblem::Credentials: return "credentials";
    case ConnectionProblem::Version: return "version";
    case ConnectionProblem::Other: return "other";
    }
    return "other";
}

namespace {

ConnectionReport fail(ConnectionReport rep, ConnectionProblem p, ConnectionStep step, std::string summary)
{
    step.ok = false;
    rep.steps.push_back(std::move(step));
    rep.problem = p;
    rep.summary = std::move(summary);
    return rep;
}

ConnectionProblem transportProblem(TransportFailure f)
{
    switch (f) {
    case TransportFailure::Dns: return ConnectionProblem::Dns;
    case TransportFailure::ConnectionRefused: return ConnectionProblem::ConnectionRefused;
    case TransportFailure::Timeout: return ConnectionProblem::Timeout;
    case TransportFailure::Tls: return ConnectionProblem::Tls;
    default: return ConnectionProblem::Other;
    }
}

std::string transportSummary(TransportFailure f, const ConnectionConfig& c, const std::string& detail)
{
    switch (f) {
    case TransportFailure::Dns: return "The host name in " + c.endpoint + " cannot be resolved (DNS): " + detail;
    case TransportFailure::ConnectionRefused: return "Connection refused: nothing answers at " + c.endpoint + " (" + detail + ")";
    case TransportFailure::Timeout: return "The server at " + c.endpoint + " did not answer in time (" + detail + ")";
    case TransportFailure::Tls:
        return "The TLS handshake with " + c.endpoint + " failed; check the certificate or the CA bundle (" + detail + ")";
    default: return "Network error talking to " + c.endpoint + ": " + detail;
    }
}

} // namespace

ConnectionReport testConnection(const ConnectionConfig& config)
{
    ConnectionReport rep;
    if (config.endpoint.rfind("http://", 0) != 0 && config.endpoint.rfind("https://", 0) != 0)
        return fail(rep, ConnectionProblem::InvalidEndpoint, {"endpoint", false, config.endpoint},
                    "The endpoint must start with http:// or https:// (got '" + config.endpoint + "')");
    HttpClient http(config);

    HttpRequest health;
    health.path = "/healthcheck";
    health.authenticate = false;
    health.retry = false;
    Exchange ex = http.exchange(health);
    ConnectionStep step{"health check", false, ""};
    if (ex.failure != TransportFailure::None)
        return fail(rep, transportProblem(ex.failure), {step.name, false, ex.detail}, transportSummary(ex.failure, config, ex.detail));
    if (ex.response.status != 204 && ex.response.status != 200)
        return fail(rep, ConnectionProblem::NotLakeFs, {step.name, false, "HTTP " + std::to_string(ex.response.status)},
                    "The server at " + config.endpoint + " answered " + std::to_string(ex.response.status)
                        + " to /api/v1/healthcheck: it does not look like lakeFS");
    rep.steps.push_back({step.name, true, "server is up"});

    HttpRequest version;
    version.path = "/config/version";
    version.retry = false;
    ex = http.exchange(version);
    if (ex.failure != TransportFailure::None)
        return fail(rep, transportProblem(ex.failure), {"server version", false, ex.detail}, transportSummary(ex.failure, config, ex.detail));
    if (ex.response.status == 401)
        return fail(rep, ConnectionProblem::Credentials, {"credentials", false, serverMessage(ex.response.body)},
                    "The server rejected the access key id or secret (401)");
    const auto vj = nlohmann::json::parse(ex.response.body, nullptr, false);
    if (ex.response.status != 200 || vj.is_discarded() || !vj.is_object())
        return fail(rep, ConnectionProblem::Version, {"server version", false, "HTTP " + std::to_string(ex.response.status)},
                    "The server did not report a lakeFS version (/config/version answered "
                        + std::to_string(ex.response.status) + ")");
    rep.serverVersion = vj.value("version", std::string());
    rep.steps.push_back({"server version", true, rep.serverVersion.empty() ? "unknown version" : "lakeFS " + rep.serverVersion});

    HttpRequest user;
    user.path = "/user";
    user.retry = false;
    ex = http.exchange(user);
    if (ex.failure != TransportFailure::None)
        return fail(rep, transportProblem(ex.failure), {"credentials", false, ex.detail}, transportSummary(ex.failure, config, ex.detail));
    if (ex.response.status == 401)
        return fail(rep, ConnectionProblem::Credentials, {"credentials", false, serverMessage(ex.response.body)},
                    "The server rejected the access key id or secret (401)");
    const auto uj = nlohmann::json::parse(ex.response.body, nullptr, false);
    if (ex.response.status != 200 || uj.is_discarded() || !uj.is_object() || !uj.contains("user"))
        return fail(rep, ConnectionProblem::Other, {"credentials", false, "HTTP " + std::to_string(ex.response.status)},
                    "The server did not say who these credentials belong to (/user answered "
                        + std::to_string(ex.response.status) + ")");
    rep.userId = uj["user"].value("id", std::string());
    rep.steps.push_back({"credentials", true, "signed in as " + rep.userId});
    rep.summary = "Connected to lakeFS " + rep.serverVersion + " at " + config.endpoint + " as " + rep.userId;
    return rep;
}

} // namespace lakeside::remote
