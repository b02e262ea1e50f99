// SPDX-License-Identifier: Apache-2.0
// Saved lakeFS connections in the main window: added through the File menu's
// dialog they appear in the sidebar after the embedded workspace and list the
// server's repositories; the secret reaches the SecretStore and no settings
// or config file; they come back after a restart without connecting until
// expanded; an unreachable one says why on its row; TLS verification off
// shows a warning; Test, Edit and Remove work from the row's context menu;
// lakectl YAML imports into a row.
// The real lakeFS-compatible server (over a LocalBackend) is the remote; the
// keychain is replaced by the in-memory SecretStore (CI has no secret service).
#include "connections/connectiondialog.h"
#include "connections/connectionscontroller.h"
#include "connections/connectionstore.h"
#include "connections/memorysecretstore.h"
#include "local/localbackend.h"
#include "mainwindow.h"
#include "models/connectiontreemodel.h"
#include "remote/server.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarproxymodel.h"
#include "widgets/messagebar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::connections;
using namespace lakeside::ui;
using R = ConnectionTreeModel;

namespace {
const QString kSecret = QStringLiteral("s3cr3t-never-in-a-file");
}

class TestConnectionSidebar : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<LocalBackend> m_backend;
    std::unique_ptr<remote::LakeFsServer> m_server;
    int m_unusedPort = 0;
    QString m_ini;

    // One running application: window, store and controller.
    struct App {
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<ConnectionStore> store;
        MemorySecretStore* secrets = nullptr;
        ConnectionsController* controller = nullptr;
        ~App() { window.reset(); } // the controller (a child) before the store
    };
    // `testers`: wrap the tree and the proxy in QAbstractItemModelTester (which
    // fetches every lazy row itself, so not where laziness is checked).
    std::unique_ptr<App> start(const QString& presetSecretFor = QString(), bool testers = true)
    {
        auto app = std::make_unique<App>();
        app->secrets = new MemorySecretStore;
        if (!presetSecretFor.isEmpty()) { // the keychain kept it from the last run
            bool written = false;
            app->secrets->write(presetSecretFor, kSecret, [&](Status s) { written = s.ok(); });
            if (!QTest::qWaitFor([&] { return written; })) return nullptr;
        }
        app->store = std::make_unique<ConnectionStore>(std::make_unique<QSettings>(m_ini, QSettings::IniFormat), app->secrets);
        app->window = std::make_unique<MainWindow>();
        if (testers) { // lazy rows, inline errors and removals keep the model's contract
            new QAbstractItemModelTester(app->window->connections(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest, app->window.get());
            new QAbstractItemModelTester(app->window->sidebar()->proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest, app->window.get());
        }
        app->controller = new ConnectionsController(app->store.get(), app->window.get());
        app->controller->loadSaved();
        app->window->addConnection(QStringLiteral("Local workspace"), m_backend); // opens after the rows exist
        app->window->show();
        return app;
    }
    static QString shownText(App& app, int connection)
    {
        Sidebar* s = app.window->sidebar();
        return s->proxy()->mapFromSource(app.window->connections()->connectionIndex(connection)).data().toString();
    }
    static void addThroughDialog(App& app, const QString& name, const QString& endpoint)
    {
        app.controller->addAction()->trigger();
        auto* dialog = app.window->findChild<ConnectionDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), name);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("endpointEdit")), endpoint);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("accessKeyEdit")), QStringLiteral("AKIASIDEBAR"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit")), kSecret);
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8()); // client-side state
        auto b = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        m_backend = std::move(b.value());
        RepositoryCreation c;
        c.name = "shared-data";
        QVERIFY(m_backend->createRepository(c).ok());
        remote::ServerOptions o;
        o.port = 0;
        o.access_key_id = "AKIASIDEBAR";
        o.secret_access_key = kSecret.toStdString();
        m_server = std::make_unique<remote::LakeFsServer>(*m_backend, o);
        QVERIFY(m_server->start().ok());
        remote::LakeFsServer probe(*m_backend, o); // a port that was just free
        QVERIFY(probe.start().ok());
        m_unusedPort = probe.port();
        probe.stop();
        m_ini = m_dir.filePath(QStringLiteral("settings/lakeside.ini"));
    }
    void cleanupTestCase() { m_server->stop(); }

    void addedConnectionAppearsAndItsSecretStaysOutOfFiles()
    {
        auto app = start();
        QVERIFY(app);
        QVERIFY(app->window->fileMenu()->actions().contains(app->controller->addAction()));
        addThroughDialog(*app, QStringLiteral("team-lake"), QString::fromStdString(m_server->baseUrl()));
        QTRY_VERIFY(app->controller->connectionId(QStringLiteral("team-lake")) >= 0);
        const int id = app->controller->connectionId(QStringLiteral("team-lake"));
        // Expanded at once (the user just added it), so it connects and lists the repositories.
        QTRY_VERIFY_WITH_TIMEOUT(app->window->connections()->repositoryIndex(id, QStringLiteral("shared-data")).isValid(), 20000);
        QCOMPARE(shownText(*app, id), QStringLiteral("team-lake"));
        QVERIFY(app->window->connections()->connectionIndex(id).data(R::IsRemoteRole).toBool());
        // Connection actions on the empty area and on the embedded row; Edit/Test/Remove only on saved ones.
        Sidebar* sidebar = app->window->sidebar();
        std::unique_ptr<QMenu> empty(sidebar->menuFor(QModelIndex(), nullptr));
        QVERIFY(empty->actions().contains(app->controller->addAction()));
        QVERIFY(empty->actions().contains(app->controller->importAction()));
        QVERIFY(empty->actions().contains(app->controller->manageAction()));
        const int local = app->window->connections()->findConnection(QStringLiteral("Local workspace"));
        std::unique_ptr<QMenu> embedded(
            sidebar->menuFor(sidebar->proxy()->mapFromSource(app->window->connections()->connectionIndex(local)), nullptr));
        QVERIFY(embedded->actions().contains(app->controller->addAction()));
        QVERIFY(!embedded->findChild<QAction*>(QStringLiteral("removeConnectionAction")));
        // The embedded workspace first, although it was added later.
        QCOMPARE(app->window->sidebar()->proxy()->index(0, 0).data().toString(), QStringLiteral("Local workspace"));
        QCOMPARE(app->window->sidebar()->proxy()->index(1, 0).data().toString(), QStringLiteral("team-lake"));

        // The secret is in the SecretStore only: not in the settings, nor in any config file.
        QCOMPARE(app->secrets->value(QStringLiteral("team-lake")), kSecret);
        app->window->saveSettings();
        app->store.reset(); // flushes its QSettings
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray bytes = ini.readAll();
        QVERIFY(bytes.contains("team-lake"));
        QVERIFY(bytes.contains("AKIASIDEBAR"));
        QVERIFY(!bytes.contains(kSecret.toUtf8()));
        for (const QString& root : {m_dir.filePath(QStringLiteral("settings")),
                                    QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)}) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(kSecret.toUtf8()), qPrintable(f.fileName()));
            }
        }
        app->window.reset();
    }

    void savedConnectionComesBackAfterRestartAndConnectsWhenExpanded()
    {
        auto app = start(QStringLiteral("team-lake"), false); // same settings file as the test before
        QVERIFY(app);
        const int id = app->controller->connectionId(QStringLiteral("team-lake"));
        QVERIFY(id >= 0);
        ConnectionTreeModel* model = app->window->connections();
        // Not contacted yet: no repositories until the user expands the row.
        QCOMPARE(R::ConnectionState(model->connectionIndex(id).data(R::StateRole).toInt()), R::ConnectionState::Idle);
        QCOMPARE(model->rowCount(model->connectionIndex(id)), 0);
        Sidebar* sidebar = app->window->sidebar();
        sidebar->view()->expand(sidebar->proxy()->mapFromSource(model->connectionIndex(id)));
        QTRY_VERIFY_WITH_TIMEOUT(model->repositoryIndex(id, QStringLiteral("shared-data")).isValid(), 20000);
        // A repository of the remote opens in a tab like a local one.
        QVERIFY(app->window->openRepository(id, QStringLiteral("shared-data")));

        // Test Connection, then Remove, from the row's context menu.
        QMenu* menu = sidebar->menuFor(sidebar->proxy()->mapFromSource(model->connectionIndex(id)), app->window.get());
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("editConnectionAction")));
        QSignalSpy tested(app->controller, &ConnectionsController::testFinished);
        menu->findChild<QAction*>(QStringLiteral("testConnectionAction"))->trigger();
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.first().at(1).toBool(), qPrintable(tested.first().at(2).toString()));
        // Edit: a new endpoint closes the tab on the old backend and reconnects, here to nothing.
        menu->findChild<QAction*>(QStringLiteral("editConnectionAction"))->trigger();
        auto* dialog = app->window->findChild<ConnectionDialog*>();
        QVERIFY(dialog);
        auto* endpoint = dialog->findChild<QLineEdit*>(QStringLiteral("endpointEdit"));
        QCOMPARE(endpoint->text(), QString::fromStdString(m_server->baseUrl()));
        endpoint->clear();
        QTest::keyClicks(endpoint, QStringLiteral("http://127.0.0.1:%1").arg(m_unusedPort));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE(app->window->tabs()->count(), 0);
        QCOMPARE(app->controller->connectionId(QStringLiteral("team-lake")), id);
        QTRY_VERIFY_WITH_TIMEOUT(shownText(*app, id).contains(QStringLiteral("cannot connect")), 30000);
        QCOMPARE(app->secrets->value(QStringLiteral("team-lake")), kSecret); // kept: the field was left empty

        menu->findChild<QAction*>(QStringLiteral("removeConnectionAction"))->trigger();
        delete menu;
        auto* box = app->window->findChild<QMessageBox*>(QStringLiteral("confirmRemoveConnection"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_VERIFY(!model->connectionIndex(id).isValid());
        QVERIFY(!app->secrets->contains(QStringLiteral("team-lake")));
        QVERIFY(!app->store->names().contains(QStringLiteral("team-lake")));
    }

    void unreachableConnectionSaysWhyOnItsRow()
    {
        auto app = start();
        QVERIFY(app);
        bool added = false;
        app->store->add({QStringLiteral("gone"), QStringLiteral("http://127.0.0.1:%1").arg(m_unusedPort), QStringLiteral("AKIA"), false},
                        QStringLiteral("x"), [&](Status s) { added = s.ok(); });
        QTRY_VERIFY(added);
        const int id = app->controller->connectionId(QStringLiteral("gone"));
        QVERIFY(id >= 0);
        // Added rows are expanded, so it tries at once and fails on its own row.
        QTRY_VERIFY_WITH_TIMEOUT(shownText(*app, id).contains(QStringLiteral("cannot connect")), 30000);
        QVERIFY(shownText(*app, id).startsWith(QStringLiteral("gone")));
        QVERIFY(!app->window->connections()->connectionIndex(id).data(R::ErrorRole).toString().isEmpty());
        // The embedded workspace beside it is unaffected.
        const int local = app->window->connections()->findConnection(QStringLiteral("Local workspace"));
        QTRY_VERIFY(app->window->connections()->repositoryIndex(local, QStringLiteral("shared-data")).isValid());
        QVERIFY(app->window->connections()->connectionIndex(local).data(R::ErrorRole).toString().isEmpty());
    }

    void importFromLakectlAddsARow()
    {
        auto app = start();
        QVERIFY(app);
        const QString yaml = m_dir.filePath(QStringLiteral("lakectl.yaml"));
        QFile f(yaml);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("credentials:\n  access_key_id: AKIASIDEBAR\n  secret_access_key: %1\nserver:\n  endpoint_url: %2\n")
                    .arg(kSecret, QString::fromStdString(m_server->baseUrl()))
                    .toUtf8());
        f.close();
        QSignalSpy imported(app->controller, &ConnectionsController::imported);
        app->controller->importLakectl(yaml);
        QVERIFY(imported.wait(10000));
        const QString name = imported.first().first().toString();
        const int id = app->controller->connectionId(name);
        QVERIFY(id >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(app->window->connections()->repositoryIndex(id, QStringLiteral("shared-data")).isValid(), 20000);
        QVERIFY(app->window->messageBar()->text().contains(name));
        QCOMPARE(app->secrets->value(name), kSecret);
    }

    void skippedTlsVerificationShowsAWarning()
    {
        auto app = start();
        QVERIFY(app);
        bool added = false;
        app->store->add({QStringLiteral("self-signed"), QStringLiteral("https://127.0.0.1:%1").arg(m_unusedPort),
                         QStringLiteral("AKIA"), true},
                        QStringLiteral("x"), [&](Status s) { added = s.ok(); });
        QTRY_VERIFY(added);
        const int id = app->controller->connectionId(QStringLiteral("self-signed"));
        QVERIFY(id >= 0);
        const QModelIndex row = app->window->sidebar()->proxy()->mapFromSource(app->window->connections()->connectionIndex(id));
        QCOMPARE(row.data(R::WarningRole).toString(), ConnectionsController::tlsWarning());
        QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("TLS certificate verification is off")));
        QVERIFY(!row.data(Qt::DecorationRole).isNull());
    }
};

QTEST_MAIN(TestConnectionSidebar)
#include "tst_connectionsidebar.moc"
