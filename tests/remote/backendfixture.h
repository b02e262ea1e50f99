// SPDX-License-Identifier: Apache-2.0
#pragma once
// Backends for the acceptance suite, so one test body runs against each:
// - "local": the embedded workspace as the app and the CLI open it,
//   ReviewBackend over LocalBackend in a temporary directory;
// - "lakefs": LakeFsBackend -> lakeFS's conformance proxy (every request and
//   response validated against swagger.yml) -> LakeFsServer -> the same
//   ReviewBackend stack, as `lakeside-cli serve` runs it, so pulls, actions
//   and protection routes are exercised on the wire too.
// The proxy needs node and npm (../shared/lakefs-api/conformance-proxy);
// when they or shared/ are missing the "lakefs" rows skip with the reason.

#include "api/backend.h"
#include "remote/lakefsbackend.h"
#include "remote/server.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

class BackendFixture {
public:
    ~BackendFixture();

    // Each returns nullptr and sets skipReason()/error() when unavailable.
    lakeside::Backend* local();
    lakeside::Backend* lakefs();
    lakeside::Backend* byName(const QString& name) { return name == QLatin1String("local") ? local() : lakefs(); }

    const QString& skipReason() const { return m_skip; }
    const QString& error() const { return m_error; }

    // Proxy violations seen in failed answers ("validation" arrays), for reports.
    static std::string describeViolation(const lakeside::Error& e) { return e.message; }

private:
    bool startProxy(const std::string& upstream);

    QTemporaryDir m_localDir, m_serverDir, m_stateDir;
    std::unique_ptr<lakeside::Backend> m_local;
    std::unique_ptr<lakeside::Backend> m_served; // what the server serves
    std::unique_ptr<lakeside::remote::LakeFsServer> m_server;
    std::unique_ptr<lakeside::remote::LakeFsBackend> m_remote;
    long long m_proxyPid = 0;
    bool m_triedRemote = false;
    QString m_skip, m_error;
};
