// SPDX-License-Identifier: Apache-2.0
#pragma once
// The reviews (approve / request changes / comment) of one review request,
// oldest first, as the review screen's snapshot delivers them.
// Thread safety: UI thread only.

#include <QAbstractTableModel>

#include <vector>

#include "api/types.h"

namespace lakeside::reviews {

class ReviewListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Columns { VerdictColumn, AuthorColumn, CommentColumn, TimeColumn, NUM_COLUMNS };
    enum Roles { ForegroundColorRole = Qt::UserRole + 1 /* "#rrggbb" */ };

    explicit ReviewListModel(QObject* parent = nullptr);

    void setReviews(const std::vector<Review>& reviews);
    static QString verdictText(ReviewVerdict v);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Review> m_rows;
};

} // namespace lakeside::reviews
