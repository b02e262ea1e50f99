// SPDX-License-Identifier: Apache-2.0
#include "reviews/reviewlistmodel.h"

#include "reviews/localtime.h"

namespace lakeside::reviews {

ReviewListModel::ReviewListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewListModel::setReviews(const std::vector<Review>& reviews)
{
    beginResetModel();
    m_rows = reviews;
    endResetModel();
}

QString ReviewListModel::verdictText(ReviewVerdict v)
{
    switch (v) {
    case ReviewVerdict::Approve: return tr("approved");
    case ReviewVerdict::RequestChanges: return tr("requested changes");
    case ReviewVerdict::Comment: return tr("commented");
    }
    return {};
}

int ReviewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Review& r = m_rows[size_t(index.row())];
    if (role == ForegroundColorRole && index.column() == VerdictColumn) {
        if (r.verdict == ReviewVerdict::Approve) return QStringLiteral("#22863a");
        if (r.verdict == ReviewVerdict::RequestChanges) return QStringLiteral("#b31d28");
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == CommentColumn) return QString::fromStdString(r.comment);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case VerdictColumn: return verdictText(r.verdict);
    case AuthorColumn: return QString::fromStdString(r.author);
    case CommentColumn: return QString::fromStdString(r.comment);
    case TimeColumn: return localIsoTime(r.created);
    default: return {};
    }
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case VerdictColumn: return tr("Verdict");
    case AuthorColumn: return tr("Reviewer");
    case CommentColumn: return tr("Comment");
    case TimeColumn: return tr("When");
    default: return {};
    }
}

} // namespace lakeside::reviews
