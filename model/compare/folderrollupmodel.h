// SPDX-License-Identifier: Apache-2.0
#pragma once
// Per-directory roll-up of a ChangedObjectsModel: one row per folder (every
// ancestor folder of a changed object, "" for the root shown as "/"), with the
// counts of added, removed and changed objects beneath it and the bytes changed.
// Rebuilt from the source on each rows-inserted / reset (the lists are small
// next to the cost of the backend diff).
//
// Thread safety: GUI thread only.

#include <QAbstractTableModel>

#include <vector>

namespace lakeside::compare {

class ChangedObjectsModel;

class FolderRollupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FolderColumn, AddedColumn, RemovedColumn, ChangedColumn, BytesColumn, ColumnCount };
    enum Role { PrefixRole = Qt::UserRole + 1 }; // the folder as a path prefix ("a/b/"; "" = root)

    explicit FolderRollupModel(QObject* parent = nullptr);
    void setSourceModel(ChangedObjectsModel* source);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    struct Folder {
        QString prefix;
        int added = 0, removed = 0, changed = 0;
        qint64 bytes = 0;
    };
    ChangedObjectsModel* m_source = nullptr;
    std::vector<Folder> m_folders;
};

} // namespace lakeside::compare
