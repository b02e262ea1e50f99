// SPDX-License-Identifier: Apache-2.0
#pragma once
// The commit log as a lazily loaded table: rows arrive page by page through
// canFetchMore()/fetchMore(), each page read in a background job (LogMerger
// over the Backend) and laid out into graph lanes as it arrives.
//
// Rows are stored compactly (id, summary line, committer, date), so a view
// can scroll through a million commits; full commits (metadata, parents) are
// read on demand by the details pane. Delegates read only the roles below.
//
// Thread safety: a QObject living on the GUI thread; all methods must be
// called there. Backend calls happen only inside JobTracker jobs.

#include "api/backend.h"
#include "graphlayout.h"
#include "graphrow.h"
#include "idindex.h"
#include "jobs/jobtracker.h"
#include "reflabel.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>

#include <memory>

namespace lakeside {

class LogMerger;

class CommitLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { Graph, Message, Committer, Date, Id, NUM_COLUMNS };
    enum Roles {
        CommitIdRole = Qt::UserRole + 1, // QString, full id
        SummaryRole,                     // QString, first line of the message
        CommitterRole,                   // QString
        DateRole,                        // qint64, unix seconds
        GraphRole,                       // lakeside::GraphRow (nodeLane -1 when the graph is off)
        RefsRole,                        // QList<lakeside::RefLabel> pointing at this commit
    };

    explicit CommitLogModel(QObject* parent = nullptr);
    ~CommitLogModel() override;

    // Starts over: drops all rows and reads the log of `heads` (merged) from
    // the start. `params` filters (objects/prefixes, first_parent); the graph
    // is drawn only without a path filter, since a filtered log hides parents.
    void load(std::shared_ptr<Backend> backend, const QString& repo, const QStringList& heads,
              const LogParams& params = {});
    // Labels for commits (branches and tags); repaints the rows concerned.
    void setRefLabels(const QHash<QString, QList<RefLabel>>& labels);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;

    // Row of a loaded commit (full id or unique prefix of a loaded id), or -1.
    int rowOf(const QString& id) const;
    QString commitId(int row) const;
    // Loads pages until `id` is loaded, then emits commitLocated(row);
    // emits commitLocated(-1) when the log ends without it.
    void locate(const QString& id);
    bool isFetching() const { return m_pagePending; }
    bool graphEnabled() const { return m_graph; }
    int laneCount() const { return m_layout.laneCount(); }
    const GraphLayout& layout() const { return m_layout; }
    // Rows per page: the first page is small so the first screen comes quickly.
    void setPageSizes(int first, int next);

signals:
    // After each page; `elapsedMs` since load(). `first` for the first page.
    void pageLoaded(int rows, qint64 elapsedMs, bool first);
    void loadFinished(int rows);
    void laneCountChanged(int lanes);
    void commitLocated(int row);
    void errorOccurred(const QString& message);

private:
    struct PageResult {
        std::vector<Commit> commits;
        std::optional<Error> error;
        bool atEnd = false;
    };
    void appendPage(PageResult page);
    QString text(int row, int part) const; // 0 id, 1 summary
    int internCommitter(const std::string& name);

    JobTracker m_tracker{this};
    std::shared_ptr<LogMerger> m_merger;
    bool m_atEnd = true;
    bool m_failed = false;
    bool m_graph = true;
    int m_firstPage = 200;
    int m_nextPage = 2000;
    QElapsedTimer m_clock;
    QString m_locating;
    bool m_inserting = false;
    bool m_pagePending = false; // from fetchMore() until its page is appended
    quint64 m_loadSerial = 0;

    // Compact rows: text arena with "id\nsummary" per row between offsets.
    std::string m_text;
    std::vector<uint32_t> m_textOffsets{0};
    std::vector<int64_t> m_dates;
    std::vector<uint32_t> m_committerOf;
    QStringList m_committers;
    QHash<QString, int> m_committerIndex;
    IdIndex m_index;
    GraphLayout m_layout;
    QHash<QString, QList<RefLabel>> m_labels;
};

} // namespace lakeside

Q_DECLARE_METATYPE(lakeside::GraphRow)
