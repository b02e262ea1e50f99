// SPDX-License-Identifier: Apache-2.0
#include "reviews/conflictlistmodel.h"


#include <algorithm>

namespace lakeside::reviews {

namespace {
// A three-dot diff marks a path changed on both sides as "conflict"; seen from
// the merge base each side changed it.
QString changeText(DiffType t)
{
    return QString::fromLatin1(diffTypeName(t == DiffType::Conflict ? DiffType::Changed : t));
}
} // namespace

ConflictListModel::ConflictListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ConflictListModel::setConflicts(const std::vector<ConflictEntry>& conflicts)
{
    beginResetModel();
    m_rows = conflicts;
    std::map<std::string, MergeStrategy> kept;
    for (const ConflictEntry& c : m_rows)
        if (auto it = m_resolution.find(c.path); it != m_resolution.end()) kept.insert(*it);
    m_resolution = std::move(kept);
    endResetModel();
    emit resolutionsChanged();
}

void ConflictListModel::addPaths(const std::vector<std::string>& paths)
{
    std::vector<ConflictEntry> more;
    for (const std::string& p : paths) {
        const bool known = std::any_of(m_rows.begin(), m_rows.end(), [&](const ConflictEntry& c) { return c.path == p; });
        if (known) continue;
        ConflictEntry c;
        c.path = c.sourceChange.path = c.destinationChange.path = p;
        c.sourceChange.type = c.destinationChange.type = DiffType::Changed;
        more.push_back(c);
    }
    if (more.empty()) return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
    m_rows.insert(m_rows.end(), more.begin(), more.end());
    endInsertRows();
    emit resolutionsChanged();
}

void ConflictListModel::setResolution(int row, MergeStrategy side)
{
    if (row < 0 || row >= rowCount()) return;
    const std::string& path = m_rows[size_t(row)].path;
    if (side == MergeStrategy::None) m_resolution.erase(path);
    else m_resolution[path] = side;
    emit dataChanged(index(row, ResolutionColumn), index(row, ResolutionColumn));
    emit resolutionsChanged();
}

MergeStrategy ConflictListModel::resolution(int row) const
{
    if (row < 0 || row >= rowCount()) return MergeStrategy::None;
    auto it = m_resolution.find(m_rows[size_t(row)].path);
    return it == m_resolution.end() ? MergeStrategy::None : it->second;
}

std::map<std::string, MergeStrategy> ConflictListModel::resolutions() const { return m_resolution; }

int ConflictListModel::unresolvedCount() const { return rowCount() - int(m_resolution.size()); }

int ConflictListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const ConflictEntry& c = m_rows[size_t(index.row())];
    const MergeStrategy res = resolution(index.row());
    if (role == PathRole) return QString::fromStdString(c.path);
    if (role == ResolutionRole) return int(res);
    if (role == ForegroundColorRole && index.column() == ResolutionColumn && res == MergeStrategy::None)
        return QStringLiteral("#b31d28");
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case PathColumn: return QString::fromStdString(c.path);
    case SourceColumn: return changeText(c.sourceChange.type);
    case DestinationColumn: return changeText(c.destinationChange.type);
    case ResolutionColumn:
        switch (res) {
        case MergeStrategy::SourceWins: return tr("take source");
        case MergeStrategy::DestWins: return tr("take destination");
        case MergeStrategy::None: return tr("unresolved");
        }
        return {};
    default: return {};
    }
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case PathColumn: return tr("Path");
    case SourceColumn: return tr("Source");
    case DestinationColumn: return tr("Destination");
    case ResolutionColumn: return tr("Resolution");
    default: return {};
    }
}

} // namespace lakeside::reviews
