// SPDX-License-Identifier: Apache-2.0
#pragma once
// The review requests (lakeFS pull requests) of one repository as a table,
// newest first, loaded page by page (PagedTableModel).
// The status filter is open, closed, merged or all; lakeFS's "closed"
// includes merged requests, so "closed" and "merged" are separated here.
// Thread safety: UI thread only.

#include <memory>
#include <vector>

#include "api/backend.h"
#include "reviews/pagedtablemodel.h"

namespace lakeside::reviews {

class PullRequestListModel : public PagedTableModel {
    Q_OBJECT
public:
    enum Columns { TitleColumn, StatusColumn, BranchesColumn, AuthorColumn, CreatedColumn, NUM_COLUMNS };
    enum Roles { IdRole = Qt::UserRole + 1, StatusRole /* "open" | "closed" | "merged" */ };

    explicit PullRequestListModel(QObject* parent = nullptr);

    void setSource(std::shared_ptr<Backend> backend, const QString& repo);
    // "open", "closed", "merged" or "all"; reloads.
    void setStatusFilter(const QString& status);
    QString statusFilter() const { return m_status; }
    const PullRequest& pull(int row) const { return m_rows.at(size_t(row)); }
    int rowOf(const QString& id) const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void loadPage(const std::string& after) override;
    bool hasSource() const override { return m_backend != nullptr; }
    int storedRows() const override { return int(m_rows.size()); }
    void clearRows() override { m_rows.clear(); }

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_status = QStringLiteral("open");
    std::vector<PullRequest> m_rows;
};

} // namespace lakeside::reviews
