// SPDX-License-Identifier: Apache-2.0
#pragma once
// The list of long operations in flight (uploads, downloads, imports, large
// listings), so one place — the status bar — shows their progress and offers
// Cancel, whichever page started them.
//
// Thread safety: UI-thread only. Jobs report progress through JobTracker,
// which already delivers it on the context thread.

#include <QObject>
#include <QString>

#include <functional>
#include <map>

namespace lakeside {

class TaskCenter : public QObject {
    Q_OBJECT
public:
    explicit TaskCenter(QObject* parent = nullptr);

    // Registers a running task and returns its id (> 0). `cancel` is what
    // Cancel does; it must make the job stop and eventually call finish().
    int begin(const QString& title, std::function<void()> cancel);
    // total < 0: unknown (busy indicator).
    void progress(int id, qint64 done, qint64 total);
    void finish(int id);
    void cancel(int id);

    int activeCount() const { return int(m_tasks.size()); }
    // The most recently started task still running, or 0.
    int current() const;
    QString title(int id) const;

signals:
    void started(int id, const QString& title);
    void progressed(int id, qint64 done, qint64 total);
    void finished(int id);

private:
    struct Task {
        QString title;
        std::function<void()> cancel;
    };
    std::map<int, Task> m_tasks;
    int m_next = 1;
};

} // namespace lakeside
