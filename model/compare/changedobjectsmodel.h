// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Compare tab's changed-objects list: one row per DiffEntry, fed page by
// page (appendPage) as the backend's diff pages arrive.
//
// Columns: path, change ("added", "removed", "changed"), old size, new size.
// ForegroundColorRole colours rows by change type; ChangeTypeRole gives the
// lakeside::DiffType as int, PathRole the full key, BytesRole the bytes changed
// (|new - old|, or the whole size for added/removed).
//
// Thread safety: GUI thread only (an item model).

#include "api/types.h"

#include <QAbstractTableModel>

#include <vector>

namespace lakeside::compare {

class ChangedObjectsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, ChangeColumn, OldSizeColumn, NewSizeColumn, ColumnCount };
    // ForegroundColorRole: a colour name ("#rrggbb"); this library is QtCore-only,
    // so views map it to Qt::ForegroundRole (ui/compare/colorroleproxy.h).
    enum Role { ChangeTypeRole = Qt::UserRole + 1, PathRole, BytesRole, ForegroundColorRole };

    explicit ChangedObjectsModel(QObject* parent = nullptr);

    void clear();
    void appendPage(const std::vector<DiffEntry>& entries);
    const DiffEntry& entry(int row) const { return m_entries[size_t(row)]; }
    int count(DiffType type) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatSize(std::optional<int64_t> bytes);

private:
    std::vector<DiffEntry> m_entries;
};

} // namespace lakeside::compare
