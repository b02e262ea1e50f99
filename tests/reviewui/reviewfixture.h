// SPDX-License-Identifier: Apache-2.0
#pragma once
// The two backends the review UI suites run on:
// - "embedded": ReviewBackend over LocalBackend in a temporary workspace, as
//   WorkspaceLoader opens it for the GUI;
// - "served":   LakeFsBackend -> LakeFsServer (in process, 127.0.0.1:0) ->
//   ReviewBackend -> LocalBackend, as a lakeFS connection to `lakeside-cli
//   serve` would be. Reviews and required approvals then live client-side.

#include "api/backend.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lakeside::remote {
class LakeFsServer;
}

class ReviewFixture {
public:
    ReviewFixture();
    ~ReviewFixture();

    // Opens the named backend ("embedded" or "served"); error() says why not.
    bool open(const QString& kind);
    const QString& error() const { return m_error; }
    // What the widgets use.
    std::shared_ptr<lakeside::Backend> backend() const { return m_backend; }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<lakeside::Backend> m_engine; // ReviewBackend over LocalBackend
    std::unique_ptr<lakeside::remote::LakeFsServer> m_server;
    std::shared_ptr<lakeside::Backend> m_backend;
    QString m_error;
};
