// SPDX-License-Identifier: Apache-2.0
// ConnectionStore: add/edit/remove round trips through an INI QSettings in a
// temporary directory with the in-memory SecretStore; the secret never
// reaches the settings file or the logs; lakectl.yaml import; makeBackend.

#include "connections/connectionstore.h"
#include "connections/memorysecretstore.h"
#include "logging/logging.h"
#include "remote/connectiontest.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

using namespace lakeside;
using namespace lakeside::connections;

namespace {

QString g_qtLog;
void captureQt(QtMsgType, const QMessageLogContext&, const QString& msg) { g_qtLog += msg + u'\n'; }

LakeFsConnection conn(const QString& name, const QString& endpoint = QStringLiteral("https://lakefs.example.com"))
{
    return LakeFsConnection{name, endpoint, QStringLiteral("AKIAEXAMPLE"), false};
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestConnectionStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ini;
    MemorySecretStore* m_secrets = nullptr;
    std::unique_ptr<ConnectionStore> m_store;

    Status wait(const std::function<void(ConnectionStore::Done)>& call)
    {
        std::optional<Status> result;
        call([&result](Status s) { result = s; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000)) return makeError(ErrorKind::Internal, "timeout");
        return *result;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_ini = m_dir.filePath(QStringLiteral("lakeside-%1.ini").arg(QTest::currentTestFunction()));
        QFile::remove(m_ini);
        m_secrets = new MemorySecretStore;
        m_store = std::make_unique<ConnectionStore>(std::make_unique<QSettings>(m_ini, QSettings::IniFormat), m_secrets);
    }
    void cleanup() { m_store.reset(); }

    void addEditRemoveRoundTrip()
    {
        QSignalSpy changed(m_store.get(), &ConnectionStore::connectionsChanged);
        QVERIFY(wait([&](auto d) { m_store->add(conn(QStringLiteral("prod")), QStringLiteral("s3cr3t-A"), d); }).ok());
        LakeFsConnection staging = conn(QStringLiteral("staging"), QStringLiteral("http://127.0.0.1:8000"));
        staging.skipTlsVerify = true;
        QVERIFY(wait([&](auto d) { m_store->add(staging, QStringLiteral("s3cr3t-B"), d); }).ok());
        QCOMPARE(changed.count(), 2);

        // A second store over the same file sees the same connections.
        ConnectionStore reread(std::make_unique<QSettings>(m_ini, QSettings::IniFormat), new MemorySecretStore);
        QCOMPARE(reread.names(), (QStringList{QStringLiteral("prod"), QStringLiteral("staging")}));
        QCOMPARE(*reread.connection(QStringLiteral("staging")), staging);
        QCOMPARE(m_secrets->value(QStringLiteral("prod")), QStringLiteral("s3cr3t-A"));

        // Duplicate names are refused.
        const Status dup = wait([&](auto d) { m_store->add(conn(QStringLiteral("PROD")), QStringLiteral("x"), d); });
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, ErrorKind::InvalidArgument);

        // Rename without a new secret: the stored secret moves with it.
        LakeFsConnection renamed = conn(QStringLiteral("production"), QStringLiteral("https://lakefs2.example.com"));
        QVERIFY(wait([&](auto d) { m_store->update(QStringLiteral("prod"), renamed, std::nullopt, d); }).ok());
        QCOMPARE(m_store->names(), (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
        QCOMPARE(m_store->connection(QStringLiteral("production"))->endpoint, renamed.endpoint);
        QTRY_VERIFY(!m_secrets->contains(QStringLiteral("prod")));
        QCOMPARE(m_secrets->value(QStringLiteral("production")), QStringLiteral("s3cr3t-A"));

        // Edit with a new secret.
        QVERIFY(wait([&](auto d) { m_store->update(QStringLiteral("staging"), staging, QStringLiteral("new-B"), d); }).ok());
        QCOMPARE(m_secrets->value(QStringLiteral("staging")), QStringLiteral("new-B"));

        QVERIFY(wait([&](auto d) { m_store->remove(QStringLiteral("staging"), d); }).ok());
        QCOMPARE(m_store->names(), QStringList{QStringLiteral("production")});
        QVERIFY(!m_secrets->contains(QStringLiteral("staging")));
        const Status gone = wait([&](auto d) { m_store->remove(QStringLiteral("staging"), d); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("problem"); // empty = valid
        QTest::addRow("https") << "a" << "https://h.example.com" << "";
        QTest::addRow("http with port") << "a" << "http://127.0.0.1:8000/api/v1" << "";
        QTest::addRow("empty name") << "" << "https://h" << "Enter a name";
        QTest::addRow("blank name") << "   " << "https://h" << "Enter a name";
        QTest::addRow("taken name") << "Existing" << "https://h" << "already exists";
        QTest::addRow("slash in name") << "a/b" << "https://h" << "must not contain";
        QTest::addRow("no endpoint") << "a" << "" << "Enter the endpoint";
        QTest::addRow("ftp") << "a" << "ftp://h" << "http:// or https://";
        QTest::addRow("no scheme") << "a" << "lakefs.example.com" << "http:// or https://";
    }
    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, endpoint);
        QFETCH(QString, problem);
        const QStringList p = validationProblems(conn(name, endpoint), {QStringLiteral("existing")});
        if (problem.isEmpty()) QVERIFY2(p.isEmpty(), qPrintable(p.join(u' ')));
        else QVERIFY2(p.join(u' ').contains(problem), qPrintable(p.join(u' ')));
    }

    void importLakectl()
    {
        const QString yaml = m_dir.filePath(QStringLiteral("lakectl.yaml"));
        writeFile(yaml, "credentials:\n  access_key_id: AKIAIMPORT\n  secret_access_key: imported-secret-xyz\n"
                        "server:\n  endpoint_url: https://lake.example.org/api/v1\n");
        std::optional<Result<QString>> r;
        m_store->importLakectl(yaml, QString(), [&](Result<QString> n) { r = std::move(n); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(r->ok());
        QCOMPARE(r->value(), QStringLiteral("lake.example.org"));
        const auto c = m_store->connection(r->value());
        QVERIFY(c);
        QCOMPARE(c->accessKeyId, QStringLiteral("AKIAIMPORT"));
        QCOMPARE(c->endpoint, QStringLiteral("https://lake.example.org/api/v1"));
        QVERIFY(!c->skipTlsVerify);
        QCOMPARE(m_secrets->value(r->value()), QStringLiteral("imported-secret-xyz"));

        // Importing again picks a fresh name; a missing file says so.
        r.reset();
        m_store->importLakectl(yaml, QString(), [&](Result<QString> n) { r = std::move(n); });
        QTRY_VERIFY(r.has_value());
        QCOMPARE(r->value(), QStringLiteral("lake.example.org (2)"));
        r.reset();
        m_store->importLakectl(m_dir.filePath(QStringLiteral("missing.yaml")), QString(),
                               [&](Result<QString> n) { r = std::move(n); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, ErrorKind::NotFound);
    }

    void makeBackend()
    {
        LakeFsConnection c = conn(QStringLiteral("b"), QStringLiteral("http://127.0.0.1:1"));
        QVERIFY(wait([&](auto d) { m_store->add(c, QStringLiteral("sek"), d); }).ok());
        std::optional<Result<std::shared_ptr<Backend>>> r;
        m_store->makeBackend(QStringLiteral("b"), [&](Result<std::shared_ptr<Backend>> b) { r = std::move(b); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(r->ok());
        QVERIFY(QString::fromStdString(r->value()->describe()).contains(QStringLiteral("127.0.0.1:1")));
        r.reset();
        m_store->makeBackend(QStringLiteral("nope"), [&](Result<std::shared_ptr<Backend>> b) { r = std::move(b); });
        QTRY_VERIFY(r.has_value());
        QCOMPARE(r->error().kind, ErrorKind::NotFound);
    }

    void secretNeverInSettingsOrLogs()
    {
        std::ostringstream spdlogOut;
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(spdlogOut);
        for (const char* name : {"connections", "remote"}) {
            auto l = logging::get(name);
            l->sinks().push_back(sink);
            l->set_level(spdlog::level::trace);
        }
        g_qtLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureQt);

        const QString s1 = QStringLiteral("FIRST-secret-7f3a");
        const QString s2 = QStringLiteral("SECOND-secret-91bc");
        const QString s3 = QStringLiteral("IMPORTED-secret-44de");
        LakeFsConnection c = conn(QStringLiteral("secure"), QStringLiteral("http://127.0.0.1:1"));
        QVERIFY(wait([&](auto d) { m_store->add(c, s1, d); }).ok());
        c.skipTlsVerify = true;
        QVERIFY(wait([&](auto d) { m_store->update(QStringLiteral("secure"), c, s2, d); }).ok());
        const auto report = remote::testConnection(toConfig(c, s2));
        QVERIFY(!report.ok());
        const QString yaml = m_dir.filePath(QStringLiteral("secret-lakectl.yaml"));
        writeFile(yaml, "credentials:\n  access_key_id: AKIAX\n  secret_access_key: " + s3.toUtf8()
                            + "\nserver:\n  endpoint_url: http://127.0.0.1:1\n");
        std::optional<Result<QString>> r;
        m_store->importLakectl(yaml, QStringLiteral("imported"), [&](Result<QString> n) { r = std::move(n); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(r->ok());

        qInstallMessageHandler(previous);
        for (const char* name : {"connections", "remote"}) {
            auto& sinks = logging::get(name)->sinks();
            sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
        }

        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray bytes = ini.readAll();
        QVERIFY(bytes.contains("secure"));   // the file is the right one
        const QString logs = QString::fromStdString(spdlogOut.str()) + g_qtLog;
        QVERIFY(logs.contains(QStringLiteral("secure"))); // and the log was captured
        for (const QString& s : {s1, s2, s3}) {
            QVERIFY2(!bytes.contains(s.toUtf8()), qPrintable(s));
            QVERIFY2(!logs.contains(s), qPrintable(s));
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
