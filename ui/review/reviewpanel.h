// SPDX-License-Identifier: Apache-2.0
#pragma once
// The review screen's Approvals tab: the reviews given so far, how many
// approvals the destination's protection rule requires, and a comment box
// with Approve / Request changes / Comment. Submitting only emits
// reviewSubmitted; the screen sends it to the backend in a job.
// A note says where reviews are kept: lakeFS has no field for them, so on a
// lakeFS server Lakeside keeps them on this computer.
// Thread safety: GUI thread only.

#include "api/types.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace lakeside::reviews {
class ReviewListModel;
}

namespace lakeside::ui {

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPanel(QWidget* parent = nullptr);

    void setReviews(const std::vector<Review>& reviews, int requiredApprovals, const QString& pattern,
                    bool clientSide, bool open);
    // Disables the buttons while a review is being sent.
    void setBusy(bool busy);
    // Clears the comment box after a review was stored.
    void clearComment();
    reviews::ReviewListModel* model() const { return m_model; }

signals:
    void reviewSubmitted(lakeside::ReviewVerdict verdict, const QString& comment);

private:
    reviews::ReviewListModel* m_model;
    QLabel* m_required;
    QLabel* m_note;
    QTreeView* m_view;
    QPlainTextEdit* m_comment;
    QPushButton* m_approve;
    QPushButton* m_requestChanges;
    QPushButton* m_commentButton;
    bool m_open = false;
};

} // namespace lakeside::ui
