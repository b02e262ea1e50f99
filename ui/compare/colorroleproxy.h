// SPDX-License-Identifier: Apache-2.0
#pragma once
// Maps a model's colour-name roles (model/compare is QtCore-only, so it gives
// "#rrggbb" strings) to Qt::ForegroundRole / Qt::BackgroundRole for views.
//
// Thread safety: GUI thread only.

#include <QColor>
#include <QIdentityProxyModel>

namespace lakeside::ui {

class ColorRoleProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    ColorRoleProxy(int foregroundRole, int backgroundRole, QObject* parent = nullptr)
        : QIdentityProxyModel(parent), m_foreground(foregroundRole), m_background(backgroundRole)
    {
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        const int source = role == Qt::ForegroundRole ? m_foreground : role == Qt::BackgroundRole ? m_background : -1;
        if (source < 0) return QIdentityProxyModel::data(index, role);
        const QString name = QIdentityProxyModel::data(index, source).toString();
        return name.isEmpty() ? QVariant() : QVariant(QColor(name));
    }

private:
    int m_foreground;
    int m_background;
};

} // namespace lakeside::ui
