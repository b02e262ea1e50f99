// SPDX-License-Identifier: Apache-2.0
#include "sidebar.h"

#include "models/connectiontreemodel.h"
#include "sidebarproxymodel.h"
#include "theme/icons.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using Kind = ConnectionTreeModel::Kind;
using R = ConnectionTreeModel;

Sidebar::Sidebar(ConnectionTreeModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new SidebarProxyModel(this)), m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(6);
    m_filter->setPlaceholderText(tr("Filter repositories, branches, tags"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(icon("search"), QLineEdit::LeadingPosition);
    m_filter->setObjectName(QStringLiteral("sidebarFilter"));
    layout->addWidget(m_filter);

    m_proxy->setSourceModel(m_model);
    m_proxy->sort(0);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("sidebarTree"));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setIconSize(QSize(16, 16));
    m_view->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_view, 1);
    setMinimumWidth(230); // repository and branch names stay readable

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty()) m_view->expandAll(); // show every match without clicking
    });
    connect(m_view, &QTreeView::expanded, this,
            [this](const QModelIndex& i) { m_expanded.insert(i.data(R::PathRole).toString()); });
    connect(m_view, &QTreeView::collapsed, this,
            [this](const QModelIndex& i) { m_expanded.remove(i.data(R::PathRole).toString()); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &Sidebar::applyExpansion);
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        QMenu* menu = menuFor(index, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        if (menu->isEmpty()) {
            delete menu;
            return;
        }
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const auto kind = Kind(index.data(R::KindRole).toInt());
        const int conn = index.data(R::ConnectionRole).toInt();
        const QString repo = index.data(R::RepositoryRole).toString();
        if (kind == Kind::Repository) emit openRequested(conn, repo, QString());
        if (kind == Kind::Branch || kind == Kind::Tag)
            emit openRequested(conn, repo, index.data(R::RefNameRole).toString());
    });
}

void Sidebar::applyExpansion(const QModelIndex& sourceParent, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex src = m_model->index(row, 0, sourceParent);
        const QString path = src.data(R::PathRole).toString();
        const auto kind = Kind(src.data(R::KindRole).toInt());
        const bool firstTime = !m_seen.contains(path);
        m_seen.insert(path);
        // Remote connections stay collapsed: expanding one is what connects to it.
        const bool expandByDefault = (kind == Kind::Connection && !src.data(R::IsRemoteRole).toBool())
                                     || kind == Kind::Repository || kind == Kind::BranchGroup;
        if (m_expanded.contains(path) || (firstTime && expandByDefault)) {
            m_view->expand(m_proxy->mapFromSource(src));
            m_expanded.insert(path);
        }
        if (m_model->rowCount(src) > 0) applyExpansion(src, 0, m_model->rowCount(src) - 1);
    }
}

QMenu* Sidebar::menuFor(const QModelIndex& index, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    if (!index.isValid()) {
        emit connectionMenuAboutToShow(menu, -1);
        return menu;
    }
    const auto kind = Kind(index.data(R::KindRole).toInt());
    const int conn = index.data(R::ConnectionRole).toInt();
    const QString repo = index.data(R::RepositoryRole).toString();
    const QString ref = index.data(R::RefNameRole).toString();
    const QString defaultBranch = index.data(R::DefaultBranchRole).toString();
    auto add = [menu](const char* iconName, const QString& text, const char* name, auto fn) {
        QAction* a = menu->addAction(icon(iconName), text);
        a->setObjectName(QString::fromLatin1(name));
        QObject::connect(a, &QAction::triggered, menu, fn);
        return a;
    };

    switch (kind) {
    case Kind::Connection:
        add("refresh", tr("Refresh"), "refreshAction", [=, this] { emit refreshRequested(conn); });
        emit connectionMenuAboutToShow(menu, conn);
        break;
    case Kind::Repository:
    case Kind::BranchGroup:
    case Kind::TagGroup:
        add("open", tr("Open %1").arg(repo), "openAction", [=, this] { emit openRequested(conn, repo, QString()); });
        menu->addSeparator();
        add("branch", tr("New Branch from %1…").arg(defaultBranch), "createBranchAction",
            [=, this] { emit createBranchRequested(conn, repo, defaultBranch); });
        add("tag", tr("New Tag at %1…").arg(defaultBranch), "createTagAction",
            [=, this] { emit createTagRequested(conn, repo, defaultBranch); });
        menu->addSeparator();
        add("refresh", tr("Refresh"), "refreshAction", [=, this] { emit refreshRequested(conn); });
        break;
    case Kind::Branch: {
        add("open", tr("Open %1").arg(ref), "openAction", [=, this] { emit openRequested(conn, repo, ref); });
        menu->addSeparator();
        add("branch", tr("New Branch from %1…").arg(ref), "createBranchAction",
            [=, this] { emit createBranchRequested(conn, repo, ref); });
        add("tag", tr("New Tag at %1…").arg(ref), "createTagAction",
            [=, this] { emit createTagRequested(conn, repo, ref); });
        QAction* cmp = add("compare", tr("Compare with %1").arg(defaultBranch), "compareAction",
                           [=, this] { emit compareRequested(conn, repo, defaultBranch, ref); });
        cmp->setEnabled(ref != defaultBranch);
        add("branch", tr("Merge %1 into…").arg(ref), "mergeAction", [=, this] { emit mergeRequested(conn, repo, ref); });
        menu->addSeparator();
        add("reset", tr("Reset Uncommitted Changes…"), "resetAction",
            [=, this] { emit resetRequested(conn, repo, ref); });
        QAction* del = add("delete", tr("Delete Branch %1…").arg(ref), "deleteBranchAction",
                           [=, this] { emit deleteBranchRequested(conn, repo, ref); });
        if (ref == defaultBranch) {
            del->setEnabled(false);
            del->setToolTip(tr("The default branch cannot be deleted"));
        }
        break;
    }
    case Kind::Tag:
        add("open", tr("Browse at %1").arg(ref), "openAction", [=, this] { emit openRequested(conn, repo, ref); });
        menu->addSeparator();
        add("branch", tr("New Branch from %1…").arg(ref), "createBranchAction",
            [=, this] { emit createBranchRequested(conn, repo, ref); });
        add("compare", tr("Compare with %1").arg(defaultBranch), "compareAction",
            [=, this] { emit compareRequested(conn, repo, ref, defaultBranch); });
        menu->addSeparator();
        add("delete", tr("Delete Tag %1…").arg(ref), "deleteTagAction",
            [=, this] { emit deleteTagRequested(conn, repo, ref); });
        break;
    }
    return menu;
}

QModelIndex Sidebar::currentSourceIndex() const { return m_proxy->mapToSource(m_view->currentIndex()); }

bool Sidebar::selectPath(const QString& path)
{
    const QModelIndex src = m_model->findPath(path);
    const QModelIndex idx = m_proxy->mapFromSource(src);
    if (!idx.isValid()) return false;
    m_view->setCurrentIndex(idx);
    m_view->scrollTo(idx);
    return true;
}

void Sidebar::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

} // namespace lakeside::ui
