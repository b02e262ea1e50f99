// SPDX-License-Identifier: Apache-2.0
#pragma once
// The action runs (lakeFS /actions/runs) of one repository, newest first,
// optionally for one branch, loaded page by page in a job.
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "api/backend.h"
#include "jobs/jobtracker.h"

namespace lakeside::reviews {

class ActionRunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { StatusColumn, EventColumn, BranchColumn, CommitColumn, StartColumn, RunIdColumn, NUM_COLUMNS };
    enum Roles { RunIdRole = Qt::UserRole + 1, StatusRole, ForegroundColorRole /* "#rrggbb" */ };

    explicit ActionRunListModel(QObject* parent = nullptr);

    void setSource(std::shared_ptr<Backend> backend, const QString& repo);
    // Empty: every branch. Reloads.
    void setBranch(const QString& branch);
    void setPageSize(int rows) { m_pageSize = rows; }
    void refresh();
    bool isLoading() const { return m_job.isRunning(); }
    const ActionRun& run(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void loaded();
    void loadFailed(const QString& message);

private:
    void loadPage(const std::string& after);

    std::shared_ptr<Backend> m_backend;
    QString m_repo, m_branch;
    std::vector<ActionRun> m_rows;
    bool m_hasMore = false;
    std::string m_next;
    int m_pageSize = 100;
    JobTracker m_job{this};
};

} // namespace lakeside::reviews
