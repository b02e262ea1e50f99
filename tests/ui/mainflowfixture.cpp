// SPDX-License-Identifier: Apache-2.0
#include "mainflowfixture.h"

#include "demo/demo.h"
#include "local/localbackend.h"
#include "remote/lakefsbackend.h"
#include "remote/server.h"
#ifdef LAKESIDE_HAVE_REVIEW
#include "review/reviewbackend.h"
#endif

using namespace lakeside;

MainFlowFixture::MainFlowFixture(const QString& kind)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    auto opened = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
    if (!opened.ok()) {
        m_error = QString::fromStdString(opened.error().message);
        return;
    }
    m_local = std::shared_ptr<Backend>(std::move(opened.value()));
#ifdef LAKESIDE_HAVE_REVIEW
    // As the app (WorkspaceLoader) and `lakeside-cli serve` open a workspace.
    auto reviewed = ReviewBackend::open(m_local, m_dir.filePath(QStringLiteral("ws")).toStdString());
    if (!reviewed.ok()) {
        m_error = QString::fromStdString(reviewed.error().message);
        return;
    }
    m_local = std::shared_ptr<Backend>(std::move(reviewed.value()));
#endif
    DemoOptions demo;
    demo.now = 1711929600; // 2024-04-01: the same history every run
    const Status st = createDemoData(*m_local, demo);
    if (!st.ok()) {
        m_error = QString::fromStdString(st.message());
        return;
    }
    if (kind == QLatin1String("embedded")) {
        m_gui = m_local;
        return;
    }
    remote::ServerOptions options;
    options.port = 0;
    options.access_key_id = "AKIAMAINFLOWS";
    options.secret_access_key = "main-flows-secret";
    m_server = std::make_unique<remote::LakeFsServer>(*m_local, options);
    const Status started = m_server->start();
    if (!started.ok()) {
        m_error = QString::fromStdString(started.message());
        return;
    }
    remote::ConnectionConfig config;
    config.name = "served";
    config.endpoint = m_server->baseUrl();
    config.access_key_id = options.access_key_id;
    config.secret_access_key = options.secret_access_key;
    config.state_dir = m_dir.filePath(QStringLiteral("client-state")).toStdString();
    m_gui = std::make_shared<remote::LakeFsBackend>(config);
}

MainFlowFixture::~MainFlowFixture()
{
    m_gui.reset();
    if (m_server) m_server->stop();
}
