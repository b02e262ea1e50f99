// SPDX-License-Identifier: Apache-2.0
#pragma once
// The operations offered on a commit of the History tab: create a branch or
// tag here, hard-reset a branch to it, revert it or cherry-pick it onto a
// branch, compare it with a ref, copy its id. Each opens a (window-modal,
// non-blocking) dialog, then runs the backend call as a job; success emits
// refsChanged() and statusMessage(), failure errorOccurred() with the
// backend's message (shown inline by the page).
//
// GUI thread only.

#include "api/backend.h"
#include "dialogs/createrefdialog.h"
#include "jobs/jobtracker.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QMenu;
class QWidget;

namespace lakeside::ui {

class HistoryActions : public QObject {
    Q_OBJECT
public:
    HistoryActions(std::shared_ptr<Backend> backend, const QString& repo, QWidget* dialogParent);

    // Names offered in dialogs and the compare menu; `preferredBranch` is preselected.
    void setRefs(const QStringList& branches, const QStringList& tags, const QString& defaultBranch);
    void setPreferredBranch(const QString& branch) { m_preferred = branch; }

    // Adds the commit's actions to `menu` (object names: createBranchHere, tagCommit,
    // resetBranchHere, revertCommit, cherryPickCommit, compareWith, copyCommitId).
    void populateMenu(QMenu* menu, const QString& id, int parentCount);

    void createBranch(const QString& source);
    void createTag(const QString& source);
    void resetBranch(const QString& id);
    void revert(const QString& id, int parentCount);
    void cherryPick(const QString& id, int parentCount);
    void copyId(const QString& id);

signals:
    void refsChanged();
    void statusMessage(const QString& message);
    void errorOccurred(const QString& message);
    void compareRequested(const QString& leftRef, const QString& rightRef);

private:
    void createRef(CreateRefDialog::Kind kind, const QString& source);
    // `op` runs off the GUI thread and returns an error message or "".
    void run(JobTracker& tracker, std::function<std::string(Backend&)> op, const QString& success);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QWidget* m_dialogParent;
    QStringList m_branches;
    QStringList m_tags;
    QString m_defaultBranch;
    QString m_preferred;
    JobTracker m_createTracker{this};
    JobTracker m_resetTracker{this};
    JobTracker m_revertTracker{this};
    JobTracker m_pickTracker{this};
};

} // namespace lakeside::ui
