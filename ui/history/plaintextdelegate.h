// SPDX-License-Identifier: Apache-2.0
#pragma once
// A cheap delegate for single-line text columns of long lists (committer,
// date, id): the style's item panel (selection, hover) plus one elided line
// drawn at a baseline. QStyledItemDelegate's default path lays out every
// cell with QTextLayout, which dominated the History tab's scroll frames.

#include <QStyledItemDelegate>

namespace lakeside::ui {

class PlainTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit PlainTextDelegate(int rowHeight, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Draws the selection/hover panel of the cell (shared with the other history delegates).
    static void drawPanel(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index);

private:
    int m_rowHeight;
};

} // namespace lakeside::ui
