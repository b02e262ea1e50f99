// SPDX-License-Identifier: Apache-2.0
#include "connections/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace lakeside::connections {

namespace {

Error keychainError(const QKeychain::Job& job, const QString& key)
{
    const ErrorKind kind = job.error() == QKeychain::EntryNotFound ? ErrorKind::NotFound : ErrorKind::Unavailable;
    // errorString() describes the keychain failure, never the secret.
    return makeError(kind, "keychain entry '" + key.toStdString() + "': " + job.errorString().toStdString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent), m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString& key, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) return done(keychainError(*j, key));
        done(static_cast<QKeychain::ReadPasswordJob*>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QString& secret, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) return done(Status(keychainError(*j, key)));
        done(Status::Ok());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            return done(Status(keychainError(*j, key)));
        done(Status::Ok());
    });
    job->start();
}

} // namespace lakeside::connections
