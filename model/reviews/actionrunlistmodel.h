// SPDX-License-Identifier: Apache-2.0
#pragma once
// The action runs (lakeFS /actions/runs) of one repository, newest first,
// optionally for one branch, loaded page by page (PagedTableModel).
// Thread safety: UI thread only.

#include <memory>
#include <vector>

#include "api/backend.h"
#include "reviews/pagedtablemodel.h"

namespace lakeside::reviews {

class ActionRunListModel : public PagedTableModel {
    Q_OBJECT
public:
    enum Columns { StatusColumn, EventColumn, BranchColumn, CommitColumn, StartColumn, RunIdColumn, NUM_COLUMNS };
    enum Roles { RunIdRole = Qt::UserRole + 1, StatusRole, ForegroundColorRole /* "#rrggbb" */ };

    explicit ActionRunListModel(QObject* parent = nullptr);

    void setSource(std::shared_ptr<Backend> backend, const QString& repo);
    // Empty: every branch. Reloads.
    void setBranch(const QString& branch);
    const ActionRun& run(int row) const { return m_rows.at(size_t(row)); }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void loadPage(const std::string& after) override;
    bool hasSource() const override { return m_backend != nullptr; }
    int storedRows() const override { return int(m_rows.size()); }
    void clearRows() override { m_rows.clear(); }

    std::shared_ptr<Backend> m_backend;
    QString m_repo, m_branch;
    std::vector<ActionRun> m_rows;
};

} // namespace lakeside::reviews
