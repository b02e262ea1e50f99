// SPDX-License-Identifier: Apache-2.0
#include "ui/review/reviewscreen.h"

#include "compare/comparepage.h"
#include "reviews/conflictlistmodel.h"
#include "reviews/localtime.h"
#include "reviews/mergegate.h"
#include "session/qtconvert.h"
#include "ui/review/checkspanel.h"
#include "ui/review/conflictpanel.h"
#include "ui/review/reviewpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::ReviewSnapshot;

ReviewScreen::ReviewScreen(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_title(new QLabel(this)),
      m_status(new QLabel(this)), m_branches(new QLabel(this)), m_author(new QLabel(this)),
      m_description(new QLabel(this)), m_message(new QLabel(this)), m_reload(new QPushButton(tr("Refresh"), this)),
      m_close(new QPushButton(tr("Close request"), this)), m_tabs(new QTabWidget(this)),
      m_compare(new ComparePage(m_backend, repo, this)), m_conflicts(new ConflictPanel(m_backend, repo, this)),
      m_checks(new ChecksPanel(this)), m_reviews(new ReviewPanel(this)), m_strategy(new QComboBox(this)),
      m_squash(new QCheckBox(tr("Squash"), this)), m_gate(new QLabel(this)), m_merge(new QPushButton(tr("Merge"), this))
{
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_branches->setObjectName(QStringLiteral("reviewBranches"));
    m_author->setObjectName(QStringLiteral("reviewAuthor"));
    m_description->setObjectName(QStringLiteral("reviewDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_reload->setObjectName(QStringLiteral("reloadReviewButton"));
    m_close->setObjectName(QStringLiteral("closeReviewButton"));
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_compare, tr("Changes"));
    m_tabs->addTab(m_conflicts, tr("Conflicts"));
    m_tabs->addTab(m_checks, tr("Checks"));
    m_tabs->addTab(m_reviews, tr("Approvals"));
    m_strategy->setObjectName(QStringLiteral("mergeStrategy"));
    m_strategy->addItem(tr("Resolve conflicts per path"), int(MergeStrategy::None));
    m_strategy->addItem(tr("Source wins every conflict"), int(MergeStrategy::SourceWins));
    m_strategy->addItem(tr("Destination wins every conflict"), int(MergeStrategy::DestWins));
    m_squash->setObjectName(QStringLiteral("squashMerge"));
    m_squash->setToolTip(tr("Merge as one commit with a single parent"));
    m_gate->setObjectName(QStringLiteral("mergeReason"));
    m_gate->setWordWrap(true);
    m_merge->setObjectName(QStringLiteral("mergeButton"));

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_status);
    titleRow->addWidget(m_reload);
    titleRow->addWidget(m_close);
    auto* infoRow = new QHBoxLayout;
    infoRow->addWidget(m_branches);
    infoRow->addSpacing(16);
    infoRow->addWidget(m_author, 1);
    auto* mergeRow = new QHBoxLayout;
    mergeRow->addWidget(m_gate, 1);
    mergeRow->addWidget(m_strategy);
    mergeRow->addWidget(m_squash);
    mergeRow->addWidget(m_merge);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addLayout(infoRow);
    layout->addWidget(m_description);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(mergeRow);

    connect(m_reload, &QPushButton::clicked, this, &ReviewScreen::reload);
    connect(m_close, &QPushButton::clicked, this, &ReviewScreen::closeRequest);
    connect(m_merge, &QPushButton::clicked, this, &ReviewScreen::merge);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &ReviewScreen::updateGate);
    connect(m_conflicts->model(), &reviews::ConflictListModel::resolutionsChanged, this, &ReviewScreen::updateGate);
    connect(m_reviews, &ReviewPanel::reviewSubmitted, this, &ReviewScreen::submitReview);
    setEnabled(false);
}

void ReviewScreen::openPull(const QString& id)
{
    if (id != m_id) {
        m_reportedConflicts.clear();
        m_comparedPair.clear();
        m_conflicts->model()->setConflicts({});
        m_message->hide();
    }
    m_id = id;
    reload();
}

