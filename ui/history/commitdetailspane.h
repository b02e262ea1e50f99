// SPDX-License-Identifier: Apache-2.0
#pragma once
// The commit-details side of the History tab: id (with a copy button),
// parents as links (activating one asks the page to select that commit),
// committer, date, full message, metadata table, and the objects changed
// against the first parent (paged two-dot diff).
//
// showCommit() reads the commit in a job; the newest call wins: a result for
// any earlier request is dropped, even when the newest one asks for the commit
// already on screen (then commitShown is emitted at once). GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace lakeside {
class CommitChangesModel;
}

namespace lakeside::ui {

class CommitDetailsPane : public QWidget {
    Q_OBJECT
public:
    CommitDetailsPane(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    void showCommit(const QString& id);
    void clear();

    QString commitId() const { return m_id; }
    // A requested commit is still being read (its result will replace the shown one).
    bool isLoading() const { return m_tracker.isRunning(); }
    QStringList parents() const { return m_parents; }
    QLabel* idLabel() const { return m_idLabel; }
    QLabel* parentsLabel() const { return m_parentsLabel; }
    QLabel* committerLabel() const { return m_committer; }
    QPlainTextEdit* messageView() const { return m_message; }
    QTableWidget* metadataTable() const { return m_metadata; }
    CommitChangesModel* changesModel() const { return m_changes; }
    QToolButton* copyButton() const { return m_copy; }

signals:
    void commitShown(const QString& id);
    void parentActivated(const QString& id);
    void errorOccurred(const QString& message);

private:
    void fill(const Commit& c);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    JobTracker m_tracker{this};
    QString m_requested; // the id of the newest showCommit()
    QString m_id;        // the commit on screen
    QStringList m_parents;
    QLabel* m_title;
    QLabel* m_idLabel;
    QToolButton* m_copy;
    QLabel* m_parentsLabel;
    QLabel* m_committer;
    QLabel* m_date;
    QPlainTextEdit* m_message;
    QTableWidget* m_metadata;
    CommitChangesModel* m_changes;
    QTreeView* m_changesView;
};

} // namespace lakeside::ui
