// SPDX-License-Identifier: Apache-2.0
#pragma once
// The review requests (lakeFS pull requests) of one repository as a table,
// newest first, loaded page by page (canFetchMore/fetchMore) in a job.
// The status filter is open, closed, merged or all; lakeFS's "closed"
// includes merged requests, so "closed" and "merged" are separated here.
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "api/backend.h"
#include "jobs/jobtracker.h"

namespace lakeside::reviews {

class PullRequestListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { TitleColumn, StatusColumn, BranchesColumn, AuthorColumn, CreatedColumn, NUM_COLUMNS };
    enum Roles { IdRole = Qt::UserRole + 1, StatusRole /* "open" | "closed" | "merged" */ };

    explicit PullRequestListModel(QObject* parent = nullptr);

    void setSource(std::shared_ptr<Backend> backend, const QString& repo);
    // "open", "closed", "merged" or "all"; reloads.
    void setStatusFilter(const QString& status);
    QString statusFilter() const { return m_status; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Drops the rows and loads the first page.
    void refresh();
    bool isLoading() const { return m_job.isRunning(); }
    const PullRequest& pull(int row) const { return m_rows.at(size_t(row)); }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // A page arrived (the model may hold more pages).
    void loaded();
    void loadFailed(const QString& message);

private:
    void loadPage(const std::string& after);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_status = QStringLiteral("open");
    std::vector<PullRequest> m_rows;
    bool m_hasMore = false;
    std::string m_next;
    int m_pageSize = 100;
    JobTracker m_job{this};
};

} // namespace lakeside::reviews
