// SPDX-License-Identifier: Apache-2.0
#pragma once
// The uncommitted changes of one branch (diffBranch), as a flat table:
// change, path, size. Loaded completely by refresh() in a job (a branch's
// staging area is small compared with its history; capped at `limit` rows).
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "api/backend.h"
#include "jobs/jobtracker.h"

namespace lakeside {

class UncommittedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { ChangeColumn, PathColumn, SizeColumn, NUM_COLUMNS };
    enum Roles { PathRole = Qt::UserRole + 1, TypeRole /* DiffType as int */ };

    explicit UncommittedModel(QObject* parent = nullptr);

    // Empty branch: no branch (a tag or commit is shown): the model stays empty.
    void setSource(std::shared_ptr<Backend> backend, const QString& repo, const QString& branch);
    void refresh();
    QString branch() const { return m_branch; }
    bool isLoading() const { return m_job.isRunning(); }
    void setLimit(int rows) { m_limit = rows; }
    // True when the branch has more changes than were loaded.
    bool truncated() const { return m_truncated; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded(int rows, qint64 ms);
    void loadFailed(const QString& message);

private:
    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_branch;
    std::vector<DiffEntry> m_rows;
    bool m_truncated = false;
    int m_limit = 10000;
    JobTracker m_job;
};

} // namespace lakeside
