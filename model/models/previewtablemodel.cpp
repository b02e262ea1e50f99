// SPDX-License-Identifier: Apache-2.0
#include "previewtablemodel.h"

namespace lakeside {

PreviewTableModel::PreviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PreviewTableModel::setTable(PreviewTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int PreviewTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_table.rows.size()); }
int PreviewTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.header.size());
}

QVariant PreviewTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const QStringList& row = m_table.rows[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return index.column() < row.size() ? row[index.column()] : QString();
    if (role == NullRole)
        return index.row() < m_table.nulls.size() && index.column() < m_table.nulls[index.row()].size()
            && m_table.nulls[index.row()][index.column()];
    return {};
}

QVariant PreviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Horizontal) return section < m_table.header.size() ? m_table.header[section] : QVariant();
    return section + 1;
}

} // namespace lakeside
