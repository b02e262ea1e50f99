// SPDX-License-Identifier: Apache-2.0
#pragma once
// Objects tab: time travel through the objects of any ref (a branch, a tag,
// or a typed commit id / expression such as main~3), with previews, export
// to disk, upload by drag and drop onto a branch, and — on a branch — its
// uncommitted changes with Commit and Reset.
//
// Every backend call runs as a job; uploads and exports appear in the status
// bar (TaskCenter) with progress and Cancel. Errors appear in the page's
// message bar.

#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "jobs/jobtracker.h"

class QComboBox;
class QLabel;
class QSplitter;
class QToolButton;
class QTreeView;

namespace lakeside {
class Backend;
class ObjectTreeModel;
class TaskCenter;
class UncommittedModel;
}

namespace lakeside::ui {

class MessageBar;
class PreviewPane;
class UncommittedPanel;

class ObjectsPage : public QWidget {
    Q_OBJECT
public:
    ObjectsPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent = nullptr);
    ~ObjectsPage() override;

    // Reloads refs, the tree and the uncommitted changes.
    void refresh();
    // Shows the objects at `ref` (branch, tag, commit id or expression).
    void setRef(const QString& ref);
    QString ref() const { return m_ref; }
    bool isBranch() const;

    // Asks for files and uploads them to the current branch.
    void chooseUpload();
    void openCommitDialog();
    // Exports the selected objects/folders after asking for a folder.
    void chooseExport();

    // The operations behind the buttons, callable directly (tests, drops).
    void uploadPaths(const QStringList& localPaths, const QString& destPrefix);
    void exportKeys(const QStringList& keys, const QString& folder);
    void commit(const QString& message, const std::map<std::string, std::string>& metadata);
    void resetPaths(const QStringList& paths); // empty: reset everything

    MessageBar* messageBar() const { return m_messages; }
    QComboBox* refCombo() const { return m_refCombo; }
    QLabel* refInfo() const { return m_refInfo; }
    QTreeView* treeView() const { return m_tree; }
    ObjectTreeModel* objectModel() const { return m_objects; }
    PreviewPane* preview() const { return m_preview; }
    UncommittedModel* uncommittedModel() const { return m_uncommitted; }
    UncommittedPanel* uncommittedPanel() const { return m_uncommittedPanel; }
    QStringList selectedKeys() const;

signals:
    void refsChanged();
    void uploadFinished(int files, bool ok);
    void exportFinished(int files, const QStringList& refused, bool ok);
    void committed(const QString& commitId);
    void resetFinished(bool ok);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void loadRefs();
    void reloadContent();
    void confirmResetAll();
    QString dropFolderAt(const QPoint& viewportPos) const;
    // A status-bar task whose Cancel cancels `job`, ends the task and runs `onCancel`.
    int beginTask(const QString& title, JobTracker& job, std::function<void()> onCancel);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_ref;
    QString m_defaultBranch;
    QStringList m_branches;
    QStringList m_tags;
    TaskCenter* m_tasks;
    MessageBar* m_messages;
    QComboBox* m_refCombo;
    QLabel* m_refInfo;
    QToolButton* m_uploadButton;
    QToolButton* m_exportButton;
    QTreeView* m_tree;
    ObjectTreeModel* m_objects;
    PreviewPane* m_preview;
    UncommittedModel* m_uncommitted;
    UncommittedPanel* m_uncommittedPanel;
    QSplitter* m_vsplit;
    JobTracker m_refsJob;
    JobTracker m_infoJob;
    JobTracker m_uploadJob;
    JobTracker m_exportJob;
    JobTracker m_writeJob; // commit and reset
};

} // namespace lakeside::ui
