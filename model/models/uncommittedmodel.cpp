// SPDX-License-Identifier: Apache-2.0
#include "uncommittedmodel.h"

#include "session/qtconvert.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>

namespace lakeside {

Q_LOGGING_CATEGORY(lcUncommitted, "lakeside.model.uncommitted", QtInfoMsg)

UncommittedModel::UncommittedModel(QObject* parent) : QAbstractTableModel(parent), m_job(this) {}

void UncommittedModel::setSource(std::shared_ptr<Backend> backend, const QString& repo, const QString& branch)
{
    m_backend = std::move(backend);
    m_repo = repo;
    m_branch = branch;
    refresh();
}

namespace {
struct Loaded {
    std::vector<DiffEntry> rows;
    bool truncated = false;
    std::optional<Error> error;
};
} // namespace

void UncommittedModel::refresh()
{
    if (!m_backend || m_branch.isEmpty()) {
        m_job.cancel();
        beginResetModel();
        m_rows.clear();
        m_truncated = false;
        endResetModel();
        emit loaded(0, 0);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    m_job.start(
        [b = m_backend, repo = ss(m_repo), branch = ss(m_branch), limit = m_limit](const OpContext& ctx) {
            Loaded out;
            Status st = forEachPage<DiffEntry>(
                [&](const std::string& after) {
                    DiffParams p;
                    p.after = after;
                    p.amount = 1000;
                    return b->diffBranch(repo, branch, p);
                },
                [&](const DiffEntry& e) {
                    if (int(out.rows.size()) >= limit) {
                        out.truncated = true;
                        return false;
                    }
                    out.rows.push_back(e);
                    return !ctx.isCancelled();
                });
            if (!st.ok()) out.error = st.error();
            return out;
        },
        [this, timer](Loaded l) {
            if (l.error) {
                emit loadFailed(errorText(tr("Listing uncommitted changes of %1").arg(m_branch), *l.error));
                return;
            }
            beginResetModel();
            m_rows = std::move(l.rows);
            m_truncated = l.truncated;
            endResetModel();
            const qint64 ms = timer.elapsed();
            qCInfo(lcUncommitted).noquote() << "view ready: uncommitted" << m_rows.size() << "rows in" << ms << "ms";
            emit loaded(int(m_rows.size()), ms);
        });
}

int UncommittedModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int UncommittedModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : NUM_COLUMNS; }

QVariant UncommittedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const DiffEntry& e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChangeColumn: return QString::fromLatin1(diffTypeName(e.type));
        case PathColumn: return qs(e.path);
        case SizeColumn: return e.size_bytes ? QLocale().formattedDataSize(*e.size_bytes) : QString();
        }
        return {};
    case Qt::ToolTipRole: return qs(e.path);
    case PathRole: return qs(e.path);
    case TypeRole: return int(e.type);
    }
    return {};
}

QVariant UncommittedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case ChangeColumn: return tr("Change");
    case PathColumn: return tr("Path");
    case SizeColumn: return tr("Size");
    }
    return {};
}

} // namespace lakeside
