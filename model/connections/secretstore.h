// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where connection secrets live. Behind an interface so the real store (the
// system keychain through QtKeychain) can be swapped for an in-memory one in
// tests and on machines without a secret service.
//
// Contract: every call completes by invoking `done` exactly once, on the
// calling thread, from its event loop (never inside the call itself), so
// keychain prompts never block the UI. Implementations never log secret values.
// Thread safety: use from one thread (the GUI thread).

#include "api/status.h"

#include <QObject>
#include <QString>

#include <functional>

namespace lakeside::connections {

class SecretStore : public QObject {
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QString>)>; // NotFound when absent
    using Done = std::function<void(Status)>;

    explicit SecretStore(QObject* parent = nullptr) : QObject(parent) {}
    ~SecretStore() override = default;

    virtual void read(const QString& key, ReadDone done) = 0;
    virtual void write(const QString& key, const QString& secret, Done done) = 0;
    // Deleting an absent key succeeds.
    virtual void remove(const QString& key, Done done) = 0;
};

} // namespace lakeside::connections
