// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shows one table diff: the counts (added/removed/changed rows), the schema
// changes, a "changed rows only" filter, a key-column chooser and export, over
// a table view of compare::TableDiffModel (changed cells highlighted, "old →
// new"). Choosing another key emits keyColumnsRequested; the page reruns the
// diff in its job.
//
// While the diff runs, the page hands in partial snapshots (counts and rows so
// far, see TableDiffOptions::onPartial); the rows grow in place and the counts
// say "so far". Export waits for the final result.
//
// Thread safety: GUI thread only.

#include "tabular/tablediffresult.h"

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace lakeside::compare {
class TableDiffModel;
}

namespace lakeside::ui {

class TableDiffPane : public QWidget {
    Q_OBJECT
public:
    explicit TableDiffPane(QWidget* parent = nullptr);

    // A partial snapshot or the final result (see TableDiffModel::setResult).
    void setResult(const tabular::TableDiffResult& result);
    compare::TableDiffModel* model() const { return m_model; }
    // Writes the current diff (CSV by .csv, else HTML); returns an error or "".
    QString exportTo(const QString& path) const;

signals:
    // Empty: detect the key automatically.
    void keyColumnsRequested(const std::vector<std::string>& keyColumns);
    void errorOccurred(const QString& message);

private:
    void exportWithDialog();
    // Sizes the columns to their contents (capped).
    void fitColumns();

    compare::TableDiffModel* m_model;
    QLabel* m_counts;
    QLabel* m_schema;
    QCheckBox* m_changedOnly;
    QComboBox* m_key;
    QPushButton* m_export;
    QTableView* m_view;
    bool m_settingKeys = false;
    QString m_keyItems; // what the key chooser lists, to refill it only on change
};

} // namespace lakeside::ui
