// SPDX-License-Identifier: Apache-2.0
// openSavedConnection: what `lakeside-cli --remote NAME` uses to reach a
// connection saved in the desktop app. A real lakeFS-compatible server over a
// LocalBackend stands behind the saved endpoint; the secret comes from the
// secret store (in memory here: CI has no keychain), never from a file.
#include "connections/connectionstore.h"
#include "connections/memorysecretstore.h"
#include "connections/savedconnection.h"
#include "local/localbackend.h"
#include "remote/server.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lakeside;
using namespace lakeside::connections;

namespace {

// A secret store whose keychain is locked: every read fails.
class LockedSecretStore : public SecretStore {
public:
    void read(const QString&, ReadDone done) override
    {
        QMetaObject::invokeMethod(this, [done] { done(makeError(ErrorKind::Forbidden, "the keychain is locked")); },
                                  Qt::QueuedConnection);
    }
    void write(const QString&, const QString&, Done done) override { done(Status::Ok()); }
    void remove(const QString&, Done done) override { done(Status::Ok()); }
};

} // namespace

class TestSavedConnection : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalBackend> m_local;
    std::unique_ptr<remote::LakeFsServer> m_server;

    static Status wait(ConnectionStore& store, const LakeFsConnection& c, const QString& secret)
    {
        std::optional<Status> result;
        store.add(c, secret, [&result](Status s) { result = s; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000)) return makeError(ErrorKind::Internal, "timeout");
        return *result;
    }

    LakeFsConnection saved(const QString& name) const
    {
        LakeFsConnection c;
        c.name = name;
        c.endpoint = QString::fromStdString(m_server->baseUrl()) + QStringLiteral("/api/v1");
        c.accessKeyId = QStringLiteral("AKIDSAVED");
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto local = LocalBackend::open(QString(m_dir.path() + QStringLiteral("/ws")).toStdString(), "tester");
        QVERIFY(local.ok());
        m_local = std::move(local).value();
        RepositoryCreation rc;
        rc.name = "sales";
        QVERIFY(m_local->createRepository(rc).ok());
        remote::ServerOptions o;
        o.port = 0;
        o.access_key_id = "AKIDSAVED";
        o.secret_access_key = "saved-secret";
        m_server = std::make_unique<remote::LakeFsServer>(*m_local, o);
        const Status started = m_server->start();
        QVERIFY2(started.ok(), started.message().c_str());
    }

    void opensTheSavedServerWithTheStoredSecret()
    {
        ConnectionStore store(std::make_unique<QSettings>(m_dir.path() + QStringLiteral("/a.ini"), QSettings::IniFormat),
                              new MemorySecretStore);
        QVERIFY(wait(store, saved(QStringLiteral("prod")), QStringLiteral("saved-secret")).ok());
        auto backend = openSavedConnection(store, QStringLiteral("prod"));
        QVERIFY2(backend.ok(), backend.ok() ? "" : backend.error().message.c_str());
        auto repos = (*backend)->listRepositories({});
        QVERIFY2(repos.ok(), repos.ok() ? "" : repos.error().message.c_str());
        QCOMPARE(repos->results.size(), size_t(1));
        QCOMPARE(repos->results.front().id, std::string("sales"));
    }

    void aWrongStoredSecretIsRefusedByTheServer()
    {
        ConnectionStore store(std::make_unique<QSettings>(m_dir.path() + QStringLiteral("/b.ini"), QSettings::IniFormat),
                              new MemorySecretStore);
        QVERIFY(wait(store, saved(QStringLiteral("stale")), QStringLiteral("old-secret")).ok());
        auto backend = openSavedConnection(store, QStringLiteral("stale"));
        QVERIFY(backend.ok()); // opening makes no request
        QCOMPARE((*backend)->listRepositories({}).error().kind, ErrorKind::Unauthorized);
    }

    void unknownNameIsNotFound()
    {
        ConnectionStore store(std::make_unique<QSettings>(m_dir.path() + QStringLiteral("/c.ini"), QSettings::IniFormat),
                              new MemorySecretStore);
        auto backend = openSavedConnection(store, QStringLiteral("nowhere"));
        QVERIFY(!backend.ok());
        QCOMPARE(backend.error().kind, ErrorKind::NotFound);
        QVERIFY(backend.error().message.find("'nowhere'") != std::string::npos);
    }

    void aLockedKeychainSaysSo()
    {
        ConnectionStore writer(std::make_unique<QSettings>(m_dir.path() + QStringLiteral("/d.ini"), QSettings::IniFormat),
                               new MemorySecretStore);
        QVERIFY(wait(writer, saved(QStringLiteral("prod")), QStringLiteral("saved-secret")).ok());
        ConnectionStore locked(std::make_unique<QSettings>(m_dir.path() + QStringLiteral("/d.ini"), QSettings::IniFormat),
                               new LockedSecretStore);
        auto backend = openSavedConnection(locked, QStringLiteral("prod"));
        QVERIFY(!backend.ok());
        QCOMPARE(backend.error().kind, ErrorKind::Forbidden);
        QVERIFY2(backend.error().message.find("connection 'prod': cannot read its secret from the keychain") !=
                     std::string::npos,
                 backend.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSavedConnection)
#include "tst_savedconnection.moc"
