// SPDX-License-Identifier: Apache-2.0
#pragma once
// The History tab: a drawn commit graph of one ref or of all branches
// (`git log --graph --branches`), loaded lazily page by page, with branch and
// tag labels; a details pane for the selected commit; a filter by message,
// committer or path; and the operations on a commit (context menu).
//
// Everything the backend does runs in jobs; errors show inline in the
// page's message bar and are also emitted. GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QMenu;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace lakeside {
class CommitLogModel;
}

namespace lakeside::ui {

class CommitDetailsPane;
class GraphDelegate;
class HistoryActions;
class MessageBar;

class HistoryPage : public QWidget {
    Q_OBJECT
public:
    enum class FilterMode { Text, Path };

    HistoryPage(std::shared_ptr<lakeside::Backend> backend, const QString& repo, QWidget* parent = nullptr);
    ~HistoryPage() override;

    QString ref() const; // empty = all branches
    CommitLogModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    CommitDetailsPane* details() const { return m_details; }
    MessageBar* messageBar() const { return m_messages; }
    QComboBox* refCombo() const { return m_refCombo; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* filterModeCombo() const { return m_filterMode; }
    HistoryActions* actions() const { return m_actions; }
    // The context menu the view would show for `row` (of the view's model), not yet shown.
    QMenu* contextMenuForRow(int row);
    // Selects the commit, loading further pages until it appears.
    void selectCommit(const QString& id);
    QString selectedCommit() const;

public slots:
    // A branch, tag or commit; empty or "*" shows all branches.
    void setRef(const QString& ref);
    void reload();

signals:
    void compareRequested(const QString& leftRef, const QString& rightRef);
    void refsChanged();
    void statusMessage(const QString& message);
    void errorOccurred(const QString& message);
    // After the first page of each load is on screen (used by tests and the benchmark).
    void viewReady(int rows, qint64 elapsedMs);

private:
    struct RefsLoaded;
    void applyRefs(const RefsLoaded& refs);
    void loadLog();
    void applyFilter();
    void useProxy(bool on);
    void onCurrentChanged(const QModelIndex& current);
    void onCommitLocated(int row);
    // Makes `id` current in whatever model the view shows; else the first row; else clears the pane.
    void restoreCurrent(const QString& id);
    QModelIndex viewIndexOf(const QString& id) const;
    void showError(const QString& message);
    void updateGraphColumn(int lanes);
    void showContextMenu(const QPoint& pos);

    std::shared_ptr<lakeside::Backend> m_backend;
    QString m_repo;
    QString m_ref;
    QString m_defaultBranch;
    QStringList m_branches;
    JobTracker m_refsTracker{this};
    QElapsedTimer m_clock;
    QString m_pendingSelect;      // to select once the model has loaded it
    bool m_pendingExplicit = false; // asked for (parent link, selectCommit): say so when absent

    CommitLogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    MessageBar* m_messages;
    QComboBox* m_refCombo;
    QComboBox* m_filterMode;
    QLineEdit* m_filter;
    QToolButton* m_newBranch;
    QToolButton* m_reload;
    QTableView* m_view;
    GraphDelegate* m_graphDelegate;
    CommitDetailsPane* m_details;
    HistoryActions* m_actions;
    QMenu* m_menu = nullptr;
};

} // namespace lakeside::ui
