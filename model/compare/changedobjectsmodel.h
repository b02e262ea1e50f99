// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Compare tab's changed-objects list: one row per DiffEntry.
//
// Lazily paged: setSource() reads the first page in a background job, and
// further pages are read only when a view asks (canFetchMore()/fetchMore(),
// e.g. as the list scrolls to its end), each in a job with keyset paging
// (`after` = the previous page's next_offset). A very long diff thus shows
// its first screen after one page and never holds more than was scrolled to.
// A page that brings no rows but has more is followed at once (a view would
// not ask again). appendPage() feeds rows directly (tests, small lists).
//
// Columns: path, change ("added", "removed", "changed"), old size, new size.
// ForegroundColorRole colours rows by change type; ChangeTypeRole gives the
// lakeside::DiffType as int, PathRole the full key, BytesRole the bytes changed
// (|new - old|, or the whole size for added/removed).
//
// Thread safety: GUI thread only (an item model). The fetcher runs on the
// thread pool and must only use its arguments and what it captured.

#include "api/status.h"
#include "api/types.h"
#include "jobs/jobtracker.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace lakeside::compare {

class ChangedObjectsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, ChangeColumn, OldSizeColumn, NewSizeColumn, ColumnCount };
    // ForegroundColorRole: a colour name ("#rrggbb"); this library is QtCore-only,
    // so views map it to Qt::ForegroundRole (ui/compare/colorroleproxy.h).
    enum Role { ChangeTypeRole = Qt::UserRole + 1, PathRole, BytesRole, ForegroundColorRole };

    // Reads one page: entries after `after` (empty: from the start), at most `amount`.
    using PageFetcher =
        std::function<Result<Page<DiffEntry>>(const std::string& after, int amount, const OpContext& ctx)>;

    explicit ChangedObjectsModel(QObject* parent = nullptr);

    // Drops all rows and any page in flight; no source afterwards.
    void clear();
    // Starts over with `fetcher`: clears, then reads the first page.
    void setSource(PageFetcher fetcher, int pageSize = 1000);
    // Stops the page in flight (the list stays incomplete until fetchMore()).
    void cancel();
    void appendPage(const std::vector<DiffEntry>& entries);
    bool isComplete() const { return !m_hasMore; }
    bool isFetching() const { return m_pending; }
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;
    const DiffEntry& entry(int row) const { return m_entries[size_t(row)]; }
    int count(DiffType type) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatSize(std::optional<int64_t> bytes);

signals:
    // After each page read through the fetcher; `complete` when it was the last.
    void pageLoaded(int rows, bool complete);
    void fetchingChanged(bool fetching);
    void errorOccurred(const QString& message);

private:
    void setPending(bool pending);

    std::vector<DiffEntry> m_entries;
    JobTracker m_tracker{this};
    PageFetcher m_fetcher;
    int m_pageSize = 1000;
    std::string m_after;
    bool m_hasMore = false;
    bool m_pending = false;
};

} // namespace lakeside::compare
