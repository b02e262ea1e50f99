// SPDX-License-Identifier: Apache-2.0
#pragma once
// Base of the review tables that list one Backend collection page by page
// (lakeFS `after`/`amount` paging): the first page loads on refresh(), the
// next one only when a view asks (canFetchMore/fetchMore), one request at a
// time, in a job whose late result is dropped after a refresh. A subclass
// holds its rows and says how to fetch one page (loadPage → fetchPage).
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <string>
#include <vector>

#include "api/types.h"
#include "jobs/jobtracker.h"
#include "session/qtconvert.h"

namespace lakeside::reviews {

class PagedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit PagedTableModel(QObject* parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    // Drops the rows and loads the first page (nothing without a source).
    void refresh();
    bool isLoading() const { return m_job.isRunning(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // A page arrived (the model may hold more pages).
    void loaded();
    void loadFailed(const QString& message);

protected:
    // Starts the request for the page after `after` (empty: the first page),
    // usually by calling fetchPage. Only called when hasSource().
    virtual void loadPage(const std::string& after) = 0;
    virtual bool hasSource() const = 0;
    virtual int storedRows() const = 0;
    // Forgets every row (inside a model reset).
    virtual void clearRows() = 0;

    ListParams pageParams(const std::string& after) const;

    // Runs `fetch(const OpContext&) -> Result<Page<T>>` in the job; on success
    // appends the results that `keep(const T&)` accepts to `rows` (with
    // beginInsertRows), on failure emits loadFailed("failText: reason").
    template <class T, class Fetch, class Keep>
    void fetchPage(Fetch&& fetch, std::vector<T>& rows, const QString& failText, Keep keep)
    {
        m_job.start(std::forward<Fetch>(fetch), [this, &rows, failText, keep](Result<Page<T>> page) {
            if (!page.ok()) {
                m_hasMore = false;
                emit loadFailed(errorText(failText, page.error()));
                return;
            }
            m_hasMore = page->has_more && !page->next_offset.empty();
            m_next = page->next_offset;
            std::vector<T> kept;
            for (T& item : page->results)
                if (keep(item)) kept.push_back(std::move(item));
            if (!kept.empty()) {
                const int first = int(rows.size());
                beginInsertRows({}, first, first + int(kept.size()) - 1);
                for (T& item : kept) rows.push_back(std::move(item));
                endInsertRows();
            }
            emit loaded();
        });
    }

private:
    bool m_hasMore = false;
    std::string m_next;
    int m_pageSize = 100;
    JobTracker m_job{this};
};

} // namespace lakeside::reviews
