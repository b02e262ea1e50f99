// SPDX-License-Identifier: Apache-2.0
#include "reviews/actionrunlistmodel.h"

#include "session/qtconvert.h"

#include "reviews/localtime.h"

namespace lakeside::reviews {

ActionRunListModel::ActionRunListModel(QObject* parent) : PagedTableModel(parent) {}

void ActionRunListModel::setSource(std::shared_ptr<Backend> backend, const QString& repo)
{
    m_backend = std::move(backend);
    m_repo = repo;
    refresh();
}

void ActionRunListModel::setBranch(const QString& branch)
{
    m_branch = branch.trimmed();
    refresh();
}

void ActionRunListModel::loadPage(const std::string& after)
{
    auto backend = m_backend;
    const std::string repo = ss(m_repo), branch = ss(m_branch);
    fetchPage([backend, repo, branch, p = pageParams(after)](
                  const OpContext&) { return backend->listActionRuns(repo, branch, {}, p); },
              m_rows, tr("Cannot list action runs"), [](const ActionRun&) { return true; });
}

int ActionRunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ActionRunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ActionRun& r = m_rows[size_t(index.row())];
    if (role == RunIdRole) return qs(r.run_id);
    if (role == StatusRole) return qs(r.status);
    if (role == ForegroundColorRole && index.column() == StatusColumn)
        return r.status == "failed" ? QStringLiteral("#b31d28") : QStringLiteral("#22863a");
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case StatusColumn: return qs(r.status);
    case EventColumn: return qs(r.event_type);
    case BranchColumn: return qs(r.branch);
    case CommitColumn: return qs(r.commit_id).left(12);
    case StartColumn: return localIsoTime(r.start_time, true);
    case RunIdColumn: return qs(r.run_id);
    default: return {};
    }
}

QVariant ActionRunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case EventColumn: return tr("Event");
    case BranchColumn: return tr("Branch");
    case CommitColumn: return tr("Commit");
    case StartColumn: return tr("Started");
    case RunIdColumn: return tr("Run id");
    default: return {};
    }
}

} // namespace lakeside::reviews
