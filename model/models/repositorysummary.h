// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Overview tab shows about one repository, gathered in one job:
// counts, the latest commits of the default branch, commits per day (or per
// week for long histories) and the number of objects on each branch.
// Object counts stop at `objectCap` per branch (marked capped) so a huge
// repository does not stall the overview.
//
// loadRepositorySummary is a pure function over the Backend: run it off the
// UI thread. The two table models are UI-thread only.

#include <QAbstractTableModel>
#include <QDate>
#include <QString>
#include <QVector>

#include "api/backend.h"

namespace lakeside {

struct RepositorySummary {
    Repository repo;
    int branches = 0;
    int tags = 0;
    int commits = 0;        // on the default branch, up to historyCap
    bool commitsCapped = false;
    std::vector<Commit> latest; // newest first, up to 8
    struct Bucket {
        QDate start;
        int commits = 0;
    };
    QVector<Bucket> activity; // consecutive buckets, oldest first, gaps filled with 0
    bool weekly = false;
    struct BranchCount {
        QString branch;
        qint64 objects = 0;
        bool capped = false;
    };
    QVector<BranchCount> objectsPerBranch;
    std::optional<Error> error;
};

struct SummaryLimits {
    int historyCap = 5000;
    qint64 objectCap = 100000;
    int maxBranches = 12; // bars in the chart
};

RepositorySummary loadRepositorySummary(Backend& backend, const std::string& repo, const SummaryLimits& limits,
                                        const OpContext& ctx);

// Columns: start of the bucket (msecs since epoch, as a chart's x), commits.
class CommitActivityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { TimeColumn, CommitsColumn, NUM_COLUMNS };
    explicit CommitActivityModel(QObject* parent = nullptr);
    void setActivity(const QVector<RepositorySummary::Bucket>& buckets, bool weekly);
    bool weekly() const { return m_weekly; }
    int maxCommits() const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<RepositorySummary::Bucket> m_buckets;
    bool m_weekly = false;
};

// Columns: branch, objects.
class BranchObjectsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { BranchColumn, ObjectsColumn, NUM_COLUMNS };
    explicit BranchObjectsModel(QObject* parent = nullptr);
    void setCounts(const QVector<RepositorySummary::BranchCount>& counts);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<RepositorySummary::BranchCount> m_counts;
};

} // namespace lakeside
