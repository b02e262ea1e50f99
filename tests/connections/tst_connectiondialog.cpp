// SPDX-License-Identifier: Apache-2.0
// ConnectionDialog: live validation with OK disabled, the skip-TLS warning,
// saving through the store, lakectl import, and "Test connection" against
// the real lakeFS-compatible server over a LocalBackend (wrong secret,
// right secret, nothing listening).

#include "connections/connectiondialog.h"
#include "connections/connectionsmanagerdialog.h"
#include "connections/memorysecretstore.h"
#include "local/localbackend.h"
#include "remote/server.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace lakeside::connections;
using lakeside::ui::ConnectionDialog;

class TestConnectionDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalBackend> m_backend;
    std::unique_ptr<remote::LakeFsServer> m_server;
    MemorySecretStore* m_secrets = nullptr;
    std::unique_ptr<ConnectionStore> m_store;
    int m_unusedPort = 0;

    template <class T> static T* child(ConnectionDialog& d, const char* name)
    {
        auto* w = d.findChild<T*>(QString::fromLatin1(name));
        if (!w) qFatal("missing child %s", name);
        return w;
    }
    static QPushButton* okButton(ConnectionDialog& d)
    {
        return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    static void fill(ConnectionDialog& d, const QString& name, const QString& endpoint, const QString& key,
                     const QString& secret)
    {
        for (const char* n : {"nameEdit", "endpointEdit", "accessKeyEdit", "secretEdit"})
            child<QLineEdit>(d, n)->clear();
        QTest::keyClicks(child<QLineEdit>(d, "nameEdit"), name);
        QTest::keyClicks(child<QLineEdit>(d, "endpointEdit"), endpoint);
        QTest::keyClicks(child<QLineEdit>(d, "accessKeyEdit"), key);
        QTest::keyClicks(child<QLineEdit>(d, "secretEdit"), secret);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto b = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        m_backend = std::move(b.value());
        remote::ServerOptions o;
        o.port = 0;
        o.access_key_id = "AKIATESTER";
        o.secret_access_key = "right-secret";
        m_server = std::make_unique<remote::LakeFsServer>(*m_backend, o);
        QVERIFY(m_server->start().ok());
        // A port that was just free: bind a second server, then stop it.
        remote::LakeFsServer probe(*m_backend, o);
        QVERIFY(probe.start().ok());
        m_unusedPort = probe.port();
        probe.stop();
    }
    void init()
    {
        m_secrets = new MemorySecretStore;
        const QString ini = m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentTestFunction()));
        QFile::remove(ini);
        m_store = std::make_unique<ConnectionStore>(std::make_unique<QSettings>(ini, QSettings::IniFormat), m_secrets);
    }
    void cleanupTestCase() { m_server->stop(); }

    void liveValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("reason"); // empty: OK enabled
        QTest::addRow("valid") << "new" << "https://lakefs.example.com" << "";
        QTest::addRow("empty name") << "" << "https://lakefs.example.com" << "Enter a name";
        QTest::addRow("duplicate name") << "taken" << "https://lakefs.example.com" << "already exists";
        QTest::addRow("ftp url") << "new" << "ftp://lakefs.example.com" << "http:// or https://";
        QTest::addRow("no url") << "new" << "" << "Enter the endpoint";
    }
    void liveValidation()
    {
        QFETCH(QString, name);
        QFETCH(QString, endpoint);
        QFETCH(QString, reason);
        bool added = false;
        m_store->add({QStringLiteral("taken"), QStringLiteral("https://x.example.com"), {}, false}, QStringLiteral("s"),
                     [&](Status s) { added = s.ok(); });
        QTRY_VERIFY(added);
        ConnectionDialog d(m_store.get());
        d.show();
        QVERIFY(!okButton(d)->isEnabled()); // empty form
        fill(d, name, endpoint, QStringLiteral("AKIA"), QStringLiteral("sec"));
        auto* problems = child<QLabel>(d, "problemsLabel");
        if (reason.isEmpty()) {
            QVERIFY(okButton(d)->isEnabled());
            QVERIFY(problems->isHidden());
        } else {
            QVERIFY(!okButton(d)->isEnabled());
            QVERIFY(problems->isVisible());
            QVERIFY2(problems->text().contains(reason), qPrintable(problems->text()));
        }
    }

    void tlsWarningFollowsCheckbox()
    {
        ConnectionDialog d(m_store.get());
        d.show();
        auto* warning = child<QLabel>(d, "tlsWarning");
        auto* check = child<QCheckBox>(d, "skipTlsCheck");
        QVERIFY(!check->isChecked());
        QVERIFY(!warning->isVisible());
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(4, check->height() / 2));
        QVERIFY(check->isChecked());
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("Warning")));
        QVERIFY(d.connectionValue().skipTlsVerify);
        check->setChecked(false);
        QVERIFY(!warning->isVisible());
    }

    void okSavesIntoStore()
    {
        ConnectionDialog d(m_store.get());
        d.show();
        fill(d, QStringLiteral("saved"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("AKIAS"),
             QStringLiteral("the-secret"));
        QSignalSpy finished(&d, &QDialog::accepted);
        QTest::mouseClick(okButton(d), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(d.savedName(), QStringLiteral("saved"));
        QCOMPARE(m_store->connection(QStringLiteral("saved"))->accessKeyId, QStringLiteral("AKIAS"));
        QCOMPARE(m_secrets->value(QStringLiteral("saved")), QStringLiteral("the-secret"));

        // Editing keeps the secret when the field stays empty.
        ConnectionDialog edit(m_store.get(), QStringLiteral("saved"));
        edit.show();
        QCOMPARE(child<QLineEdit>(edit, "endpointEdit")->text(), QStringLiteral("http://127.0.0.1:9"));
        QVERIFY(child<QLineEdit>(edit, "secretEdit")->text().isEmpty());
        QVERIFY(okButton(edit)->isEnabled()); // its own name is not a duplicate
        QSignalSpy editDone(&edit, &QDialog::accepted);
        QTest::mouseClick(okButton(edit), Qt::LeftButton);
        QVERIFY(editDone.count() == 1 || editDone.wait(5000));
        QCOMPARE(m_secrets->value(QStringLiteral("saved")), QStringLiteral("the-secret"));
    }

    void importFillsForm()
    {
        const QString yaml = m_dir.filePath(QStringLiteral("lakectl.yaml"));
        QFile f(yaml);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("credentials:\n  access_key_id: AKIAYAML\n  secret_access_key: yaml-secret\n"
                "server:\n  endpoint_url: https://yaml.example.com\n");
        f.close();
        ConnectionDialog d(m_store.get());
        QVERIFY(d.importFrom(yaml));
        QCOMPARE(child<QLineEdit>(d, "nameEdit")->text(), QStringLiteral("yaml.example.com"));
        QCOMPARE(child<QLineEdit>(d, "endpointEdit")->text(), QStringLiteral("https://yaml.example.com"));
        QCOMPARE(child<QLineEdit>(d, "accessKeyEdit")->text(), QStringLiteral("AKIAYAML"));
        QCOMPARE(child<QLineEdit>(d, "secretEdit")->text(), QStringLiteral("yaml-secret"));
        QVERIFY(!d.importFrom(m_dir.filePath(QStringLiteral("absent.yaml"))));
        QVERIFY(child<QLabel>(d, "testResult")->text().contains(QStringLiteral("Could not import")));
    }

    void managerListFollowsStore()
    {
        ui::ConnectionsManagerDialog m(m_store.get());
        m.show();
        auto* list = m.findChild<QListWidget*>(QStringLiteral("connectionList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 0);
        QVERIFY(!m.findChild<QPushButton*>(QStringLiteral("removeButton"))->isEnabled());
        int added = 0;
        for (const char* n : {"beta", "Alpha"})
            m_store->add({QString::fromLatin1(n), QStringLiteral("https://x.example.com"), {}, false},
                         QStringLiteral("s"), [&](Status s) { added += s.ok(); });
        QTRY_COMPARE(added, 2);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Alpha"));
        m.selectName(QStringLiteral("beta"));
        QVERIFY(m.findChild<QPushButton*>(QStringLiteral("removeButton"))->isEnabled());
        m.removeConnection(false);
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(m_store->names(), QStringList{QStringLiteral("Alpha")});
        QTRY_VERIFY(!m_secrets->contains(QStringLiteral("beta")));
    }

    void testConnection_data()
    {
        QTest::addColumn<bool>("unusedPort");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QTest::addRow("wrong secret") << false << "wrong-secret" << false << "Credentials failed";
        QTest::addRow("right secret") << false << "right-secret" << true << "Connected to lakeFS " LAKESIDE_VERSION " as ";
        QTest::addRow("nothing listening") << true << "right-secret" << false << "Connection refused";
    }
    void testConnection()
    {
        QFETCH(bool, unusedPort);
        QFETCH(QString, secret);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        const QString endpoint = unusedPort ? QStringLiteral("http://127.0.0.1:%1").arg(m_unusedPort)
                                            : QString::fromStdString(m_server->baseUrl());
        ConnectionDialog d(m_store.get());
        d.show();
        fill(d, QStringLiteral("t"), endpoint, QStringLiteral("AKIATESTER"), secret);
        QSignalSpy spy(&d, &ConnectionDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(d, "testButton"), Qt::LeftButton);
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.first().at(0).toBool(), ok);
        const QString shown = child<QLabel>(d, "testResult")->text();
        QVERIFY2(shown.startsWith(expected), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("right-secret")), qPrintable(shown));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
