// SPDX-License-Identifier: Apache-2.0
#pragma once
// The review screen's Checks tab: the result of the latest pre-merge action
// run for the source's current head (or that none ran yet), its hooks and
// the selected hook's log. A failed run selects its first failed hook, so
// the reason is on screen without a click.
// Thread safety: GUI thread only.

#include "reviews/mergegate.h"
#include "reviews/reviewsnapshot.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace lakeside::reviews {
class HookRunListModel;
}

namespace lakeside::ui {

class ChecksPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPanel(QWidget* parent = nullptr);

    void setCheckRun(const std::optional<reviews::CheckRun>& run, const QString& sourceBranch,
                     const QString& sourceHead);
    reviews::CheckState state() const { return m_state; }
    // "action / hook" of the first failed hook, when state() is Failed.
    QString failedHook() const { return m_failedHook; }
    // One word for the tab title: "passed", "failed" or "not run yet".
    QString summary() const;
    reviews::HookRunListModel* model() const { return m_model; }

private:
    void showLog(int row);

    reviews::HookRunListModel* m_model;
    reviews::CheckState m_state = reviews::CheckState::NotRun;
    QString m_failedHook;
    QLabel* m_summary;
    QTreeView* m_view;
    QPlainTextEdit* m_log;
};

} // namespace lakeside::ui
