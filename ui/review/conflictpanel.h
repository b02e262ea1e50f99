// SPDX-License-Identifier: Apache-2.0
#pragma once
// The review screen's Conflicts tab: every path the merge would conflict on,
// with the reviewer's per-path choice (take source / take destination), and
// the selected path side by side: what the destination changed since the
// merge base next to what the source changed (table, text or other diff,
// computed in a job; a newer selection drops the older result).
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTreeView;

namespace lakeside::reviews {
class ConflictListModel;
}

namespace lakeside::ui {

class ObjectDiffView;

class ConflictPanel : public QWidget {
    Q_OBJECT
public:
    ConflictPanel(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    reviews::ConflictListModel* model() const { return m_model; }
    // The commits the side-by-side diffs compare (from the review snapshot).
    void setCommits(const std::string& base, const std::string& source, const std::string& destination);
    // A note above the list (e.g. why conflicts could not be computed).
    void setNote(const QString& note);
    ObjectDiffView* destinationView() const { return m_destinationView; }
    ObjectDiffView* sourceView() const { return m_sourceView; }

signals:
    // Both side-by-side diffs of the selected path are on screen.
    void sidesShown(const QString& path);

private:
    void openRow(int row);
    void resolveSelected(MergeStrategy side);
    void updateSummary();

    std::shared_ptr<Backend> m_backend;
    std::string m_repo, m_base, m_source, m_destination;
    reviews::ConflictListModel* m_model;
    QLabel* m_summary;
    QLabel* m_note;
    QTreeView* m_view;
    QPushButton* m_takeSource;
    QPushButton* m_takeDestination;
    QPushButton* m_unresolve;
    ObjectDiffView* m_destinationView;
    ObjectDiffView* m_sourceView;
    JobTracker m_job{this};
};

} // namespace lakeside::ui
