// SPDX-License-Identifier: Apache-2.0
#include "connections/connectionstore.h"

#include "connections/keychainsecretstore.h"
#include "logging/logging.h"
#include "remote/lakectlconfig.h"
#include "remote/lakefsbackend.h"

#include <QMetaObject>
#include <QPointer>
#include <QUrl>

namespace lakeside::connections {

namespace {

constexpr auto kGroup = "connections";

std::shared_ptr<spdlog::logger> log() { return logging::get("connections"); }

Error invalid(const QStringList& problems)
{
    return makeError(ErrorKind::InvalidArgument, problems.join(u' ').toStdString());
}

} // namespace

ConnectionStore::ConnectionStore(std::unique_ptr<QSettings> settings, SecretStore* secrets, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_secrets(secrets)
{
    m_secrets->setParent(this);
}

ConnectionStore* ConnectionStore::createDefault(QObject* parent)
{
    return new ConnectionStore(std::make_unique<QSettings>(), new KeychainSecretStore(), parent);
}

ConnectionStore::~ConnectionStore() = default;

QStringList ConnectionStore::names() const
{
    m_settings->beginGroup(QLatin1String(kGroup));
    QStringList n = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(n.begin(), n.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return n;
}

std::optional<LakeFsConnection> ConnectionStore::connection(const QString& name) const
{
    if (name.isEmpty() || !names().contains(name)) return std::nullopt;
    m_settings->beginGroup(QLatin1String(kGroup) + u'/' + name);
    LakeFsConnection c;
    c.name = name;
    c.endpoint = m_settings->value(QStringLiteral("endpoint")).toString();
    c.accessKeyId = m_settings->value(QStringLiteral("accessKeyId")).toString();
    c.skipTlsVerify = m_settings->value(QStringLiteral("skipTlsVerify"), false).toBool();
    m_settings->endGroup();
    return c;
}

void ConnectionStore::writeFields(const LakeFsConnection& c)
{
    m_settings->beginGroup(QLatin1String(kGroup) + u'/' + c.name);
    m_settings->setValue(QStringLiteral("endpoint"), c.endpoint.trimmed());
    m_settings->setValue(QStringLiteral("accessKeyId"), c.accessKeyId.trimmed());
    m_settings->setValue(QStringLiteral("skipTlsVerify"), c.skipTlsVerify);
    m_settings->endGroup();
    m_settings->sync();
}

void ConnectionStore::removeFields(const QString& name)
{
    m_settings->remove(QLatin1String(kGroup) + u'/' + name);
    m_settings->sync();
}

void ConnectionStore::add(const LakeFsConnection& in, const QString& secret, Done done)
{
    LakeFsConnection c = in;
    c.name = c.name.trimmed();
    const QStringList problems = validationProblems(c, names());
    if (!problems.isEmpty()) {
        QMetaObject::invokeMethod(this, [done, e = invalid(problems)] { done(Status(e)); }, Qt::QueuedConnection);
        return;
    }
    // Secret first: a keychain failure must not leave a connection without one.
    QPointer<ConnectionStore> self(this);
    m_secrets->write(c.name, secret, [self, c, done](Status st) {
        if (!self) return;
        if (!st.ok()) {
            log()->warn("could not store the secret of connection '{}': {}", c.name.toStdString(), st.message());
            return done(st);
        }
        self->writeFields(c);
        log()->info("added lakeFS connection '{}' ({}{})", c.name.toStdString(), c.endpoint.toStdString(),
                    c.skipTlsVerify ? ", TLS verification off" : "");
        Q_EMIT self->connectionAdded(c.name);
        Q_EMIT self->connectionsChanged();
        done(Status::Ok());
    });
}

void ConnectionStore::update(const QString& oldName, const LakeFsConnection& in, std::optional<QString> secret,
                             Done done)
{
    LakeFsConnection c = in;
    c.name = c.name.trimmed();
    QStringList others = names();
    if (!others.contains(oldName)) {
        QMetaObject::invokeMethod(this, [done, oldName] {
            done(Status(makeError(ErrorKind::NotFound, "no connection named '" + oldName.toStdString() + "'")));
        }, Qt::QueuedConnection);
        return;
    }
    others.removeAll(oldName);
    const QStringList problems = validationProblems(c, others);
    if (!problems.isEmpty()) {
        QMetaObject::invokeMethod(this, [done, e = invalid(problems)] { done(Status(e)); }, Qt::QueuedConnection);
        return;
    }
    const bool renamed = c.name != oldName;
    QPointer<ConnectionStore> self(this);
    auto finish = [self, c, oldName, renamed, done](Status st) {
        if (!self) return;
        if (!st.ok()) return done(st);
        if (renamed) self->removeFields(oldName);
        self->writeFields(c);
        log()->info("updated lakeFS connection '{}' ({}{})", c.name.toStdString(), c.endpoint.toStdString(),
                    c.skipTlsVerify ? ", TLS verification off" : "");
        if (renamed) self->m_secrets->remove(oldName, [](Status) {});
        Q_EMIT self->connectionUpdated(oldName, c.name);
        Q_EMIT self->connectionsChanged();
        done(Status::Ok());
    };
    if (secret) {
        m_secrets->write(c.name, *secret, finish);
    } else if (renamed) {
        m_secrets->read(oldName, [self, c, finish](Result<QString> old) {
            if (!self) return;
            if (!old.ok()) return finish(old.status());
            self->m_secrets->write(c.name, old.value(), finish);
        });
    } else {
        QMetaObject::invokeMethod(this, [finish] { finish(Status::Ok()); }, Qt::QueuedConnection);
    }
}

void ConnectionStore::remove(const QString& name, Done done)
{
    if (!names().contains(name)) {
        QMetaObject::invokeMethod(this, [done, name] {
            done(Status(makeError(ErrorKind::NotFound, "no connection named '" + name.toStdString() + "'")));
        }, Qt::QueuedConnection);
        return;
    }
    removeFields(name);
    log()->info("removed lakeFS connection '{}'", name.toStdString());
    Q_EMIT connectionRemoved(name);
    Q_EMIT connectionsChanged();
    m_secrets->remove(name, [name, done](Status st) {
        if (!st.ok()) log()->warn("could not delete the secret of '{}': {}", name.toStdString(), st.message());
        done(st);
    });
}

void ConnectionStore::importLakectl(const QString& path, const QString& name, NameDone done)
{
    auto cfg = remote::loadLakectlConfig(path.toStdString());
    if (!cfg.ok()) {
        QMetaObject::invokeMethod(this, [done, e = cfg.error()] { done(e); }, Qt::QueuedConnection);
        return;
    }
    LakeFsConnection c;
    c.endpoint = QString::fromStdString(cfg.value().endpoint);
    c.accessKeyId = QString::fromStdString(cfg.value().access_key_id);
    c.skipTlsVerify = !cfg.value().verify_tls;
    QString base = name.trimmed();
    if (base.isEmpty()) base = QUrl(c.endpoint).host();
    if (base.isEmpty()) base = QStringLiteral("lakectl");
    const QStringList taken = names();
    c.name = base;
    for (int i = 2; taken.contains(c.name, Qt::CaseInsensitive); ++i)
        c.name = base + QStringLiteral(" (%1)").arg(i);
    const QString secret = QString::fromStdString(cfg.value().secret_access_key);
    log()->info("importing lakectl configuration {} as '{}'", path.toStdString(), c.name.toStdString());
    add(c, secret, [done, n = c.name](Status st) {
        if (!st.ok()) return done(st.error());
        done(n);
    });
}

void ConnectionStore::readSecret(const QString& name, SecretStore::ReadDone done)
{
    m_secrets->read(name, std::move(done));
}

void ConnectionStore::makeBackend(const QString& name, BackendDone done)
{
    const auto c = connection(name);
    if (!c) {
        QMetaObject::invokeMethod(this, [done, name] {
            done(makeError(ErrorKind::NotFound, "no connection named '" + name.toStdString() + "'"));
        }, Qt::QueuedConnection);
        return;
    }
    m_secrets->read(name, [c = *c, done](Result<QString> secret) {
        if (!secret.ok()) return done(secret.error());
        std::shared_ptr<Backend> b = std::make_shared<remote::LakeFsBackend>(toConfig(c, secret.value()));
        done(std::move(b));
    });
}

} // namespace lakeside::connections
