// SPDX-License-Identifier: Apache-2.0
#include "sidebarproxymodel.h"

#include "models/connectiontreemodel.h"
#include "theme/icons.h"

#include <QFont>

namespace lakeside::ui {

using Kind = ConnectionTreeModel::Kind;

SidebarProxyModel::SidebarProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setAutoAcceptChildRows(true); // typing a repository name shows all its refs
}

QVariant SidebarProxyModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DecorationRole) {
        switch (Kind(index.data(ConnectionTreeModel::KindRole).toInt())) {
        case Kind::Connection:
            if (!index.data(ConnectionTreeModel::ErrorRole).toString().isEmpty()) return icon("error");
            if (!index.data(ConnectionTreeModel::WarningRole).toString().isEmpty()) return icon("warning");
            return icon(index.data(ConnectionTreeModel::IsRemoteRole).toBool() ? "server" : "workspace");
        case Kind::Repository: return icon("repository");
        case Kind::BranchGroup:
        case Kind::TagGroup: return icon("group");
        case Kind::Branch:
            return icon(index.data(ConnectionTreeModel::IsDefaultRole).toBool() ? "branch-default" : "branch");
        case Kind::Tag: return icon("tag");
        }
    }
    if (role == Qt::DisplayRole
        && Kind(index.data(ConnectionTreeModel::KindRole).toInt()) == Kind::Connection) {
        // The connection's state inline on its row, where the user looks.
        const QString name = QSortFilterProxyModel::data(index, role).toString();
        const QString error = index.data(ConnectionTreeModel::ErrorRole).toString();
        if (!error.isEmpty()) return tr("%1 — %2").arg(name, error);
        const auto state = ConnectionTreeModel::ConnectionState(index.data(ConnectionTreeModel::StateRole).toInt());
        if (state == ConnectionTreeModel::ConnectionState::Loading && index.data(ConnectionTreeModel::IsRemoteRole).toBool())
            return tr("%1 — connecting…").arg(name);
        return name;
    }
    if (role == Qt::FontRole) {
        const auto kind = Kind(index.data(ConnectionTreeModel::KindRole).toInt());
        if (kind == Kind::Connection || index.data(ConnectionTreeModel::IsDefaultRole).toBool()) {
            QFont f;
            f.setBold(true);
            return f;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool SidebarProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Connections and the Branches/Tags groups keep their model order;
    // the default branch first, then names alphabetically.
    const auto kind = Kind(left.data(ConnectionTreeModel::KindRole).toInt());
    if (kind == Kind::Connection) {
        // The embedded workspace first, whenever it finished opening.
        const bool lr = left.data(ConnectionTreeModel::IsRemoteRole).toBool();
        const bool rr = right.data(ConnectionTreeModel::IsRemoteRole).toBool();
        if (lr != rr) return rr;
    }
    if (kind == Kind::Connection || kind == Kind::BranchGroup || kind == Kind::TagGroup)
        return left.row() < right.row();
    const bool ld = left.data(ConnectionTreeModel::IsDefaultRole).toBool();
    const bool rd = right.data(ConnectionTreeModel::IsDefaultRole).toBool();
    if (ld != rd) return ld;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace lakeside::ui
