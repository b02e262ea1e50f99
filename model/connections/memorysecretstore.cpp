// SPDX-License-Identifier: Apache-2.0
#include "connections/memorysecretstore.h"

#include <QMetaObject>

namespace lakeside::connections {

MemorySecretStore::MemorySecretStore(QObject* parent) : SecretStore(parent) {}

void MemorySecretStore::read(const QString& key, ReadDone done)
{
    Result<QString> r = m_secrets.contains(key)
        ? Result<QString>(m_secrets.value(key))
        : Result<QString>(makeError(ErrorKind::NotFound, "no secret stored for '" + key.toStdString() + "'"));
    QMetaObject::invokeMethod(this, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); },
                              Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString& key, const QString& secret, Done done)
{
    m_secrets.insert(key, secret);
    QMetaObject::invokeMethod(this, [done = std::move(done)] { done(Status::Ok()); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString& key, Done done)
{
    m_secrets.remove(key);
    QMetaObject::invokeMethod(this, [done = std::move(done)] { done(Status::Ok()); }, Qt::QueuedConnection);
}

} // namespace lakeside::connections
