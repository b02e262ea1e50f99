// SPDX-License-Identifier: Apache-2.0
#include "reviews/hookrunlistmodel.h"

#include "session/qtconvert.h"


namespace lakeside::reviews {

HookRunListModel::HookRunListModel(QObject* parent) : QAbstractTableModel(parent) {}

void HookRunListModel::setCheckRun(const CheckRun& run)
{
    m_job.cancel();
    beginResetModel();
    m_run = run;
    endResetModel();
}

void HookRunListModel::clear() { setCheckRun({}); }

void HookRunListModel::loadRun(std::shared_ptr<Backend> backend, const QString& repo, const QString& runId)
{
    clear();
    m_job.start(
        [backend, repo = ss(repo), id = ss(runId)](const OpContext&) -> Result<CheckRun> {
            LAKESIDE_ASSIGN_OR_RETURN(ActionRun run, backend->getActionRun(repo, id));
            return loadCheckRun(*backend, repo, run);
        },
        [this](Result<CheckRun> r) {
            if (!r.ok()) {
                emit loadFailed(errorText(tr("Cannot load the action run"), r.error()));
                return;
            }
            beginResetModel();
            m_run = std::move(*r);
            endResetModel();
            emit loaded();
        });
}

int HookRunListModel::firstFailedRow() const
{
    for (size_t i = 0; i < m_run.hooks.size(); ++i)
        if (m_run.hooks[i].status == "failed") return int(i);
    return -1;
}

int HookRunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_run.hooks.size());
}

int HookRunListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant HookRunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const HookRun& h = m_run.hooks[size_t(index.row())];
    switch (role) {
    case OutputRole: {
        auto it = m_run.output.find(h.hook_run_id);
        if (it != m_run.output.end()) return qs(it->second);
        return h.status == "skipped" ? tr("(skipped after an earlier hook failed; no log)") : QString();
    }
    case StatusRole: return qs(h.status);
    case HookRunIdRole: return qs(h.hook_run_id);
    case ForegroundColorRole:
        if (index.column() != StatusColumn) return {};
        if (h.status == "failed") return QStringLiteral("#b31d28");
        if (h.status == "completed") return QStringLiteral("#22863a");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn: return qs(h.status);
        case ActionColumn: return qs(h.action);
        case HookColumn: return qs(h.hook_id);
        case HookRunIdColumn: return qs(h.hook_run_id);
        default: return {};
        }
    default: return {};
    }
}

QVariant HookRunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case ActionColumn: return tr("Action");
    case HookColumn: return tr("Hook");
    case HookRunIdColumn: return tr("Hook run");
    default: return {};
    }
}

} // namespace lakeside::reviews
