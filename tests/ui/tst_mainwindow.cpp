// SPDX-License-Identifier: Apache-2.0
// The main window's shell and sidebar: it opens on a workspace, filters as
// you type, creates branches through the dialog with live validation, and
// deletes branches only after confirmation — never the default branch.
#include "dialogs/createrefdialog.h"
#include "fixture.h"
#include "jobs/taskcenter.h"
#include "mainwindow.h"
#include "models/connectiontreemodel.h"
#include "repositoryview.h"
#include "sidebar/refactions.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarproxymodel.h"
#include "widgets/messagebar.h"
#include "widgets/taskstatuswidget.h"

#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
#include "demo/demo.h"
#include "local/localbackend.h"
#endif

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<test::MemoryBackend> m_backend;
    std::unique_ptr<MainWindow> m_window;

    // Proxy index of a sidebar row by its path key ("0/sales-orders/b/main").
    QModelIndex row(const QString& path) const
    {
        return m_window->sidebar()->proxy()->mapFromSource(m_window->connections()->findPath(path));
    }
    QAction* menuAction(const QString& path, const char* name)
    {
        QMenu* menu = m_window->sidebar()->menuFor(row(path), m_window.get());
        menu->deleteLater();
        return menu->findChild<QAction*>(QString::fromLatin1(name));
    }
    template <class T>
    T* waitForChild(const QString& name = QString())
    {
        T* found = nullptr;
        const bool ok = QTest::qWaitFor(
            [&] { return (found = m_window->findChild<T*>(name)) != nullptr && found->isVisible(); }, 5000);
        return ok ? found : nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_backend = test::makeFixtureBackend();
        m_window = std::make_unique<MainWindow>();
        new QAbstractItemModelTester(m_window->connections(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_window.get());
        new QAbstractItemModelTester(m_window->sidebar()->proxy(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
        QSignalSpy loaded(m_window->connections(), &ConnectionTreeModel::connectionLoaded);
        m_window->addConnection(QStringLiteral("Local workspace"), m_backend);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(loaded.count(), 1);
    }

    void cleanup() { m_window.reset(); }

    void shellHasMenusAndResources()
    {
        QStringList menus;
        for (QAction* a : m_window->menuBar()->actions()) menus << a->text().remove(u'&');
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                                     QStringLiteral("Repository"), QStringLiteral("Help")}));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("aboutAction")));
        QCOMPARE(m_window->findChild<QAction*>(QStringLiteral("quitAction"))->shortcut(),
                 QKeySequence(QKeySequence::Quit));
        QCOMPARE(m_window->findChild<QAction*>(QStringLiteral("findAction"))->shortcut(),
                 QKeySequence(QKeySequence::Find));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("theme_dark")));
        QVERIFY(QFile::exists(QStringLiteral(":/icons/branch.svg")));
        QVERIFY(!m_window->windowIcon().isNull());
        // Sidebar: the connection, its repositories, expanded.
        QTreeView* tree = m_window->sidebar()->view();
        QCOMPARE(tree->model()->index(0, 0).data().toString(), QStringLiteral("Local workspace"));
        QVERIFY(tree->isExpanded(row(QStringLiteral("0/sales-orders"))));
        QVERIFY(row(QStringLiteral("0/sales-orders/b/main")).isValid());
    }

    void openRepositoryTab()
    {
        QCOMPARE(m_window->tabs()->count(), 0);
        QTreeView* tree = m_window->sidebar()->view();
        const QModelIndex repo = row(QStringLiteral("0/sales-orders"));
        tree->setFocus();
        tree->setCurrentIndex(repo);
        QTest::keyClick(tree, Qt::Key_Return); // activation, as a double-click does
        QTRY_COMPARE(m_window->tabs()->count(), 1);
        QCOMPARE(m_window->tabs()->tabText(0), QStringLiteral("sales-orders"));
        QVERIFY(m_window->currentRepositoryView());
        // Opening again focuses the same tab.
        m_window->openRepository(0, QStringLiteral("sales-orders"));
        QCOMPARE(m_window->tabs()->count(), 1);
        m_window->findChild<QAction*>(QStringLiteral("closeTabAction"))->trigger();
        QCOMPARE(m_window->tabs()->count(), 0);
    }

    void sidebarFilter()
    {
        QLineEdit* filter = m_window->sidebar()->filterEdit();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier); // Edit > Filter Sidebar
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("feat"));
        QAbstractItemModel* proxy = m_window->sidebar()->proxy();
        const QModelIndex conn = proxy->index(0, 0);
        QCOMPARE(proxy->rowCount(conn), 1); // customer-profiles is filtered out
        const QModelIndex repo = proxy->index(0, 0, conn);
        QCOMPARE(repo.data().toString(), QStringLiteral("sales-orders"));
        QCOMPARE(proxy->rowCount(repo), 1); // only Branches; Tags has no match
        const QModelIndex branches = proxy->index(0, 0, repo);
        QCOMPARE(proxy->rowCount(branches), 1);
        QCOMPARE(proxy->index(0, 0, branches).data().toString(), QStringLiteral("feature-x"));
        QVERIFY(m_window->sidebar()->view()->isExpanded(branches));

        filter->clear();
        QCOMPARE(proxy->rowCount(conn), 2);
        QTest::keyClicks(filter, QStringLiteral("V1."));
        QCOMPARE(proxy->rowCount(conn), 1);
        QVERIFY(row(QStringLiteral("0/sales-orders/t/v1.0")).isValid());
        QVERIFY(!row(QStringLiteral("0/sales-orders/b/main")).isValid());
    }

    void createBranchWithLiveValidation()
    {
        QAction* create = menuAction(QStringLiteral("0/sales-orders/b/main"), "createBranchAction");
        QVERIFY(create);
        create->trigger();
        auto* dlg = waitForChild<CreateRefDialog>();
        QVERIFY(dlg);
        QCOMPARE(dlg->sourceEdit()->text(), QStringLiteral("main"));
        QVERIFY(!dlg->okButton()->isEnabled());
        QVERIFY(dlg->reasonLabel()->text().isEmpty());

        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("my.invalid.branch"));
        QVERIFY(!dlg->okButton()->isEnabled());
        QVERIFY2(dlg->reasonLabel()->text().contains(QStringLiteral("may contain only letters, digits")),
                 qPrintable(dlg->reasonLabel()->text()));
        QVERIFY(dlg->reasonLabel()->text().contains(QStringLiteral("my.invalid.branch")));

        dlg->nameEdit()->clear();
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("feature-x"));
        QVERIFY(dlg->reasonLabel()->text().contains(QStringLiteral("already exists")));
        QVERIFY(!dlg->okButton()->isEnabled());

        dlg->nameEdit()->clear();
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("my-branch"));
        QVERIFY(dlg->reasonLabel()->text().isEmpty());
        QVERIFY(dlg->okButton()->isEnabled());
        QTest::mouseClick(dlg->okButton(), Qt::LeftButton);

        QTRY_VERIFY(row(QStringLiteral("0/sales-orders/b/my-branch")).isValid());
        auto made = m_backend->getBranch("sales-orders", "my-branch");
        QVERIFY(made.ok());
        QCOMPARE(made->commit_id, m_backend->getBranch("sales-orders", "main")->commit_id);
    }

    void createBranchFromTag()
    {
        menuAction(QStringLiteral("0/sales-orders/t/v1.0"), "createBranchAction")->trigger();
        auto* dlg = waitForChild<CreateRefDialog>();
        QVERIFY(dlg);
        QCOMPARE(dlg->sourceEdit()->text(), QStringLiteral("v1.0"));
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("from-tag"));
        QTest::keyClick(dlg->nameEdit(), Qt::Key_Return);
        QTRY_VERIFY(row(QStringLiteral("0/sales-orders/b/from-tag")).isValid());
        QCOMPARE(m_backend->getBranch("sales-orders", "from-tag")->commit_id,
                 m_backend->getTag("sales-orders", "v1.0")->commit_id);
    }

    void backendErrorShowsInline()
    {
        m_backend->failNext("createBranch", makeError(ErrorKind::Forbidden, "repository 'sales-orders' is read-only"));
        menuAction(QStringLiteral("0/sales-orders/b/main"), "createBranchAction")->trigger();
        auto* dlg = waitForChild<CreateRefDialog>();
        QVERIFY(dlg);
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("nope"));
        QTest::mouseClick(dlg->okButton(), Qt::LeftButton);
        QTRY_VERIFY(m_window->messageBar()->isVisible());
        QCOMPARE(m_window->messageBar()->level(), MessageBar::Level::Error);
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("read-only")));
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("nope")));
    }

    void deleteBranchAsksFirst()
    {
        // Cancel keeps the branch.
        menuAction(QStringLiteral("0/sales-orders/b/feature-x"), "deleteBranchAction")->trigger();
        auto* box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBranch"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("feature-x")));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("confirmDeleteBranch")));
        QVERIFY(m_backend->getBranch("sales-orders", "feature-x").ok());

        // Confirm deletes it.
        menuAction(QStringLiteral("0/sales-orders/b/feature-x"), "deleteBranchAction")->trigger();
        box = waitForChild<QMessageBox>(QStringLiteral("confirmDeleteBranch"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_VERIFY(!row(QStringLiteral("0/sales-orders/b/feature-x")).isValid());
        QCOMPARE(m_backend->getBranch("sales-orders", "feature-x").error().kind, ErrorKind::NotFound);
    }

    void defaultBranchIsNeverDeleted()
    {
        QAction* del = menuAction(QStringLiteral("0/sales-orders/b/main"), "deleteBranchAction");
        QVERIFY(del);
        QVERIFY(!del->isEnabled());
        // Through the Repository menu, with main selected: refused with a reason, no confirmation.
        QVERIFY(m_window->sidebar()->selectPath(QStringLiteral("0/sales-orders/b/main")));
        m_window->findChild<QAction*>(QStringLiteral("deleteBranchMenuAction"))->trigger();
        QVERIFY(m_window->messageBar()->isVisible());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("default branch")));
        QVERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("confirmDeleteBranch")));
        QVERIFY(m_backend->getBranch("sales-orders", "main").ok());
    }

    void createTagAndResetBranch()
    {
        menuAction(QStringLiteral("0/sales-orders/b/main"), "createTagAction")->trigger();
        auto* dlg = waitForChild<CreateRefDialog>(QStringLiteral("createTagDialog"));
        QVERIFY(dlg);
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("v1.0"));
        QVERIFY(dlg->reasonLabel()->text().contains(QStringLiteral("already exists")));
        dlg->nameEdit()->clear();
        QTest::keyClicks(dlg->nameEdit(), QStringLiteral("release-2"));
        QTest::mouseClick(dlg->okButton(), Qt::LeftButton);
        QTRY_VERIFY(row(QStringLiteral("0/sales-orders/t/release-2")).isValid());

        QVERIFY(!m_backend->diffBranch("sales-orders", "ingest", {})->results.empty());
        menuAction(QStringLiteral("0/sales-orders/b/ingest"), "resetAction")->trigger();
        auto* box = waitForChild<QMessageBox>(QStringLiteral("confirmReset"));
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_VERIFY(m_backend->diffBranch("sales-orders", "ingest", {})->results.empty());
    }

    void taskProgressInStatusBar()
    {
        TaskCenter* tasks = m_window->tasks();
        bool cancelled = false;
        int id = 0;
        id = tasks->begin(QStringLiteral("Uploading 3 files"), [&] {
            cancelled = true;
            tasks->finish(id);
        });
        TaskStatusWidget* status = m_window->taskStatus();
        QVERIFY(status->isVisible());
        QCOMPARE(status->title(), QStringLiteral("Uploading 3 files"));
        tasks->progress(id, 50, 100);
        QCOMPARE(status->progressBar()->value(), 500);
        QTest::mouseClick(status->cancelButton(), Qt::LeftButton);
        QVERIFY(cancelled);
        QVERIFY(!status->isVisible());
    }

    void demoWorkspace()
    {
#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
        QTemporaryDir dir;
        auto opened = LocalBackend::open(dir.path().toStdString() + "/ws", "tester");
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        std::shared_ptr<Backend> backend = std::move(opened).value();
        Status st = createDemoData(*backend);
        if (!st.ok() && st.kind() == ErrorKind::NotImplemented) QSKIP("demo data not available in this build yet");
        QVERIFY2(st.ok(), st.message().c_str());
        MainWindow window;
        QSignalSpy loaded(window.connections(), &ConnectionTreeModel::connectionLoaded);
        window.addConnection(QStringLiteral("Local workspace"), backend);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        for (const std::string& name : demoRepositoryNames())
            QVERIFY2(window.connections()->repositoryIndex(0, QString::fromStdString(name)).isValid(), name.c_str());
#else
        QSKIP("built without the embedded engine");
#endif
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
