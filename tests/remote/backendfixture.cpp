// SPDX-License-Identifier: Apache-2.0
#include "backendfixture.h"

#include "local/localbackend.h"
#include "review/reviewbackend.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace lakeside;
using namespace lakeside::remote;

namespace {

// A port that was free a moment ago (the proxy binds it right after).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

} // namespace

BackendFixture::~BackendFixture()
{
    m_remote.reset();
    if (m_proxyPid > 0) ::kill(static_cast<pid_t>(m_proxyPid), SIGTERM);
    if (m_server) m_server->stop();
}

namespace {
// The embedded workspace as the app, the CLI and `serve` open it.
Result<std::unique_ptr<Backend>> openWorkspace(const QString& dir, const std::string& user)
{
    auto local = LocalBackend::open(dir.toStdString(), user);
    if (!local.ok()) return local.error();
    auto reviewed = ReviewBackend::open(std::shared_ptr<Backend>(std::move(local).value()), dir.toStdString());
    if (!reviewed.ok()) return reviewed.error();
    return std::unique_ptr<Backend>(std::move(reviewed).value());
}
} // namespace

Backend* BackendFixture::local()
{
    if (m_local) return m_local.get();
    auto b = openWorkspace(m_localDir.path(), "tester");
    if (!b.ok()) {
        m_error = QString::fromStdString(b.error().message);
        return nullptr;
    }
    m_local = std::move(b).value();
    return m_local.get();
}

bool BackendFixture::startProxy(const std::string& upstream)
{
    const QString source = qEnvironmentVariable("LAKESIDE_SOURCE_DIR");
    if (source.isEmpty()) {
        m_skip = QStringLiteral("LAKESIDE_SOURCE_DIR is not set (run through ctest) so ../shared cannot be found");
        return false;
    }
    const QString script = QDir(source).absoluteFilePath(QStringLiteral("../shared/lakefs-api/conformance-proxy"));
    if (!QFileInfo::exists(script)) {
        m_skip = QStringLiteral("no conformance proxy at ") + script + QStringLiteral(" (shared/ is absent)");
        return false;
    }
    const int port = freePort();
    QProcess proc;
    proc.start(QStringLiteral("bash"), {script, QString::fromStdString(upstream), QString::number(port)});
    // The script installs Prism on first use and returns once the proxy answers.
    if (!proc.waitForFinished(240000)) {
        proc.kill();
        m_error = QStringLiteral("conformance proxy did not start within 240 s");
        return false;
    }
    const QString out = QString::fromUtf8(proc.readAllStandardOutput());
    if (proc.exitCode() == 3) {
        m_skip = QStringLiteral("node/npm or @stoplight/prism-cli unavailable: ") + QString::fromUtf8(proc.readAllStandardError()).trimmed();
        return false;
    }
    const QStringList words = out.trimmed().split(QLatin1Char(' '));
    if (proc.exitCode() != 0 || words.size() < 3 || words[0] != QLatin1String("ready")) {
        m_error = QStringLiteral("conformance proxy failed: ") + out + QString::fromUtf8(proc.readAllStandardError());
        return false;
    }
    m_proxyPid = words[2].toLongLong();
    ConnectionConfig c;
    c.name = "conformance proxy";
    c.endpoint = "http://127.0.0.1:" + std::to_string(port) + "/api/v1";
    c.access_key_id = "AKIAIOSFODNN7EXAMPLE";
    c.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    c.state_dir = m_stateDir.path().toStdString();
    c.multipart_threshold = 64 * 1024; // exercise the multipart form through the proxy too
    m_remote = std::make_unique<LakeFsBackend>(c);
    // Readiness: the health check must pass through the proxy (bounded polling).
    for (int i = 0; i < 50; ++i)
        if (m_remote->healthcheck().ok()) return true;
    m_error = QStringLiteral("conformance proxy does not forward /healthcheck");
    return false;
}

Backend* BackendFixture::lakefs()
{
    if (m_remote || m_triedRemote) return m_remote.get();
    m_triedRemote = true;
    auto b = openWorkspace(m_serverDir.path(), "AKIAIOSFODNN7EXAMPLE");
    if (!b.ok()) {
        m_error = QString::fromStdString(b.error().message);
        return nullptr;
    }
    m_served = std::move(b).value();
    ServerOptions o;
    o.port = 0;
    o.access_key_id = "AKIAIOSFODNN7EXAMPLE";
    o.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    m_server = std::make_unique<LakeFsServer>(*m_served, o);
    if (Status s = m_server->start(); !s.ok()) {
        m_error = QString::fromStdString(s.message());
        return nullptr;
    }
    if (!startProxy(m_server->baseUrl())) return nullptr;
    return m_remote.get();
}