void ReviewScreen::reload()
{
    if (m_id.isEmpty()) return;
    auto backend = m_backend;
    m_loadJob.start(
        [backend, repo = ss(m_repo), id = ss(m_id)](const OpContext& ctx) {
            return reviews::loadReviewSnapshot(*backend, repo, id, ctx);
        },
        [this](ReviewSnapshot s) { apply(std::move(s)); });
}

void ReviewScreen::apply(ReviewSnapshot s)
{
    setEnabled(true);
    if (s.error) {
        // What is on screen is now stale: never merge from it.
        m_snapshot.error = s.error;
        updateGate();
        showMessage(errorText(tr("Cannot load review request %1").arg(m_id), *s.error), true);
        emit loaded();
        return;
    }
    m_snapshot = std::move(s);
    m_approvals = reviews::approvalsOf(m_snapshot.reviews);
    const PullRequest& pr = m_snapshot.pull;
    const bool open = pr.status == PullStatus::Open;
    m_title->setText(qs(pr.title));
    m_status->setText(QString::fromLatin1(pullStatusName(pr.status)).toUpper());
    m_status->setStyleSheet(open ? QStringLiteral("color: #22863a; font-weight: bold")
                                 : QStringLiteral("color: #6f42c1; font-weight: bold"));
    m_branches->setText(tr("%1 → %2").arg(qs(pr.source_branch), qs(pr.destination_branch)));
    QString by = tr("opened by %1 on %2").arg(qs(pr.author), reviews::localIsoTime(pr.creation_date));
    if (pr.status == PullStatus::Merged && !pr.merged_commit_id.empty())
        by += QStringLiteral(", ") + tr("merged as %1").arg(qs(pr.merged_commit_id).left(12));
    m_author->setText(by);
    m_description->setText(qs(pr.description));
    m_description->setVisible(!pr.description.empty());
    m_close->setVisible(open);

    // What the merge brings: the destination...source three-dot diff; once
    // merged, what the merge commit brought to its first parent.
    const QString left = open || pr.merged_commit_id.empty() ? qs(pr.destination_branch)
                                                             : qs(pr.merged_commit_id) + QStringLiteral("^1");
    const QString right = open || pr.merged_commit_id.empty() ? qs(pr.source_branch) : qs(pr.merged_commit_id);
    const QString pair = left + QLatin1Char('\n') + right + QLatin1Char('\n') + qs(m_snapshot.sourceHead) +
                         qs(m_snapshot.destinationHead);
    if (pair != m_comparedPair) {
        m_comparedPair = pair;
        m_compare->compare(left, right);
    }

    m_conflicts->setCommits(m_snapshot.baseCommit, m_snapshot.sourceHead, m_snapshot.destinationHead);
    m_conflicts->model()->setConflicts(m_snapshot.conflicts);
    if (open) m_conflicts->model()->addPaths(m_reportedConflicts);
    m_conflicts->setNote(m_snapshot.conflictError.empty()
                             ? QString()
                             : tr("Conflicts could not be computed: %1").arg(qs(m_snapshot.conflictError)));
    m_checks->setCheckRun(m_snapshot.checks, qs(pr.source_branch), qs(m_snapshot.sourceHead));
    m_reviews->setReviews(m_snapshot.reviews, m_snapshot.requiredApprovals, qs(m_snapshot.protectingPattern),
                          m_snapshot.reviewsClientSide, open);
    m_tabs->setTabText(1, tr("Conflicts (%1)").arg(m_conflicts->model()->rowCount()));
    m_tabs->setTabText(2, tr("Checks (%1)").arg(m_checks->summary()));
    m_tabs->setTabText(3, tr("Approvals (%1)").arg(m_approvals.approvers.size()));
    updateGate();
    emit loaded();
}

