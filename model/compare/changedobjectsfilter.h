// SPDX-License-Identifier: Apache-2.0
#pragma once
// Filters the changed-objects list by change type, path prefix and file
// extension (e.g. "csv"; empty = any). Sorting is by the source's display text.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_added = true, m_removed = true, m_changed = true;
    QString m_prefix;
    QString m_extension;
};

} // namespace lakeside::compare
