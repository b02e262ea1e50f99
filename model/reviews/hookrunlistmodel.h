// SPDX-License-Identifier: Apache-2.0
#pragma once
// The hook runs of one action run with each hook's log (OutputRole): either
// given (setCheckRun, from a ReviewSnapshot) or loaded in a job (loadRun,
// for the Actions list). Hooks of a run are few (one per hook in the
// action files), so all of them and their logs are loaded at once.
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <memory>

#include "api/backend.h"
#include "jobs/jobtracker.h"
#include "reviews/reviewsnapshot.h"

namespace lakeside::reviews {

class HookRunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { StatusColumn, ActionColumn, HookColumn, HookRunIdColumn, NUM_COLUMNS };
    enum Roles { OutputRole = Qt::UserRole + 1, StatusRole, HookRunIdRole, ForegroundColorRole /* "#rrggbb" */ };

    explicit HookRunListModel(QObject* parent = nullptr);

    void setCheckRun(const CheckRun& run);
    void clear();
    // Loads the hooks of `runId` and their logs; emits loaded or loadFailed.
    void loadRun(std::shared_ptr<Backend> backend, const QString& repo, const QString& runId);
    QString runId() const { return QString::fromStdString(m_run.run.run_id); }
    // The first failed hook's row, or -1.
    int firstFailedRow() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString& message);

private:
    CheckRun m_run;
    JobTracker m_job{this};
};

} // namespace lakeside::reviews
