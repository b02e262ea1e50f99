// SPDX-License-Identifier: Apache-2.0
#pragma once
// The left pane: a filter field over the connection tree, with a context
// menu for every action on the row under the cursor. The sidebar only
// emits requests; RefActions (dialogs + jobs) and MainWindow carry them out.

#include <QSet>
#include <QWidget>

class QLineEdit;
class QMenu;
class QTreeView;

namespace lakeside {
class ConnectionTreeModel;
}

namespace lakeside::ui {

class SidebarProxyModel;

class Sidebar : public QWidget {
    Q_OBJECT
public:
    explicit Sidebar(ConnectionTreeModel* model, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return m_filter; }
    QTreeView* view() const { return m_view; }
    SidebarProxyModel* proxy() const { return m_proxy; }
    ConnectionTreeModel* model() const { return m_model; }

    // The context menu for a row of the view (proxy index). Actions carry
    // object names ("openAction", "createBranchAction", "deleteBranchAction",
    // ...) so tests and the Repository menu can find them. Caller owns the menu.
    // An invalid index gives the menu of the empty area.
    QMenu* menuFor(const QModelIndex& proxyIndex, QWidget* parent);
    // The current row as a source-model index (invalid when none).
    QModelIndex currentSourceIndex() const;
    // Selects the row with this ConnectionTreeModel::PathRole key.
    bool selectPath(const QString& path);
    void focusFilter();

signals:
    void openRequested(int connection, const QString& repo, const QString& ref);
    void createBranchRequested(int connection, const QString& repo, const QString& source);
    void createTagRequested(int connection, const QString& repo, const QString& source);
    void deleteBranchRequested(int connection, const QString& repo, const QString& branch);
    void deleteTagRequested(int connection, const QString& repo, const QString& tag);
    void resetRequested(int connection, const QString& repo, const QString& branch);
    void mergeRequested(int connection, const QString& repo, const QString& source);
    void compareRequested(int connection, const QString& repo, const QString& left, const QString& right);
    void refreshRequested(int connection);
    // Emitted while a context menu is built, so the owner of the saved
    // connections can add its actions (add, manage, import; edit, remove,
    // test on a connection row). `connection` is -1 for the empty area.
    void connectionMenuAboutToShow(QMenu* menu, int connection);

private:
    void applyExpansion(const QModelIndex& sourceParent, int first, int last);
    ConnectionTreeModel* m_model;
    SidebarProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_view;
    // Expansion survives reloads (the model replaces rows): remembered by path.
    QSet<QString> m_expanded;
    QSet<QString> m_seen;
};

} // namespace lakeside::ui
