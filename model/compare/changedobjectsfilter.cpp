// SPDX-License-Identifier: Apache-2.0
#include "compare/changedobjectsfilter.h"

#include "compare/changedobjectsmodel.h"

namespace lakeside::compare {

ChangedObjectsFilter::ChangedObjectsFilter(QObject* parent) : QSortFilterProxyModel(parent) {}

void ChangedObjectsFilter::setTypeVisible(DiffType type, bool visible)
{
    if (type == DiffType::Added) m_added = visible;
    else if (type == DiffType::Removed) m_removed = visible;
    else if (type == DiffType::Changed) m_changed = visible;
    invalidateFilter();
}

void ChangedObjectsFilter::setPrefix(const QString& prefix)
{
    m_prefix = prefix;
    invalidateFilter();
}

void ChangedObjectsFilter::setExtension(const QString& extension)
{
    m_extension = extension.trimmed();
    if (m_extension.startsWith(QLatin1Char('.'))) m_extension.remove(0, 1);
    invalidateFilter();
}

bool ChangedObjectsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto type = DiffType(idx.data(ChangedObjectsModel::ChangeTypeRole).toInt());
    if ((type == DiffType::Added && !m_added) || (type == DiffType::Removed && !m_removed)
        || (type == DiffType::Changed && !m_changed))
        return false;
    const QString path = idx.data(ChangedObjectsModel::PathRole).toString();
    if (!m_prefix.isEmpty() && !path.startsWith(m_prefix)) return false;
    if (!m_extension.isEmpty() && !path.endsWith(QLatin1Char('.') + m_extension, Qt::CaseInsensitive)) return false;
    return true;
}

bool ChangedObjectsFilter::canFetchMore(const QModelIndex& parent) const
{
    return m_viewFetch && QSortFilterProxyModel::canFetchMore(parent);
}

void ChangedObjectsFilter::fetchMore(const QModelIndex& parent)
{
    if (m_viewFetch) QSortFilterProxyModel::fetchMore(parent);
}

} // namespace lakeside::compare
