// SPDX-License-Identifier: Apache-2.0
#include "graphdelegate.h"

#include "history/commitlogmodel.h"
#include "plaintextdelegate.h"

#include <QPainter>

namespace lakeside::ui {

namespace {
constexpr int kColours = 8;
} // namespace

QColor GraphDelegate::laneColor(int lane)
{
    // Distinguishable on light and dark backgrounds.
    static const QColor colours[kColours] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xe6, 0x7e, 0x22), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
        QColor(0x94, 0x67, 0xbd), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22), QColor(0xe3, 0x77, 0xc2),
    };
    return colours[((lane % kColours) + kColours) % kColours];
}

GraphDelegate::GraphDelegate(QObject* parent) : QStyledItemDelegate(parent)
{
    for (int i = 0; i < kColours; ++i) {
        QPen pen(laneColor(i), 2.0);
        pen.setCapStyle(Qt::RoundCap);
        m_pens.push_back(pen);
        m_brushes.emplace_back(laneColor(i));
    }
}

void GraphDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    PlainTextDelegate::drawPanel(painter, option, index); // selection and hover, from the style

    const GraphRow row = index.data(CommitLogModel::GraphRole).value<GraphRow>();
    if (row.nodeLane < 0) return;
    GraphGeometry g = m_geometry;
    g.rowHeight = option.rect.height();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(option.rect.topLeft());
    painter->setClipRect(QRect(0, 0, option.rect.width(), option.rect.height()));
    for (const GraphRow::Edge& e : row.edges) {
        // A line takes the colour of the lane it runs into, so a branch keeps one colour.
        const int lane = e.kind == GraphRow::Kind::Shift ? e.to : e.lane;
        if (lane >= g.maxLanes && e.lane >= g.maxLanes) continue;
        painter->setPen(m_pens[std::size_t(lane % kColours)]);
        painter->drawLine(g.edgeLine(e, row.nodeLane));
    }
    const QPointF c = g.nodeCenter(row.nodeLane);
    const int colour = row.nodeLane % kColours;
    painter->setPen(m_pens[std::size_t(colour)]);
    // Merges are hollow, so they stand out from ordinary commits.
    painter->setBrush(row.merge ? option.palette.base() : m_brushes[std::size_t(colour)]);
    painter->drawEllipse(c, g.nodeRadius, g.nodeRadius);
    painter->restore();
}

QSize GraphDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex& index) const
{
    const GraphRow row = index.data(CommitLogModel::GraphRole).value<GraphRow>();
    return {m_geometry.columnWidth(row.width()), m_geometry.rowHeight};
}

} // namespace lakeside::ui
