// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Actions tab of a repository: action runs (pre-commit and pre-merge
// hooks, as lakeFS's /actions/runs) newest first with status, event, branch
// and commit, filterable by branch; selecting a run lists its hooks and
// selecting a hook shows its log. Runs load when the tab is first shown.
// Thread safety: GUI thread only.

#include "api/backend.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace lakeside::reviews {
class ActionRunListModel;
class HookRunListModel;
}

namespace lakeside::ui {

class ActionsPage : public QWidget {
    Q_OBJECT
public:
    ActionsPage(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    reviews::ActionRunListModel* runsModel() const { return m_runs; }
    reviews::HookRunListModel* hooksModel() const { return m_hooks; }
    QTreeView* runsView() const { return m_runsView; }
    QTreeView* hooksView() const { return m_hooksView; }

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showLog(int row);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    reviews::ActionRunListModel* m_runs;
    reviews::HookRunListModel* m_hooks;
    QLineEdit* m_branch;
    QPushButton* m_refresh;
    QLabel* m_message;
    QTreeView* m_runsView;
    QTreeView* m_hooksView;
    QPlainTextEdit* m_log;
    bool m_started = false;
};

} // namespace lakeside::ui
