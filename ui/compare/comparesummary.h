// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Compare tab's charts: counts by change type (bar) and bytes changed per
// top-level prefix (pie). Both are fed from small QStandardItemModels through
// Qt Charts' model mappers, recomputed from the changed-objects model.
//
// Thread safety: GUI thread only.

#include <QWidget>

class QStandardItemModel;
class QAbstractItemModel;
class QValueAxis;

namespace lakeside::ui {

class CompareSummary : public QWidget {
    Q_OBJECT
public:
    explicit CompareSummary(QWidget* parent = nullptr);

    // Recounts from a ChangedObjectsModel (or a proxy over it).
    void updateFrom(const QAbstractItemModel& objects);
    const QStandardItemModel* countsModel() const { return m_counts; }
    const QStandardItemModel* bytesModel() const { return m_bytes; }

private:
    QStandardItemModel* m_counts; // one row: added, removed, changed
    QStandardItemModel* m_bytes;  // rows: prefix, bytes
    QValueAxis* m_countAxis = nullptr; // the bar chart's count axis, rescaled per update
};

} // namespace lakeside::ui
