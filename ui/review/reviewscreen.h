// SPDX-License-Identifier: Apache-2.0
#pragma once
// One review request: a header (title, status, source → destination,
// author, description) over four tabs: Changes (what the merge would bring,
// the Compare tab's three-dot diff of destination...source with object, text
// and table diffs), Conflicts (per-path resolution, side by side), Checks
// (the pre-merge run on the source's current head with each hook's log) and
// Approvals (approve / request changes). The merge bar offers a strategy and
// squash; Merge is enabled only as reviews::evaluateMergeGate allows and a
// label says why not.
// Every backend call runs in a JobTracker; a reload replaces the whole
// snapshot, so all tabs describe the same moment.
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"
#include "reviews/mergegate.h"
#include "reviews/reviewsnapshot.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace lakeside::ui {

class ChecksPanel;
class ComparePage;
class ConflictPanel;
class ReviewPanel;

class ReviewScreen : public QWidget {
    Q_OBJECT
public:
    ReviewScreen(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    QString pullId() const { return m_id; }
    const reviews::ReviewSnapshot& snapshot() const { return m_snapshot; }
    ComparePage* comparePage() const { return m_compare; }
    ConflictPanel* conflictPanel() const { return m_conflicts; }
    ChecksPanel* checksPanel() const { return m_checks; }
    ReviewPanel* reviewPanel() const { return m_reviews; }
    QTabWidget* tabs() const { return m_tabs; }

public slots:
    void openPull(const QString& id);
    void reload();

signals:
    // A snapshot of the request is on screen.
    void loaded();
    // The request changed (review added, merged, closed): lists should reload.
    void pullChanged(const QString& id);
    // A merge moved the destination branch.
    void refsChanged();
    // A merge attempt finished; `message` is what the screen shows.
    void mergeFinished(bool ok, const QString& message);

private:
    void apply(reviews::ReviewSnapshot snapshot);
    void updateGate();
    void merge();
    void submitReview(ReviewVerdict verdict, const QString& comment);
    void closeRequest();
    void showMessage(const QString& text, bool error);
    void setBusy(bool busy);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_id;
    reviews::ReviewSnapshot m_snapshot;
    // Derived from m_snapshot.reviews once per load; the gate is re-evaluated
    // on every resolution or strategy change and needs no recount.
    reviews::ApprovalState m_approvals;
    std::vector<std::string> m_reportedConflicts; // from a refused merge (Error::conflicts)
    QString m_comparedPair;
    bool m_busy = false;

    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_branches;
    QLabel* m_author;
    QLabel* m_description;
    QLabel* m_message;
    QPushButton* m_reload;
    QPushButton* m_close;
    QTabWidget* m_tabs;
    ComparePage* m_compare;
    ConflictPanel* m_conflicts;
    ChecksPanel* m_checks;
    ReviewPanel* m_reviews;
    QComboBox* m_strategy;
    QCheckBox* m_squash;
    QLabel* m_gate;
    QPushButton* m_merge;

    JobTracker m_loadJob{this};
    JobTracker m_actionJob{this};
};

} // namespace lakeside::ui
