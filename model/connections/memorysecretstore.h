// SPDX-License-Identifier: Apache-2.0
#pragma once
// SecretStore in process memory: for tests and CI (no secret service).
// Completes asynchronously like the keychain, from the event loop.

#include "connections/secretstore.h"

#include <QHash>

namespace lakeside::connections {

class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject* parent = nullptr);

    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QString& secret, Done done) override;
    void remove(const QString& key, Done done) override;

    // Synchronous peek for tests.
    bool contains(const QString& key) const { return m_secrets.contains(key); }
    QString value(const QString& key) const { return m_secrets.value(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace lakeside::connections
