// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paints the graph column: lane lines and the commit's node, read only from
// CommitLogModel::GraphRole (works through any proxy). Pens and brushes are
// built once per palette; rows have one fixed height so the view can use
// uniform row heights. Geometry (lane -> x, hit-testing) is GraphGeometry's.

#include "history/graphgeometry.h"

#include <QBrush>
#include <QPen>
#include <QStyledItemDelegate>
#include <vector>

namespace lakeside::ui {

class GraphDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit GraphDelegate(QObject* parent = nullptr);

    const GraphGeometry& geometry() const { return m_geometry; }
    // Lane colours, cycled by lane index.
    static QColor laneColor(int lane);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    GraphGeometry m_geometry;
    std::vector<QPen> m_pens;
    std::vector<QBrush> m_brushes;
};

} // namespace lakeside::ui
