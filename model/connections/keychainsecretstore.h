// SPDX-License-Identifier: Apache-2.0
#pragma once
// SecretStore in the system keychain (Secret Service / KWallet, macOS
// Keychain, Windows Credential Store) through QtKeychain. Service name
// "lakeside", key = connection name. QtKeychain's own plaintext fallback is
// disabled: without a keychain, writes fail instead of landing in a file.

#include "connections/secretstore.h"

namespace lakeside::connections {

class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("lakeside"), QObject* parent = nullptr);

    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QString& secret, Done done) override;
    void remove(const QString& key, Done done) override;

private:
    QString m_service;
};

} // namespace lakeside::connections
