// SPDX-License-Identifier: Apache-2.0
#pragma once
// The status bar's progress area: the newest running task's title, a
// QProgressBar (busy until the first real progress value) and Cancel.
// Hidden while nothing runs.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace lakeside {
class TaskCenter;
}

namespace lakeside::ui {

class TaskStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskStatusWidget(TaskCenter* tasks, QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }
    QToolButton* cancelButton() const { return m_cancel; }
    QString title() const;

private:
    void showTask(int id);
    TaskCenter* m_tasks;
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    int m_shown = 0;
};

} // namespace lakeside::ui