void ReviewScreen::updateGate()
{
    if (m_id.isEmpty() || m_snapshot.error) {
        m_merge->setEnabled(false);
        m_gate->setText(QString());
        return;
    }
    reviews::MergeGateInput in;
    in.status = m_snapshot.pull.status;
    in.checks = m_checks->state();
    in.failedHook = m_checks->failedHook();
    in.requiredApprovals = m_snapshot.requiredApprovals;
    in.approvals = m_approvals;
    const bool byStrategy = MergeStrategy(m_strategy->currentData().toInt()) != MergeStrategy::None;
    in.unresolvedConflicts = byStrategy ? 0 : m_conflicts->model()->unresolvedCount();
    const reviews::MergeGate gate = reviews::evaluateMergeGate(in);
    m_merge->setEnabled(gate.enabled && !m_busy);
    m_gate->setText(gate.reason);
    m_gate->setStyleSheet(gate.enabled ? QString() : QStringLiteral("color: #b31d28"));
}

void ReviewScreen::merge()
{
    MergeParams p;
    p.strategy = MergeStrategy(m_strategy->currentData().toInt());
    p.squash_merge = m_squash->isChecked();
    p.resolutions = m_conflicts->model()->resolutions();
    setBusy(true);
    showMessage(tr("Merging %1 into %2…").arg(qs(m_snapshot.pull.source_branch), qs(m_snapshot.pull.destination_branch)),
                false);
    auto backend = m_backend;
    m_actionJob.start(
        [backend, repo = ss(m_repo), id = ss(m_id), p](const OpContext&) { return backend->mergePull(repo, id, p); },
        [this](Result<MergeResult> r) {
            setBusy(false);
            if (r.ok()) {
                const QString text = tr("Merged into %1 as commit %2.")
                                         .arg(qs(m_snapshot.pull.destination_branch), qs(r->reference).left(12));
                showMessage(text, false);
                emit refsChanged();
                emit pullChanged(m_id);
                emit mergeFinished(true, text);
            } else {
                const Error& e = r.error();
                const QString text = errorText(tr("Merge refused"), e);
                showMessage(text, true);
                if (e.kind == ErrorKind::Conflict && !e.conflicts.empty()) {
                    m_reportedConflicts = e.conflicts;
                    m_tabs->setCurrentWidget(m_conflicts);
                } else if (!e.runId.empty() || e.message.find("hook") != std::string::npos) {
                    m_tabs->setCurrentWidget(m_checks);
                }
                emit mergeFinished(false, text);
            }
            reload();
        });
}

void ReviewScreen::submitReview(ReviewVerdict verdict, const QString& comment)
{
    Review review;
    review.verdict = verdict;
    review.comment = ss(comment);
    m_reviews->setBusy(true);
    setBusy(true); // no merge while the verdict is on its way
    auto backend = m_backend;
    m_actionJob.start(
        [backend, repo = ss(m_repo), id = ss(m_id), review](const OpContext&) {
            return backend->addReview(repo, id, review);
        },
        [this](Status st) {
            setBusy(false);
            m_reviews->setBusy(false);
            if (!st.ok()) {
                showMessage(errorText(tr("Cannot store the review"), st.error()), true);
                return;
            }
            m_reviews->clearComment();
            m_message->hide();
            emit pullChanged(m_id);
            reload();
        });
}

void ReviewScreen::closeRequest()
{
    PullRequestUpdate u;
    u.status = PullStatus::Closed;
    setBusy(true);
    auto backend = m_backend;
    m_actionJob.start(
        [backend, repo = ss(m_repo), id = ss(m_id), u](const OpContext&) { return backend->updatePull(repo, id, u); },
        [this](Status st) {
            setBusy(false);
            if (!st.ok()) showMessage(errorText(tr("Cannot close the review request"), st.error()), true);
            else emit pullChanged(m_id);
            reload();
        });
}

void ReviewScreen::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b31d28") : QString());
    m_message->show();
}

void ReviewScreen::setBusy(bool busy)
{
    m_busy = busy;
    m_close->setEnabled(!busy);
    updateGate();
}

} // namespace lakeside::ui
