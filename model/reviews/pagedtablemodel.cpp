// SPDX-License-Identifier: Apache-2.0
#include "reviews/pagedtablemodel.h"

namespace lakeside::reviews {

PagedTableModel::PagedTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PagedTableModel::refresh()
{
    m_job.cancel();
    beginResetModel();
    clearRows();
    m_hasMore = false;
    m_next.clear();
    endResetModel();
    if (hasSource()) loadPage({});
}

ListParams PagedTableModel::pageParams(const std::string& after) const
{
    ListParams p;
    p.after = after;
    p.amount = m_pageSize;
    return p;
}

int PagedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : storedRows();
}

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasMore && !m_job.isRunning();
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent)) loadPage(m_next);
}

} // namespace lakeside::reviews
