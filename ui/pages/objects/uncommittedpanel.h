// SPDX-License-Identifier: Apache-2.0
#pragma once
// The bottom of the Objects tab when a branch is shown: its uncommitted
// changes, with Commit…, Reset Selected and Reset All. The panel only
// emits requests; ObjectsPage runs them.

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace lakeside {
class UncommittedModel;
}

namespace lakeside::ui {

class UncommittedPanel : public QWidget {
    Q_OBJECT
public:
    explicit UncommittedPanel(UncommittedModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QPushButton* commitButton() const { return m_commit; }
    QPushButton* resetSelectedButton() const { return m_resetSelected; }
    QPushButton* resetAllButton() const { return m_resetAll; }
    QStringList selectedPaths() const;

signals:
    void commitRequested();
    void resetAllRequested();
    void resetSelectedRequested(const QStringList& paths);

private:
    void update();
    UncommittedModel* m_model;
    QLabel* m_title;
    QTreeView* m_view;
    QPushButton* m_commit;
    QPushButton* m_resetSelected;
    QPushButton* m_resetAll;
};

} // namespace lakeside::ui
