// SPDX-License-Identifier: Apache-2.0
#pragma once
// Filters the changed-objects list by change type, path prefix and file
// extension (e.g. "csv"; empty = any). Sorting is by the source's display text.
//
// Views fetch further source pages through this proxy only while
// viewFetchEnabled (default on). QTreeView asks for more on every relayout,
// i.e. after every page, which would read a long lazy list to its end; a
// page that drives paging itself (on scrolling to the end) turns it off.
//
// Thread safety: GUI thread only.

#include "api/types.h"

#include <QSortFilterProxyModel>

namespace lakeside::compare {

class ChangedObjectsFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ChangedObjectsFilter(QObject* parent = nullptr);

    void setTypeVisible(DiffType type, bool visible);
    void setPrefix(const QString& prefix);
    void setExtension(const QString& extension);
    void setViewFetchEnabled(bool enabled) { m_viewFetch = enabled; }

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_added = true, m_removed = true, m_changed = true;
    QString m_prefix;
    QString m_extension;
    bool m_viewFetch = true;
};

} // namespace lakeside::compare
