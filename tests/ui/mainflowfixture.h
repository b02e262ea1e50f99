// SPDX-License-Identifier: Apache-2.0
#pragma once
// One backend for the main-flows GUI test, by row name:
// - "embedded": a LocalBackend in a temporary workspace wrapped in a
//   ReviewBackend (when built), as the app opens it;
// - "served": a LakeFsServer on 127.0.0.1:0 over that same stack, and a
//   LakeFsBackend (the lakeFS REST client) talking to it, as a lakeFS
//   connection does.
// Both hold the demo data products (fixed dates), written straight into the
// LocalBackend so the served row does not spend its time uploading.

#include "api/backend.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lakeside::remote {
class LakeFsServer;
}

class MainFlowFixture {
public:
    explicit MainFlowFixture(const QString& kind);
    ~MainFlowFixture();

    // The backend the GUI uses; null when set-up failed (see error()).
    std::shared_ptr<lakeside::Backend> gui() const { return m_gui; }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<lakeside::Backend> m_local;
    std::unique_ptr<lakeside::remote::LakeFsServer> m_server;
    std::shared_ptr<lakeside::Backend> m_gui;
    QString m_error;
};
