// SPDX-License-Identifier: Apache-2.0
#include "reviewfixture.h"

#include "../review/reviewworkspace.h"
#include "remote/lakefsbackend.h"
#include "remote/server.h"

using namespace lakeside;

namespace {
const char* kKey = "AKIAIOSFODNN7EXAMPLE";
const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
} // namespace

ReviewFixture::ReviewFixture() = default;

ReviewFixture::~ReviewFixture()
{
    m_backend.reset();
    if (m_server) m_server->stop();
}

bool ReviewFixture::open(const QString& kind)
{
    const std::string ws = m_dir.filePath(QStringLiteral("ws")).toStdString();
    auto review = testutil::openReviewWorkspace(ws);
    if (!review.ok()) {
        m_error = QString::fromStdString(review.error().message);
        return false;
    }
    m_engine = std::move(*review);
    if (kind == QLatin1String("embedded")) {
        m_backend = m_engine;
        return true;
    }
    remote::ServerOptions o;
    o.port = 0;
    o.access_key_id = kKey;
    o.secret_access_key = kSecret;
    m_server = std::make_unique<remote::LakeFsServer>(*m_engine, o);
    if (Status st = m_server->start(); !st.ok()) {
        m_error = QString::fromStdString(st.message());
        return false;
    }
    remote::ConnectionConfig c;
    c.name = "in-process serve";
    c.endpoint = m_server->baseUrl() + "/api/v1";
    c.access_key_id = kKey;
    c.secret_access_key = kSecret;
    c.state_dir = m_dir.filePath(QStringLiteral("client-state")).toStdString();
    m_backend = std::make_shared<remote::LakeFsBackend>(c);
    if (Status st = m_backend->healthcheck(); !st.ok()) {
        m_error = QString::fromStdString(st.message());
        return false;
    }
    return true;
}
