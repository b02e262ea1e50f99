// SPDX-License-Identifier: Apache-2.0
#pragma once
// The conflicts a review's merge would meet, one row per path, with the
// reviewer's resolution: unresolved, take source (SourceWins) or take
// destination (DestWins). resolutions() feeds MergeParams::resolutions.
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <map>
#include <string>
#include <vector>

#include "reviews/reviewsnapshot.h"

namespace lakeside::reviews {

class ConflictListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { PathColumn, SourceColumn, DestinationColumn, ResolutionColumn, NUM_COLUMNS };
    enum Roles { PathRole = Qt::UserRole + 1, ResolutionRole /* MergeStrategy as int */, ForegroundColorRole /* "#rrggbb" */ };

    explicit ConflictListModel(QObject* parent = nullptr);

    // Keeps the resolution of paths that are still in conflict.
    void setConflicts(const std::vector<ConflictEntry>& conflicts);
    // Adds paths the backend reported (Error::conflicts) that are not listed yet.
    void addPaths(const std::vector<std::string>& paths);
    const ConflictEntry& conflict(int row) const { return m_rows.at(size_t(row)); }
    // MergeStrategy::None: unresolved again.
    void setResolution(int row, MergeStrategy side);
    MergeStrategy resolution(int row) const;
    std::map<std::string, MergeStrategy> resolutions() const;
    int unresolvedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void resolutionsChanged();

private:
    std::vector<ConflictEntry> m_rows;
    std::map<std::string, MergeStrategy> m_resolution;
};

} // namespace lakeside::reviews
