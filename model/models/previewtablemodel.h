// SPDX-License-Identifier: Apache-2.0
#pragma once
// A read-only table of text cells for previews (the first rows of a CSV,
// TSV or NDJSON object). Nulls are shown empty and flagged by NullRole.

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace lakeside {

struct PreviewTable {
    QStringList header;
    QVector<QStringList> rows; // each row has header.size() cells
    QVector<QVector<bool>> nulls;
};

class PreviewTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { NullRole = Qt::UserRole + 1 };
    explicit PreviewTableModel(QObject* parent = nullptr);

    void setTable(PreviewTable table);
    void clear() { setTable({}); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PreviewTable m_table;
};

} // namespace lakeside
