// SPDX-License-Identifier: Apache-2.0
#include "compare/tablediffmodel.h"


namespace lakeside::compare {

using tabular::RowStatus;

TableDiffModel::TableDiffModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableDiffModel::setResult(const tabular::TableDiffResult& result)
{
    const bool extends = m_hasResult && result.generation() != 0 && result.generation() == m_full.generation()
                         && result.schema().columns.size() == m_full.schema().columns.size()
                         && result.rowCount() >= m_full.rowCount();
    if (extends) {
        tabular::TableDiffResult view = m_changedOnly ? result.filtered(tabular::RowFilter::changedOnly()) : result;
        const int before = rowCount();
        const int after = int(std::min<int64_t>(view.rowCount(), INT32_MAX));
        m_full = result;
        if (after > before) {
            beginInsertRows({}, before, after - 1);
            m_view = std::move(view);
            endInsertRows();
        } else {
            m_view = std::move(view);
        }
        // The final result carries whole-table column types and statuses.
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        return;
    }
    beginResetModel();
    m_full = result;
    m_hasResult = true;
    m_view = m_changedOnly ? m_full.filtered(tabular::RowFilter::changedOnly()) : m_full;
    m_cachedRow = -1;
    endResetModel();
}

void TableDiffModel::clear()
{
    beginResetModel();
    m_full = {};
    m_view = {};
    m_hasResult = false;
    m_cachedRow = -1;
    endResetModel();
}

void TableDiffModel::setChangedOnly(bool changedOnly)
{
    if (changedOnly == m_changedOnly) return;
    beginResetModel();
    m_changedOnly = changedOnly;
    m_view = m_changedOnly ? m_full.filtered(tabular::RowFilter::changedOnly()) : m_full;
    m_cachedRow = -1;
    endResetModel();
}

int TableDiffModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_hasResult) return 0;
    return int(std::min<int64_t>(m_view.rowCount(), INT32_MAX));
}

int TableDiffModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_hasResult) return 0;
    return 1 + int(m_view.schema().columns.size());
}

const tabular::DiffRow* TableDiffModel::rowAt(int row) const
{
    if (row != m_cachedRow) {
        auto r = m_view.row(row);
        if (!r.ok()) return nullptr;
        m_cache = std::move(r).value();
        m_cachedRow = row;
    }
    return &m_cache;
}

QVariant TableDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const RowStatus status = m_view.rowStatus(index.row());
    if (role == RowStatusRole) return int(status);
    if (index.column() == 0) {
        if (role == Qt::DisplayRole) return QString::fromLatin1(tabular::rowStatusName(status));
        if (role == BackgroundColorRole) goto rowColour;
        return {};
    }
    {
        const tabular::DiffRow* row = rowAt(index.row());
        if (!row || size_t(index.column() - 1) >= row->cells.size()) return {};
        const tabular::DiffCell& c = row->cells[size_t(index.column() - 1)];
        const QString oldText = c.oldNull ? QString() : QString::fromStdString(c.oldText);
        const QString newText = c.newNull ? QString() : QString::fromStdString(c.newText);
        switch (role) {
        case Qt::DisplayRole:
            if (c.changed) return QString(oldText + QStringLiteral(" → ") + newText);
            return status == RowStatus::Removed ? oldText : newText;
        case Qt::ToolTipRole:
            if (c.changed) return tr("old: %1\nnew: %2").arg(oldText, newText);
            return {};
        case ChangedCellRole: return c.changed;
        case OldValueRole: return oldText;
        case NewValueRole: return newText;
        case BackgroundColorRole:
            if (c.changed) return QStringLiteral("#ffd36b");
            goto rowColour;
        default: return {};
        }
    }
rowColour:
    switch (status) {
    case RowStatus::Added: return QStringLiteral("#d4f4dc");
    case RowStatus::Removed: return QStringLiteral("#fbdcdf");
    case RowStatus::Changed: return QStringLiteral("#fff5d6");
    }
    return {};
}

QVariant TableDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_hasResult) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section == 0) return tr("Status");
    const auto& cols = m_view.schema().columns;
    if (size_t(section - 1) >= cols.size()) return {};
    const auto& col = cols[size_t(section - 1)];
    QString name = QString::fromStdString(col.name());
    if (col.status != tabular::ColumnStatus::Unchanged)
        name += QStringLiteral(" (") + QString::fromLatin1(tabular::columnStatusName(col.status)) + QLatin1Char(')');
    return name;
}

} // namespace lakeside::compare
