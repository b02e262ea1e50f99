// SPDX-License-Identifier: Apache-2.0
#pragma once
// One object's diff between two refs, shown by content with the Compare
// tab's panes: a table diff (TableDiffPane), a line diff (TextDiffPane) or,
// for anything else, sizes and checksums. The diff is computed by the owner
// (compare::computeObjectDiff in a job) and handed over with show().
// Thread safety: GUI thread only.

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace lakeside::compare {
struct ObjectDiff;
}

namespace lakeside::ui {

class TableDiffPane;
class TextDiffPane;

class ObjectDiffView : public QWidget {
    Q_OBJECT
public:
    explicit ObjectDiffView(const QString& title, QWidget* parent = nullptr);

    void showDiff(const compare::ObjectDiff& diff);
    void showMessage(const QString& text);
    // What is on screen: "table", "text", "other" or "message".
    QString shownKind() const;
    TextDiffPane* textPane() const { return m_text; }
    TableDiffPane* tablePane() const { return m_table; }

private:
    QLabel* m_title;
    QStackedWidget* m_stack;
    QLabel* m_message;
    TextDiffPane* m_text;
    TableDiffPane* m_table;
};

} // namespace lakeside::ui
