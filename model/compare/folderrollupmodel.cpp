// SPDX-License-Identifier: Apache-2.0
#include "compare/folderrollupmodel.h"

#include "compare/changedobjectsmodel.h"

#include <map>

namespace lakeside::compare {

FolderRollupModel::FolderRollupModel(QObject* parent) : QAbstractTableModel(parent) {}

void FolderRollupModel::setSourceModel(ChangedObjectsModel* source)
{
    if (m_source) disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &FolderRollupModel::rebuild);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, &FolderRollupModel::rebuild);
        connect(m_source, &QAbstractItemModel::modelReset, this, &FolderRollupModel::rebuild);
    }
    rebuild();
}

void FolderRollupModel::rebuild()
{
    std::map<QString, Folder> folders;
    const int n = m_source ? m_source->rowCount() : 0;
    for (int r = 0; r < n; ++r) {
        const DiffEntry& e = m_source->entry(r);
        const qint64 bytes = m_source->index(r, 0).data(ChangedObjectsModel::BytesRole).toLongLong();
        const QString path = QString::fromStdString(e.path);
        // The root and every ancestor folder count this object.
        qsizetype end = 0;
        while (true) {
            const QString prefix = path.left(end);
            Folder& f = folders[prefix];
            f.prefix = prefix;
            f.added += e.type == DiffType::Added;
            f.removed += e.type == DiffType::Removed;
            f.changed += e.type == DiffType::Changed;
            f.bytes += bytes;
            const qsizetype slash = path.indexOf(QLatin1Char('/'), end);
            if (slash < 0) break;
            end = slash + 1;
        }
    }
    beginResetModel();
    m_folders.clear();
    for (auto& [prefix, f] : folders) m_folders.push_back(f);
    endResetModel();
}

int FolderRollupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_folders.size());
}

int FolderRollupModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FolderRollupModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Folder& f = m_folders[size_t(index.row())];
    if (role == PrefixRole) return f.prefix;
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case FolderColumn: return f.prefix.isEmpty() ? QStringLiteral("/") : f.prefix;
    case AddedColumn: return f.added;
    case RemovedColumn: return f.removed;
    case ChangedColumn: return f.changed;
    case BytesColumn: return ChangedObjectsModel::formatSize(f.bytes);
    }
    return {};
}

QVariant FolderRollupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case FolderColumn: return tr("Folder");
    case AddedColumn: return tr("Added");
    case RemovedColumn: return tr("Removed");
    case ChangedColumn: return tr("Changed");
    case BytesColumn: return tr("Bytes changed");
    }
    return {};
}

} // namespace lakeside::compare
