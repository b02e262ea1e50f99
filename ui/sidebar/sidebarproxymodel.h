// SPDX-License-Identifier: Apache-2.0
#pragma once
// Filter-as-you-type over ConnectionTreeModel: a row stays when it or any
// descendant matches (recursive filtering), so typing a branch name keeps
// its repository and connection visible. Also adds what model/ cannot
// (QtGui): icons, bold for default branches, and a connection's state on
// its row: "name — cannot connect: <reason>" with an error icon, "name —
// connecting…", or a warning icon when TLS verification is off (the reason
// in the tooltip). Filtering and sorting use the plain source name.

#include <QSortFilterProxyModel>

namespace lakeside::ui {

class SidebarProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SidebarProxyModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace lakeside::ui
