// SPDX-License-Identifier: Apache-2.0
#pragma once
// The saved lakeFS connections: add, edit, remove, import from lakectl, and
// turn one into a Backend.
//
// Storage: the plain fields in QSettings, group "connections/<name>"
// (endpoint, accessKeyId, skipTlsVerify); the secret access key only in the
// SecretStore under key "<name>" (the system keychain in the app). The
// secret is never written to the settings and never logged.
//
// Every mutating call completes through its callback, from the event loop
// (the SecretStore may prompt). List changes emit connectionsChanged() after
// the settings are written, so a sidebar can simply re-read names().
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "api/status.h"
#include "connections/lakefsconnection.h"
#include "connections/secretstore.h"

#include <QObject>
#include <QSettings>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace lakeside::connections {

class ConnectionStore : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Status)>;
    using NameDone = std::function<void(Result<QString>)>;
    using BackendDone = std::function<void(Result<std::shared_ptr<Backend>>)>;

    // Takes ownership of both; `secrets` is reparented to the store.
    ConnectionStore(std::unique_ptr<QSettings> settings, SecretStore* secrets, QObject* parent = nullptr);
    // The application's store: default QSettings() and the system keychain
    // (service "lakeside").
    static ConnectionStore* createDefault(QObject* parent);
    ~ConnectionStore() override;

    // Sorted case-insensitively.
    QStringList names() const;
    std::optional<LakeFsConnection> connection(const QString& name) const;
    SecretStore& secrets() const { return *m_secrets; }

    // Validates (validationProblems) then stores the secret, then the fields.
    void add(const LakeFsConnection& c, const QString& secret, Done done);
    // Replaces `oldName` by `c` (which may rename it). `secret` nullopt keeps
    // the stored one (moved to the new key on rename).
    void update(const QString& oldName, const LakeFsConnection& c, std::optional<QString> secret, Done done);
    // Removes the fields and the secret. NotFound for an unknown name.
    void remove(const QString& name, Done done);

    // Reads a lakectl YAML (remote::loadLakectlConfig) and adds it as a new
    // connection, named `name` or, when empty, after the endpoint's host
    // (made unique with " (2)", " (3)", ...). Completes with the name used.
    void importLakectl(const QString& path, const QString& name, NameDone done);

    void readSecret(const QString& name, SecretStore::ReadDone done);
    // A LakeFsBackend for the saved connection once its secret is read. No
    // network traffic happens here.
    void makeBackend(const QString& name, BackendDone done);

Q_SIGNALS:
    void connectionsChanged();
    void connectionAdded(const QString& name);
    void connectionUpdated(const QString& oldName, const QString& newName);
    void connectionRemoved(const QString& name);

private:
    void writeFields(const LakeFsConnection& c);
    void removeFields(const QString& name);

    std::unique_ptr<QSettings> m_settings;
    SecretStore* m_secrets;
};

} // namespace lakeside::connections
