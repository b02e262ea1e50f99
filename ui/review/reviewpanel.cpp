// SPDX-License-Identifier: Apache-2.0
#include "ui/review/reviewpanel.h"

#include "compare/colorroleproxy.h"
#include "reviews/mergegate.h"
#include "reviews/reviewlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::ReviewListModel;

ReviewPanel::ReviewPanel(QWidget* parent)
    : QWidget(parent), m_model(new ReviewListModel(this)), m_required(new QLabel(this)), m_note(new QLabel(this)),
      m_view(new QTreeView(this)), m_comment(new QPlainTextEdit(this)), m_approve(new QPushButton(tr("Approve"), this)),
      m_requestChanges(new QPushButton(tr("Request changes"), this)),
      m_commentButton(new QPushButton(tr("Comment"), this))
{
    m_required->setObjectName(QStringLiteral("approvalsSummary"));
    m_required->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("reviewsNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_view->setObjectName(QStringLiteral("reviewsView"));
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setPlaceholderText(tr("Comment (optional for an approval)"));
    m_comment->setMaximumHeight(90);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_requestChanges->setObjectName(QStringLiteral("requestChangesButton"));
    m_commentButton->setObjectName(QStringLiteral("commentButton"));
    auto* colours = new ColorRoleProxy(ReviewListModel::ForegroundColorRole, -1, this);
    colours->setSourceModel(m_model);
    m_view->setModel(colours);
    m_view->setRootIsDecorated(false);
    m_view->header()->setSectionResizeMode(ReviewListModel::CommentColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_commentButton);
    buttons->addWidget(m_requestChanges);
    buttons->addWidget(m_approve);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_required);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_comment);
    layout->addLayout(buttons);
    layout->addWidget(m_note);

    auto submit = [this](ReviewVerdict v) { emit reviewSubmitted(v, m_comment->toPlainText().trimmed()); };
    connect(m_approve, &QPushButton::clicked, this, [submit] { submit(ReviewVerdict::Approve); });
    connect(m_requestChanges, &QPushButton::clicked, this, [this, submit] {
        if (m_comment->toPlainText().trimmed().isEmpty()) {
            m_comment->setFocus();
            m_comment->setPlaceholderText(tr("Say what should change, then press Request changes again."));
            return;
        }
        submit(ReviewVerdict::RequestChanges);
    });
    connect(m_commentButton, &QPushButton::clicked, this, [this, submit] {
        if (!m_comment->toPlainText().trimmed().isEmpty()) submit(ReviewVerdict::Comment);
    });
    setBusy(false);
}

void ReviewPanel::setReviews(const std::vector<Review>& reviews, int requiredApprovals, const QString& pattern,
                             bool clientSide, bool open)
{
    m_model->setReviews(reviews);
    m_open = open;
    const reviews::ApprovalState state = reviews::approvalsOf(reviews);
    QString text = requiredApprovals > 0
        ? tr("%1 of %2 required approval(s) (protection rule '%3').")
              .arg(state.approvers.size())
              .arg(requiredApprovals)
              .arg(pattern)
        : tr("%1 approval(s); the destination's protection rules require none.").arg(state.approvers.size());
    if (!state.approvers.isEmpty()) text += QLatin1Char(' ') + tr("Approved by %1.").arg(state.approvers.join(QStringLiteral(", ")));
    if (!state.changesRequestedBy.isEmpty())
        text += QLatin1Char(' ') + tr("%1 requested changes after the latest approval.").arg(state.changesRequestedBy);
    m_required->setText(text);
    m_note->setText(clientSide
                        ? tr("lakeFS has no field for reviews: Lakeside keeps these reviews and the required approvals "
                             "on this computer, so other lakeFS clients do not see them.")
                        : tr("Reviews are kept by Lakeside in the workspace (review.db) next to the data."));
    setBusy(false);
}

void ReviewPanel::setBusy(bool busy)
{
    for (QPushButton* b : {m_approve, m_requestChanges, m_commentButton}) b->setEnabled(m_open && !busy);
}

void ReviewPanel::clearComment() { m_comment->clear(); }

} // namespace lakeside::ui
