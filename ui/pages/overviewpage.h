// SPDX-License-Identifier: Apache-2.0
#pragma once
// Overview tab: a repository at a glance (default branch, counts, latest
// commits) with two charts fed by table models in model/: commit activity
// over time and objects per branch.

#include <QWidget>

#include <memory>

namespace lakeside {
class Backend;
class TaskCenter;
}

namespace lakeside::ui {

class MessageBar;

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    OverviewPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent = nullptr);
    ~OverviewPage() override;

    void refresh();
    MessageBar* messageBar() const { return m_messages; }

private:
    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    TaskCenter* m_tasks;
    MessageBar* m_messages;
};

} // namespace lakeside::ui
