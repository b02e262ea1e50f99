// SPDX-License-Identifier: Apache-2.0
// MainWindow's menus, kept apart from the window's composition.
#include "mainwindow.h"

#include "models/connectiontreemodel.h"
#include "pages/objectspage.h"
#include "repositoryview.h"
#include "sidebar/refactions.h"
#include "sidebar/sidebar.h"
#include "theme/icons.h"
#include "theme/theme.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

namespace lakeside::ui {

namespace {

// What the Repository menu acts on: the sidebar's current row, else the current tab.
struct Target {
    int connection = -1;
    QString repo;
    QString ref;
    QString defaultBranch;
    bool isBranch = false;
};

Target currentTarget(const Sidebar* sidebar, const RepositoryView* view)
{
    Target t;
    const QModelIndex i = sidebar->currentSourceIndex();
    if (i.isValid() && !i.data(ConnectionTreeModel::RepositoryRole).toString().isEmpty()) {
        t.connection = i.data(ConnectionTreeModel::ConnectionRole).toInt();
        t.repo = i.data(ConnectionTreeModel::RepositoryRole).toString();
        t.ref = i.data(ConnectionTreeModel::RefNameRole).toString();
        t.defaultBranch = i.data(ConnectionTreeModel::DefaultBranchRole).toString();
        t.isBranch = ConnectionTreeModel::Kind(i.data(ConnectionTreeModel::KindRole).toInt())
                     == ConnectionTreeModel::Kind::Branch;
    } else if (view) {
        t.connection = view->connection();
        t.repo = view->repository();
    }
    return t;
}

} // namespace

void MainWindow::createMenus()
{
    auto act = [this](QMenu* menu, const char* iconName, const QString& text, const char* name, auto fn) {
        QAction* a = iconName ? menu->addAction(icon(iconName), text) : menu->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        connect(a, &QAction::triggered, this, fn);
        return a;
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    act(file, "refresh", tr("&Refresh"), "refreshAllAction", [this] { refreshAll(); })
        ->setShortcut(QKeySequence::Refresh);
    act(file, nullptr, tr("&Close Tab"), "closeTabAction", [this] {
        if (m_tabs->currentIndex() >= 0) closeTab(m_tabs->currentIndex());
    })->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = act(file, nullptr, tr("&Quit"), "quitAction", [this] { close(); });
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    act(edit, "search", tr("&Filter Sidebar"), "findAction", [this] { m_sidebar->focusFilter(); })
        ->setShortcut(QKeySequence::Find);
    act(edit, nullptr, tr("&Copy Name"), "copyAction", [this] {
        const QModelIndex i = m_sidebar->currentSourceIndex();
        if (i.isValid()) QApplication::clipboard()->setText(i.data(Qt::DisplayRole).toString());
    })->setShortcut(QKeySequence::Copy);
    act(edit, nullptr, tr("Copy Commit &ID"), "copyCommitAction", [this] {
        const QModelIndex i = m_sidebar->currentSourceIndex();
        const QString id = i.data(ConnectionTreeModel::CommitIdRole).toString();
        if (!id.isEmpty()) QApplication::clipboard()->setText(id);
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showSidebar = view->addAction(tr("Show &Sidebar"));
    showSidebar->setObjectName(QStringLiteral("showSidebarAction"));
    showSidebar->setCheckable(true);
    showSidebar->setChecked(true);
    showSidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(showSidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    QMenu* theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    for (ThemeMode mode : {ThemeMode::System, ThemeMode::Light, ThemeMode::Dark}) {
        const QString label = mode == ThemeMode::System ? tr("&System") : mode == ThemeMode::Light ? tr("&Light") : tr("&Dark");
        QAction* a = theme->addAction(label);
        a->setObjectName(QStringLiteral("theme_") + Theme::name(mode));
        a->setCheckable(true);
        a->setChecked(Theme::current() == mode);
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [mode] { Theme::apply(mode); });
    }
    view->addSeparator();
    act(view, nullptr, tr("&Next Tab"), "nextTabAction", [this] {
        if (m_tabs->count()) m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    })->setShortcut(QKeySequence::NextChild);
    act(view, nullptr, tr("&Previous Tab"), "previousTabAction", [this] {
        if (m_tabs->count()) m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    })->setShortcut(QKeySequence::PreviousChild);

    QMenu* repo = menuBar()->addMenu(tr("&Repository"));
    act(repo, "open", tr("&Open"), "openRepositoryAction", [this] {
        const Target t = currentTarget(m_sidebar, nullptr);
        if (t.connection >= 0) openRepository(t.connection, t.repo, t.ref);
    })->setShortcut(QKeySequence::Open);
    repo->addSeparator();
    act(repo, "branch", tr("New &Branch…"), "newBranchAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (t.connection < 0) return m_messages->showInfo(tr("Select a repository or a ref in the sidebar first."));
        m_refActions->createBranch(t.connection, t.repo, t.ref.isEmpty() ? t.defaultBranch : t.ref);
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    act(repo, "tag", tr("New &Tag…"), "newTagAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (t.connection < 0) return m_messages->showInfo(tr("Select a repository or a ref in the sidebar first."));
        m_refActions->createTag(t.connection, t.repo, t.ref.isEmpty() ? t.defaultBranch : t.ref);
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    act(repo, "compare", tr("&Compare with Default Branch"), "compareDefaultAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (t.connection < 0 || t.ref.isEmpty()) return m_messages->showInfo(tr("Select a branch or tag to compare."));
        if (RepositoryView* v = openRepository(t.connection, t.repo)) emit v->compareRequested(t.defaultBranch, t.ref);
    });
    repo->addSeparator();
    act(repo, "upload", tr("&Upload Files…"), "uploadAction", [this] {
        if (RepositoryView* v = currentRepositoryView()) {
            v->pages()->setCurrentWidget(v->objectsPage());
            v->objectsPage()->chooseUpload();
        }
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    act(repo, "commit-changes", tr("Co&mmit Changes…"), "commitAction", [this] {
        if (RepositoryView* v = currentRepositoryView()) {
            v->pages()->setCurrentWidget(v->objectsPage());
            v->objectsPage()->openCommitDialog();
        }
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    act(repo, "branch", tr("&Merge Branch…"), "mergeBranchAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (!t.isBranch) return m_messages->showInfo(tr("Select the branch to merge in the sidebar."));
        m_refActions->mergeBranch(t.connection, t.repo, t.ref);
    });
    act(repo, "reset", tr("&Reset Uncommitted Changes…"), "resetBranchAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (!t.isBranch) return m_messages->showInfo(tr("Select a branch in the sidebar to reset."));
        m_refActions->resetBranch(t.connection, t.repo, t.ref);
    });
    act(repo, "delete", tr("&Delete Branch…"), "deleteBranchMenuAction", [this] {
        const Target t = currentTarget(m_sidebar, currentRepositoryView());
        if (!t.isBranch) return m_messages->showInfo(tr("Select a branch in the sidebar to delete."));
        m_refActions->deleteBranch(t.connection, t.repo, t.ref);
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = act(help, nullptr, tr("&About Lakeside"), "aboutAction", [this] { showAbout(); });
    about->setMenuRole(QAction::AboutRole);
    act(help, nullptr, tr("About &Qt"), "aboutQtAction", [] { QApplication::aboutQt(); });
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Lakeside"));
    box->setIconPixmap(appIcon().pixmap(64, 64));
    box->setText(tr("<h3>Lakeside %1</h3>").arg(QStringLiteral(LAKESIDE_VERSION)));
    box->setInformativeText(tr("Versioned data products on your desktop: branches, immutable commits, "
                               "time travel, diff and merge, on an embedded workspace or a lakeFS server.<br><br>"
                               "Built with Qt %1. Licensed under the Apache License 2.0.")
                                .arg(QString::fromLatin1(qVersion())));
    box->open();
}

} // namespace lakeside::ui
