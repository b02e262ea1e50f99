// SPDX-License-Identifier: Apache-2.0
#include "compare/changedobjectsmodel.h"

#include <QLocale>

namespace lakeside::compare {

namespace {
std::optional<int64_t> oldSize(const DiffEntry& e)
{
    if (e.type == DiffType::Added) return std::nullopt;
    if (e.type == DiffType::Removed) return e.left_size_bytes ? e.left_size_bytes : e.size_bytes;
    return e.left_size_bytes;
}
std::optional<int64_t> newSize(const DiffEntry& e)
{
    if (e.type == DiffType::Removed) return std::nullopt;
    return e.size_bytes;
}
} // namespace

ChangedObjectsModel::ChangedObjectsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ChangedObjectsModel::clear()
{
    m_tracker.cancel();
    m_fetcher = nullptr;
    m_after.clear();
    m_hasMore = false;
    setPending(false);
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void ChangedObjectsModel::setSource(PageFetcher fetcher, int pageSize)
{
    clear();
    m_fetcher = std::move(fetcher);
    m_pageSize = std::max(1, pageSize);
    m_hasMore = m_fetcher != nullptr;
    fetchMore();
}

void ChangedObjectsModel::cancel()
{
    m_tracker.cancel();
    setPending(false);
}

void ChangedObjectsModel::setPending(bool pending)
{
    if (m_pending == pending) return;
    m_pending = pending;
    emit fetchingChanged(pending);
}

bool ChangedObjectsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasMore && m_fetcher;
}

void ChangedObjectsModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || m_pending) return;
    setPending(true);
    // The tracker delivers from the event loop, never inside this call, so a
    // view or tester asking for more while rows are inserted is not re-entered.
    m_tracker.start([fetch = m_fetcher, after = m_after, amount = m_pageSize](const OpContext& ctx) {
        return fetch(after, amount, ctx);
    }, [this](Result<Page<DiffEntry>> page) {
        if (!page.ok()) {
            m_hasMore = false; // no retry loop from the view; a new comparison starts over
            setPending(false);
            emit errorOccurred(QString::fromStdString(page.error().message));
            return;
        }
        m_hasMore = page->has_more && !page->next_offset.empty();
        m_after = page->next_offset;
        appendPage(page->results);
        setPending(false);
        emit pageLoaded(rowCount(), !m_hasMore);
        if (page->results.empty() && m_hasMore) fetchMore();
    });
}

void ChangedObjectsModel::appendPage(const std::vector<DiffEntry>& entries)
{
    if (entries.empty()) return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.insert(m_entries.end(), entries.begin(), entries.end());
    endInsertRows();
}

int ChangedObjectsModel::count(DiffType type) const
{
    int n = 0;
    for (const DiffEntry& e : m_entries) n += e.type == type;
    return n;
}

int ChangedObjectsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ChangedObjectsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChangedObjectsModel::formatSize(std::optional<int64_t> bytes)
{
    if (!bytes) return QStringLiteral("—");
    return QLocale::system().formattedDataSize(*bytes);
}

QVariant ChangedObjectsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const DiffEntry& e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn: return QString::fromStdString(e.path);
        case ChangeColumn: return QString::fromLatin1(diffTypeName(e.type));
        case OldSizeColumn: return formatSize(oldSize(e));
        case NewSizeColumn: return formatSize(newSize(e));
        }
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 → %3")
            .arg(QString::fromStdString(e.path), formatSize(oldSize(e)), formatSize(newSize(e)));
    case ForegroundColorRole:
        switch (e.type) {
        case DiffType::Added: return QStringLiteral("#1a7f37");
        case DiffType::Removed: return QStringLiteral("#b31d28");
        case DiffType::Changed: return QStringLiteral("#9a6700");
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= OldSizeColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ChangeTypeRole: return int(e.type);
    case PathRole: return QString::fromStdString(e.path);
    case BytesRole: {
        const int64_t o = oldSize(e).value_or(0), n = newSize(e).value_or(0);
        return qint64(n > o ? n - o : o - n);
    }
    }
    return {};
}

QVariant ChangedObjectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case PathColumn: return tr("Path");
    case ChangeColumn: return tr("Change");
    case OldSizeColumn: return tr("Old size");
    case NewSizeColumn: return tr("New size");
    }
    return {};
}

} // namespace lakeside::compare
