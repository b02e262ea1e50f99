// SPDX-License-Identifier: Apache-2.0
#pragma once
// Filter-as-you-type over ConnectionTreeModel: a row stays when it or any
// descendant matches (recursive filtering), so typing a branch name keeps
// its repository and connection visible. Also adds what model/ cannot
// (QtGui): icons, and bold for default branches.

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
