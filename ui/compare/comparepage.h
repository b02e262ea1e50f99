// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Compare tab: pick two refs (branches, tags, commit ids or expressions;
// or a branch against its uncommitted changes), list the changed objects with
// filters and charts, and open one object's diff chosen by content: tables
// (CSV/TSV/NDJSON/Parquet) as schema + row/cell diff with export, text as a
// line diff with intra-line highlights, anything else as size and checksum.
//
// Embedding: `new ComparePage(backend, repo, parent)`; call compare(left,
// right) to open a comparison (e.g. from the graph's "compare with…").
// Every backend call runs through a JobTracker (newest wins, cancellable);
// errors are shown inline and also emitted as errorOccurred. A table diff
// shows its rows while it runs (partial snapshots, queued to this thread and
// dropped once a newer object diff started or the job ended), with the
// progress bar and Cancel visible until it is done.
//
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"
#include "tabular/tablediffresult.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace lakeside::compare {
class ChangedObjectsFilter;
class ChangedObjectsModel;
class FolderRollupModel;
struct ObjectDiff;
}

namespace lakeside::ui {

class CompareSummary;
class TableDiffPane;
class TextDiffPane;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    ComparePage(std::shared_ptr<lakeside::Backend> backend, const QString& repo, QWidget* parent = nullptr);
    ~ComparePage() override;

    compare::ChangedObjectsModel* objectsModel() const { return m_objects; }
    // Rows per page of the changed-objects list (read as the list scrolls).
    void setPageSize(int rows);
    TableDiffPane* tablePane() const { return m_tablePane; }

public slots:
    // Compares leftRef (old) with rightRef (new) using the current two/three-dot choice.
    void compare(const QString& leftRef, const QString& rightRef);
    // The branch in the right-hand box against its uncommitted changes.
    void compareUncommitted(const QString& branch);
    void swapRefs();
    void refreshRefs();

signals:
    void errorOccurred(const QString& message);
    // The changed-objects list has loaded completely (a long list loads as
    // it scrolls, so this may come only when the user reaches its end).
    void comparisonFinished();
    // An object's diff is on screen.
    void objectDiffShown(const QString& path);

private:
    void startCompare();
    void startListing();
    void onPageLoaded(int rows, bool complete);
    void fillList();
    void openObject(const QModelIndex& proxyIndex);
    void runObjectDiff(const std::vector<std::string>& keyColumns);
    void showObjectDiff(const compare::ObjectDiff& diff);
    void showPartialTable(const tabular::TableDiffResult& partial);
    void showError(const QString& message);
    void setBusy(bool busy, const QString& what = {});

    std::shared_ptr<lakeside::Backend> m_backend;
    std::string m_repo;
    // The refs of the comparison on screen (left resolved to the branch head
    // for uncommitted changes).
    std::string m_left, m_right;
    bool m_uncommitted = false;
    DiffKind m_kind = DiffKind::ThreeDot;
    int m_openRow = -1;
    int m_pageSize = 1000;

    JobTracker m_refsJob{this};
    JobTracker m_diffJob{this};
    JobTracker m_objectJob{this};
    quint64 m_objectToken = 0; // the object diff whose partial tables are wanted

    QComboBox* m_leftBox;
    QComboBox* m_rightBox;
    QPushButton* m_swap;
    QCheckBox* m_uncommittedBox;
    QComboBox* m_dots;
    QPushButton* m_compareButton;
    QLabel* m_message;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QCheckBox* m_showAdded;
    QCheckBox* m_showRemoved;
    QCheckBox* m_showChanged;
    QLineEdit* m_prefix;
    QLineEdit* m_extension;
    QCheckBox* m_byFolder;
    QTreeView* m_folderList;
    QTreeView* m_list;
    CompareSummary* m_summary;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    TextDiffPane* m_textPane;
    TableDiffPane* m_tablePane;
    QLabel* m_binary;
    compare::ChangedObjectsModel* m_objects;
    compare::ChangedObjectsFilter* m_filter;
    compare::FolderRollupModel* m_rollup;
};

} // namespace lakeside::ui
