// SPDX-License-Identifier: Apache-2.0
#pragma once
// Opens the embedded workspace off the UI thread and, on first start
// (directory absent or empty), fills it with the demo data products so a new
// user has something to look at. Reports through signals on the UI thread.
//
// The GUI only ever sees the resulting Backend; which kind it is stays here.
// When lakeside_review is built, the engine is wrapped in a ReviewBackend, so
// the workspace has review requests, pre-merge checks and branch protection.

#include <QObject>
#include <QString>

#include <memory>

#include "api/backend.h"
#include "jobs/jobtracker.h"

namespace lakeside {

class WorkspaceLoader : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceLoader(QObject* parent = nullptr);

    // True when `dir` does not exist or holds no entries.
    static bool isFirstStart(const QString& dir);

    // Opens `dir` as `userName`; creates it and the demo data when isFirstStart().
    void start(const QString& dir, const QString& userName);
    void cancel() { m_job.cancel(); }
    bool isRunning() const { return m_job.isRunning(); }

signals:
    void progress(qint64 done, qint64 total);
    // `demoCreated`: the workspace was new and now holds the demo products.
    void ready(std::shared_ptr<lakeside::Backend> backend, bool demoCreated);
    void failed(const QString& message);

private:
    JobTracker m_job;
};

} // namespace lakeside
