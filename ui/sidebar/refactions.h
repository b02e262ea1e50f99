// SPDX-License-Identifier: Apache-2.0
#pragma once
// Carries out the sidebar's branch and tag requests: asks (dialog or
// confirmation, opened window-modal without a nested event loop), runs the
// backend call as a job, reports failures in the window's message bar and
// reloads the connection on success.
//
// The default branch is never deleted: the request is refused before any
// confirmation is shown (the backend would answer Forbidden anyway).

#include <QObject>

#include <memory>

#include "api/status.h"
#include "jobs/jobtracker.h"

class QWidget;

namespace lakeside {
class ConnectionTreeModel;
}

namespace lakeside::ui {

class MessageBar;

class RefActions : public QObject {
    Q_OBJECT
public:
    RefActions(ConnectionTreeModel* model, MessageBar* messages, QWidget* dialogParent);
    ~RefActions() override;

    void createBranch(int connection, const QString& repo, const QString& source);
    void createTag(int connection, const QString& repo, const QString& source);
    void deleteBranch(int connection, const QString& repo, const QString& branch);
    void deleteTag(int connection, const QString& repo, const QString& tag);
    void resetBranch(int connection, const QString& repo, const QString& branch);
    // "Merge into…": a window-modal dialog (object name "mergeDialog") with the
    // destination branch (the default branch preselected; combo "mergeDestination"),
    // the strategy for conflicts ("mergeStrategy") and the commit message
    // ("mergeMessage"); OK runs Backend::merge as a job. A conflict lists the
    // conflicting paths in the message bar; nothing is changed then.
    void mergeBranch(int connection, const QString& repo, const QString& source);

signals:
    // A ref of this repository was created, moved or deleted.
    void refsChanged(int connection, const QString& repo);
    // A branch or tag was created (used to select it in the sidebar).
    void refCreated(int connection, const QString& repo, const QString& name);
    // A merge succeeded; `commit` is the new commit on `destination`.
    void merged(int connection, const QString& repo, const QString& destination, const QString& commit);

private:
    QStringList refNames(int connection, const QString& repo) const;
    void finish(int connection, const QString& repo, const QString& doing, const Status& st);
    ConnectionTreeModel* m_model;
    MessageBar* m_messages;
    QWidget* m_parent;
    JobTracker m_createJob;
    JobTracker m_deleteJob;
    JobTracker m_resetJob;
    JobTracker m_mergeJob;
};

} // namespace lakeside::ui
