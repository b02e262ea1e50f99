// SPDX-License-Identifier: Apache-2.0
#pragma once
// Paints the message column: branch and tag labels as rounded "pills" in
// front of the commit's summary line. Reads CommitLogModel::RefsRole and the
// display text only; colours are fixed per label kind and built once.

#include <QStyledItemDelegate>

namespace lakeside::ui {

class RefPillsDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit RefPillsDelegate(int rowHeight, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_rowHeight;
    QColor m_branch, m_defaultBranch, m_tag, m_pillText;
};

} // namespace lakeside::ui
