// SPDX-License-Identifier: Apache-2.0
#include "ui/review/reviewspage.h"

#include "reviews/pullrequestlistmodel.h"
#include "session/qtconvert.h"
#include "ui/review/newreviewdialog.h"
#include "ui/review/reviewscreen.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::PullRequestListModel;

ReviewsPage::ReviewsPage(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_model(new PullRequestListModel(this)),
      m_filter(new QComboBox(this)), m_new(new QPushButton(tr("New review request…"), this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_message(new QLabel(this)), m_list(new QTreeView(this)),
      m_screen(new ReviewScreen(m_backend, repo, this))
{
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->addItem(tr("Open"), QStringLiteral("open"));
    m_filter->addItem(tr("Closed"), QStringLiteral("closed"));
    m_filter->addItem(tr("Merged"), QStringLiteral("merged"));
    m_filter->addItem(tr("All"), QStringLiteral("all"));
    m_new->setObjectName(QStringLiteral("newReviewButton"));
    m_refresh->setObjectName(QStringLiteral("refreshReviewsButton"));
    m_message->setObjectName(QStringLiteral("reviewsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b31d28"));
    m_message->hide();
    m_list->setObjectName(QStringLiteral("reviewsList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setModel(m_model);
    m_list->setMinimumWidth(280);
    // The screen holds a Compare page and two diff panes side by side; their
    // natural minimum would force the whole window wider than most screens.
    m_screen->setMinimumWidth(480);
    m_list->header()->setSectionResizeMode(PullRequestListModel::TitleColumn, QHeaderView::Stretch);
    // Short columns take what they need, so the title gets the rest.
    for (int c : {int(PullRequestListModel::StatusColumn), int(PullRequestListModel::AuthorColumn)})
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_filter);
    bar->addStretch(1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_new);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(bar);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(m_list, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_screen);
    split->setStretchFactor(1, 3);
    split->setSizes({470, 630}); // relative: room for the titles at first, the rest for the screen
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setStatusFilter(m_filter->currentData().toString()); });
    connect(m_refresh, &QPushButton::clicked, this, &ReviewsPage::refresh);
    connect(m_new, &QPushButton::clicked, this, &ReviewsPage::newReview);
    connect(m_model, &PullRequestListModel::loadFailed, this, &ReviewsPage::showError);
    connect(m_model, &PullRequestListModel::loaded, this, &ReviewsPage::selectPending);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        if (!i.isValid()) return;
        const QString id = i.data(PullRequestListModel::IdRole).toString();
        if (id != m_screen->pullId()) m_screen->openPull(id);
    });
    connect(m_screen, &ReviewScreen::refsChanged, this, &ReviewsPage::refsChanged);
    connect(m_screen, &ReviewScreen::pullChanged, this, [this](const QString& id) {
        m_pending = id;
        m_model->refresh();
    });
}

void ReviewsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_started) return;
    m_started = true;
    m_model->setSource(m_backend, m_repo);
}

NewReviewDialog* ReviewsPage::newReviewDialog() const { return m_dialog.data(); }

void ReviewsPage::refresh()
{
    m_message->hide();
    m_pending = m_screen->pullId();
    m_model->refresh();
    m_screen->reload();
}

void ReviewsPage::openPull(const QString& id)
{
    m_pending = id;
    m_screen->openPull(id);
    selectPending();
}

void ReviewsPage::selectPending()
{
    if (m_pending.isEmpty()) return;
    const int row = m_model->rowOf(m_pending);
    if (row < 0) return;
    m_pending.clear();
    const QSignalBlocker block(m_list->selectionModel()); // the screen already shows it
    m_list->setCurrentIndex(m_model->index(row, 0));
}

void ReviewsPage::newReview()
{
    m_new->setEnabled(false);
    auto backend = m_backend;
    struct Branches {
        QStringList names;
        Status listed; // a partial list must not pass for the whole one
        Result<Repository> repository;
    };
    m_job.start(
        [backend, repo = ss(m_repo)](const OpContext&) -> Branches {
            QStringList names;
            ListParams p;
            p.amount = 1000;
            Status listed = forEachPage<Ref>(
                [&](const std::string& after) {
                    p.after = after;
                    return backend->listBranches(repo, p);
                },
                [&](const Ref& r) {
                    names << qs(r.id);
                    return true;
                });
            return {names, listed, backend->getRepository(repo)};
        },
        [this](const Branches& b) {
            m_new->setEnabled(true);
            if (!b.listed.ok()) return showError(errorText(tr("Cannot list the branches"), b.listed.error()));
            if (!b.repository.ok()) return showError(errorText(tr("Cannot read the repository"), b.repository.error()));
            if (m_dialog) m_dialog->close();
            m_dialog = new NewReviewDialog(b.names, qs(b.repository->default_branch), this);
            m_dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_dialog, &QDialog::accepted, this, [this, d = m_dialog] { create(d->creation()); });
            m_dialog->open();
        });
}

void ReviewsPage::create(const PullRequestCreation& c)
{
    auto backend = m_backend;
    m_job.start([backend, repo = ss(m_repo), c](const OpContext&) { return backend->createPull(repo, c); },
                [this](Result<std::string> id) {
                    if (!id.ok()) return showError(errorText(tr("Cannot create the review request"), id.error()));
                    m_message->hide();
                    const QString newId = qs(*id);
                    if (m_filter->currentData().toString() != QLatin1String("open") &&
                        m_filter->currentData().toString() != QLatin1String("all"))
                        m_filter->setCurrentIndex(0); // reloads the list
                    else m_model->refresh();
                    openPull(newId);
                    emit pullCreated(newId);
                });
}

void ReviewsPage::showError(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace lakeside::ui
