// SPDX-License-Identifier: Apache-2.0
#pragma once
// A table view over a lazy TableDiffResult: column 0 is the row status, then
// one column per SchemaDiff column. A changed cell shows "old → new" and has
// ChangedCellRole = true; BackgroundColorRole colours rows by status (and
// changed cells stronger). Rows are decoded on demand (one cached row), so a
// million-row diff scrolls without being held in memory.
//
// Progressive: while the diff runs, snapshots (TableDiffOptions::onPartial)
// may be set one after the other and the final result last. A result with
// the same generation() as the one shown, and at least as many rows, extends
// it: the new rows are inserted (rowsInserted), the rows on screen stay put.
// Anything else (another diff, or one that started over) resets the model.
//
// Thread safety: GUI thread only; the result itself is immutable and shared.

#include "tabular/tablediffresult.h"

#include <QAbstractTableModel>

namespace lakeside::compare {

class TableDiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // BackgroundColorRole: a colour name ("#rrggbb"), mapped to Qt::BackgroundRole
    // by the view's proxy (QtCore-only library).
    enum Role { ChangedCellRole = Qt::UserRole + 1, OldValueRole, NewValueRole, RowStatusRole, BackgroundColorRole };

    explicit TableDiffModel(QObject* parent = nullptr);

    // Shows `result`, partial or final, appending when it extends the one
    // shown (see above).
    void setResult(const tabular::TableDiffResult& result);
    const tabular::TableDiffResult& result() const { return m_full; }
    // Whether what is shown is a partial snapshot (the diff still runs).
    bool isPartial() const { return m_hasResult && m_full.isPartial(); }
    // Empty, as before the first result.
    void clear();
    void setChangedOnly(bool changedOnly);
    bool changedOnly() const { return m_changedOnly; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const tabular::DiffRow* rowAt(int row) const;

    tabular::TableDiffResult m_full;
    tabular::TableDiffResult m_view;
    bool m_changedOnly = false;
    bool m_hasResult = false;
    mutable int m_cachedRow = -1;
    mutable tabular::DiffRow m_cache;
};

} // namespace lakeside::compare
