// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "jobs/taskcenter.h"
#include "models/connectiontreemodel.h"
#include "repositoryview.h"
#include "sidebar/refactions.h"
#include "sidebar/sidebar.h"
#include "theme/icons.h"
#include "theme/theme.h"
#include "widgets/messagebar.h"
#include "widgets/taskstatuswidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcMain, "lakeside.ui.mainwindow", QtInfoMsg)

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_connections(new ConnectionTreeModel(this)), m_tasks(new TaskCenter(this)),
      m_sidebar(new Sidebar(m_connections, this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_centre(new QStackedWidget(this)), m_tabs(new QTabWidget(this)), m_welcome(new QLabel(this)),
      m_messages(new MessageBar(this)), m_taskStatus(new TaskStatusWidget(m_tasks, this)),
      m_connectionLabel(new QLabel(this)), m_refActions(new RefActions(m_connections, m_messages, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Lakeside"));
    setWindowIcon(appIcon());

    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("repositoryTabs"));
    m_welcome->setObjectName(QStringLiteral("welcome"));
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setText(tr("<h2>Lakeside</h2><p>Open a data product from the sidebar to browse its history, "
                          "objects and branches.</p><p style='color:gray'>Double-click a repository, or use "
                          "Repository&nbsp;›&nbsp;Open.</p>"));
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_tabs);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    auto* messageHolder = new QWidget(right);
    auto* mh = new QVBoxLayout(messageHolder);
    mh->setContentsMargins(6, 6, 6, 0);
    mh->addWidget(m_messages);
    rightLayout->addWidget(messageHolder);
    rightLayout->addWidget(m_centre, 1);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 1100});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_taskStatus);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_sidebar, &Sidebar::openRequested, this,
            [this](int c, const QString& repo, const QString& ref) { openRepository(c, repo, ref); });
    connect(m_sidebar, &Sidebar::createBranchRequested, m_refActions, &RefActions::createBranch);
    connect(m_sidebar, &Sidebar::createTagRequested, m_refActions, &RefActions::createTag);
    connect(m_sidebar, &Sidebar::deleteBranchRequested, m_refActions, &RefActions::deleteBranch);
    connect(m_sidebar, &Sidebar::deleteTagRequested, m_refActions, &RefActions::deleteTag);
    connect(m_sidebar, &Sidebar::resetRequested, m_refActions, &RefActions::resetBranch);
    connect(m_sidebar, &Sidebar::mergeRequested, m_refActions, &RefActions::mergeBranch);
    connect(m_sidebar, &Sidebar::refreshRequested, m_connections, &ConnectionTreeModel::refreshConnection);
    connect(m_sidebar, &Sidebar::compareRequested, this,
            [this](int c, const QString& repo, const QString& left, const QString& right) {
                RepositoryView* view = openRepository(c, repo);
                if (view) emit view->compareRequested(left, right);
            });
    connect(m_refActions, &RefActions::refsChanged, this, &MainWindow::onRefsChanged);
    connect(m_connections, &ConnectionTreeModel::connectionRemoved, this, &MainWindow::closeConnectionTabs);
    connect(m_connections, &ConnectionTreeModel::loadFailed, this,
            [this](int, const QString& message) { m_messages->showError(message); });
    connect(m_connections, &ConnectionTreeModel::connectionLoaded, this, [this](int c, int rows, qint64) {
        m_connectionLabel->setText(tr("%1 — %2 items").arg(m_connections->connectionName(c)).arg(rows));
    });

    createMenus();
    updateEmptyState();
    resize(1400, 860);
}

MainWindow::~MainWindow() = default;

int MainWindow::addConnection(const QString& name, std::shared_ptr<Backend> backend)
{
    return m_connections->addConnection(name, std::move(backend));
}

void MainWindow::closeConnectionTabs(int connection)
{
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        auto* v = qobject_cast<RepositoryView*>(m_tabs->widget(i));
        if (v && v->connection() == connection) closeTab(i);
    }
}

RepositoryView* MainWindow::findRepositoryView(int connection, const QString& repo) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* v = qobject_cast<RepositoryView*>(m_tabs->widget(i));
        if (v && v->connection() == connection && v->repository() == repo) return v;
    }
    return nullptr;
}

RepositoryView* MainWindow::openRepository(int connection, const QString& repo, const QString& ref)
{
    auto backend = m_connections->backend(connection);
    if (!backend || repo.isEmpty()) return nullptr;
    RepositoryView* view = findRepositoryView(connection, repo);
    if (!view) {
        view = new RepositoryView(backend, connection, repo, m_tasks, m_tabs);
        const int i = m_tabs->addTab(view, icon("repository"), repo);
        m_tabs->setTabToolTip(i, tr("%1 on %2").arg(repo, m_connections->connectionName(connection)));
        connect(view, &RepositoryView::refsChanged, this, [this, view] {
            m_connections->refreshConnection(view->connection());
        });
        qCInfo(lcMain).noquote() << "opened repository" << repo;
    }
    m_tabs->setCurrentWidget(view);
    if (!ref.isEmpty()) view->browse(ref);
    updateEmptyState();
    return view;
}

RepositoryView* MainWindow::currentRepositoryView() const
{
    return qobject_cast<RepositoryView*>(m_tabs->currentWidget());
}

void MainWindow::closeTab(int index)
{
    QWidget* w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete w; // its JobTrackers cancel; late results are dropped by their context
    updateEmptyState();
}

void MainWindow::refreshAll()
{
    m_connections->refresh();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* v = qobject_cast<RepositoryView*>(m_tabs->widget(i))) v->refresh();
}

void MainWindow::onRefsChanged(int connection, const QString& repo)
{
    if (RepositoryView* v = findRepositoryView(connection, repo)) v->refresh();
}

void MainWindow::updateEmptyState()
{
    m_centre->setCurrentWidget(m_tabs->count() ? static_cast<QWidget*>(m_tabs) : m_welcome);
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("mainwindow/geometry"), saveGeometry());
    s.setValue(QStringLiteral("mainwindow/state"), saveState());
    s.setValue(QStringLiteral("mainwindow/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("view/theme"), Theme::name(Theme::current()));
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("mainwindow/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("mainwindow/state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("mainwindow/splitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    event->accept();
}

} // namespace lakeside::ui
