// SPDX-License-Identifier: Apache-2.0
#include "refpillsdelegate.h"

#include "history/commitlogmodel.h"
#include "plaintextdelegate.h"

#include <QPainter>
#include <QPainterPath>

namespace lakeside::ui {

RefPillsDelegate::RefPillsDelegate(int rowHeight, QObject* parent)
    : QStyledItemDelegate(parent), m_rowHeight(rowHeight), m_branch(0x2e, 0x7d, 0x32),
      m_defaultBranch(0x15, 0x65, 0xc0), m_tag(0xb2, 0x6a, 0x00), m_pillText(Qt::white)
{
}

void RefPillsDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    PlainTextDelegate::drawPanel(painter, option, index);
    const QString text = index.data(Qt::DisplayRole).toString();

    const QList<RefLabel> labels = index.data(CommitLogModel::RefsRole).value<QList<RefLabel>>();
    QRect r = option.rect.adjusted(4, 0, -4, 0);
    painter->save();
    painter->setClipRect(option.rect);
    if (!labels.isEmpty()) {
        painter->setRenderHint(QPainter::Antialiasing, true);
        QFont pillFont = option.font;
        pillFont.setPointSizeF(option.font.pointSizeF() * 0.9);
        const QFontMetrics fm(pillFont);
        painter->setFont(pillFont);
        const int h = std::min(r.height() - 6, fm.height() + 4);
        for (const RefLabel& l : labels) {
            const int w = fm.horizontalAdvance(l.name) + 12;
            if (w > r.width()) break;
            const QRectF pill(r.left(), r.top() + (r.height() - h) / 2.0, w, h);
            const QColor bg = l.kind == RefLabel::Kind::Tag ? m_tag
                : l.kind == RefLabel::Kind::DefaultBranch ? m_defaultBranch : m_branch;
            painter->setPen(Qt::NoPen);
            painter->setBrush(bg);
            painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
            painter->setPen(m_pillText);
            painter->drawText(pill, Qt::AlignCenter, l.name);
            r.setLeft(r.left() + w + 4);
        }
        painter->setFont(option.font);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QFontMetrics& fm = option.fontMetrics;
    const int baseline = r.top() + (r.height() + fm.ascent() - fm.descent()) / 2;
    painter->drawText(QPoint(r.left(), baseline), fm.elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();
}

QSize RefPillsDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(m_rowHeight);
    return s;
}

} // namespace lakeside::ui
