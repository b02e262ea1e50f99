// SPDX-License-Identifier: Apache-2.0
#pragma once
// Objects tab: time travel through the objects of any ref, previews, export,
// upload by drag and drop, and the uncommitted changes of a branch with
// commit and reset.

#include <QWidget>

#include <memory>

namespace lakeside {
class Backend;
class TaskCenter;
}

namespace lakeside::ui {

class MessageBar;

class ObjectsPage : public QWidget {
    Q_OBJECT
public:
    ObjectsPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent = nullptr);
    ~ObjectsPage() override;

    void refresh();
    // Asks for files and uploads them to the current branch.
    void chooseUpload();
    void openCommitDialog();
    MessageBar* messageBar() const { return m_messages; }

private:
    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    TaskCenter* m_tasks;
    MessageBar* m_messages;
};

} // namespace lakeside::ui
