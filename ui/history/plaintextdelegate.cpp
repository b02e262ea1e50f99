// SPDX-License-Identifier: Apache-2.0
#include "plaintextdelegate.h"

#include <QApplication>
#include <QPainter>

namespace lakeside::ui {

PlainTextDelegate::PlainTextDelegate(int rowHeight, QObject* parent)
    : QStyledItemDelegate(parent), m_rowHeight(rowHeight)
{
}

void PlainTextDelegate::drawPanel(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    QStyleOptionViewItem opt = option;
    opt.index = index;
    opt.features |= QStyleOptionViewItem::HasDisplay;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
}

void PlainTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    drawPanel(painter, option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty()) return;
    const QRect r = option.rect.adjusted(4, 0, -4, 0);
    const QFontMetrics& fm = option.fontMetrics;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const int baseline = r.top() + (r.height() + fm.ascent() - fm.descent()) / 2;
    painter->drawText(QPoint(r.left(), baseline), fm.elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();
}

QSize PlainTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return {option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + 8, m_rowHeight};
}

} // namespace lakeside::ui
