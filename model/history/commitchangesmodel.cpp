// SPDX-License-Identifier: Apache-2.0
#include "commitchangesmodel.h"

#include <QLocale>

namespace lakeside {

CommitChangesModel::CommitChangesModel(QObject* parent) : QAbstractTableModel(parent) {}

void CommitChangesModel::clear()
{
    m_tracker.cancel();
    ++m_serial;
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_pending = false;
    m_after.clear();
    endResetModel();
}

void CommitChangesModel::load(std::shared_ptr<Backend> backend, const QString& repo, const QString& parent,
                              const QString& commit)
{
    clear();
    m_backend = std::move(backend);
    m_repo = repo.toStdString();
    m_left = parent.toStdString();
    m_right = commit.toStdString();
    m_hasMore = !parent.isEmpty() && !commit.isEmpty();
    fetchMore();
}

int CommitChangesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CommitChangesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant CommitChangesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const DiffEntry& e = m_rows[static_cast<std::size_t>(index.row())];
    if (role == PathRole) return QString::fromStdString(e.path);
    if (role == DiffTypeRole) return static_cast<int>(e.type);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Type: return QString::fromLatin1(diffTypeName(e.type));
    case Path: return QString::fromStdString(e.path);
    case Size: return e.size_bytes ? QLocale().formattedDataSize(*e.size_bytes) : QString();
    default: return {};
    }
}

QVariant CommitChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Type: return tr("Change");
    case Path: return tr("Path");
    case Size: return tr("Size");
    default: return {};
    }
}

bool CommitChangesModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasMore;
}

void CommitChangesModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || m_pending) return;
    m_pending = true;
    DiffParams p;
    p.type = DiffKind::TwoDot;
    p.after = m_after;
    p.amount = 500;
    struct PageResult {
        std::optional<Page<DiffEntry>> page;
        std::string error;
    };
    m_tracker.start(
        [backend = m_backend, repo = m_repo, left = m_left, right = m_right, p](const OpContext&) {
            PageResult r;
            Result<Page<DiffEntry>> page = backend->diffRefs(repo, left, right, p);
            if (page.ok()) r.page = std::move(page.value());
            else r.error = page.error().message;
            return r;
        },
        [this, serial = m_serial](PageResult r) {
            auto shared = std::make_shared<PageResult>(std::move(r));
            // Appended from the event loop: never inside fetchMore() (see CommitLogModel).
            QMetaObject::invokeMethod(this, [this, serial, shared] {
                if (serial != m_serial) return;
                m_pending = false;
                if (!shared->page) {
                    m_hasMore = false;
                    emit errorOccurred(QString::fromStdString(shared->error));
                    return;
                }
                Page<DiffEntry>& page = *shared->page;
                m_hasMore = page.has_more;
                m_after = page.next_offset;
                if (!page.results.empty()) {
                    const int start = rowCount();
                    beginInsertRows({}, start, start + static_cast<int>(page.results.size()) - 1);
                    for (DiffEntry& e : page.results) m_rows.push_back(std::move(e));
                    endInsertRows();
                }
                emit pageLoaded(rowCount());
            }, Qt::QueuedConnection);
        });
}

} // namespace lakeside
