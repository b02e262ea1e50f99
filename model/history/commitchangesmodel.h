// SPDX-License-Identifier: Apache-2.0
#pragma once
// The objects a commit changed against its first parent (two-dot diff),
// paged lazily with canFetchMore()/fetchMore() and keyset `after` = last path.
// A root commit lists nothing (there is no parent to compare with).
//
// Thread safety: GUI thread only; Backend calls run in JobTracker jobs.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QAbstractTableModel>

#include <memory>

namespace lakeside {

class CommitChangesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { Type, Path, Size, NUM_COLUMNS };
    enum Roles { PathRole = Qt::UserRole + 1, DiffTypeRole /* int(lakeside::DiffType) */ };

    explicit CommitChangesModel(QObject* parent = nullptr);

    // Lists `commit` against `parent` (empty parent: clears, nothing to list).
    void load(std::shared_ptr<Backend> backend, const QString& repo, const QString& parent, const QString& commit);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;

signals:
    void pageLoaded(int rows);
    void errorOccurred(const QString& message);

private:
    JobTracker m_tracker{this};
    std::shared_ptr<Backend> m_backend;
    std::string m_repo, m_left, m_right, m_after;
    bool m_hasMore = false;
    bool m_pending = false;
    quint64 m_serial = 0;
    std::vector<DiffEntry> m_rows;
};

} // namespace lakeside
