// SPDX-License-Identifier: Apache-2.0
#include "reviews/pullrequestlistmodel.h"

#include "session/qtconvert.h"

#include "reviews/localtime.h"

namespace lakeside::reviews {

PullRequestListModel::PullRequestListModel(QObject* parent) : PagedTableModel(parent) {}

void PullRequestListModel::setSource(std::shared_ptr<Backend> backend, const QString& repo)
{
    m_backend = std::move(backend);
    m_repo = repo;
    refresh();
}

void PullRequestListModel::setStatusFilter(const QString& status)
{
    m_status = status;
    refresh();
}

void PullRequestListModel::loadPage(const std::string& after)
{
    auto backend = m_backend;
    const std::string repo = ss(m_repo);
    // lakeFS knows open, closed (merged included) and all.
    const std::string query = m_status == QLatin1String("open") ? "open"
        : m_status == QLatin1String("all")                      ? ""
                                                                : "closed";
    const QString status = m_status;
    fetchPage([backend, repo, query, p = pageParams(after)](const OpContext&) { return backend->listPulls(repo, query, p); },
              m_rows, tr("Cannot list review requests"), [status](const PullRequest& pr) {
                  if (status == QLatin1String("closed")) return pr.status == PullStatus::Closed;
                  if (status == QLatin1String("merged")) return pr.status == PullStatus::Merged;
                  return true;
              });
}

int PullRequestListModel::rowOf(const QString& id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (qs(m_rows[i].id) == id) return int(i);
    return -1;
}

int PullRequestListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant PullRequestListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const PullRequest& pr = m_rows[size_t(index.row())];
    if (role == IdRole) return qs(pr.id);
    if (role == StatusRole) return QString::fromLatin1(pullStatusName(pr.status));
    if (role == Qt::ToolTipRole) return qs(pr.description).isEmpty() ? qs(pr.title) : qs(pr.description);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case TitleColumn: return qs(pr.title);
    case StatusColumn: return QString::fromLatin1(pullStatusName(pr.status));
    case BranchesColumn: return QString(qs(pr.source_branch) + QStringLiteral(" → ") + qs(pr.destination_branch));
    case AuthorColumn: return qs(pr.author);
    case CreatedColumn: return localIsoTime(pr.creation_date);
    default: return {};
    }
}

QVariant PullRequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case TitleColumn: return tr("Title");
    case StatusColumn: return tr("Status");
    case BranchesColumn: return tr("Source → destination");
    case AuthorColumn: return tr("Author");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

} // namespace lakeside::reviews
