// SPDX-License-Identifier: Apache-2.0
#include "repositoryview.h"

#include "pages/objectspage.h"
#include "pages/overviewpage.h"
#include "theme/icons.h"

#include "compare/comparepage.h"
#include "ui/history/historypage.h"

#ifdef LAKESIDE_HAVE_REVIEW_UI
#include "ui/review/actionspage.h"
#include "ui/review/repositorysettingsdialog.h"
#include "ui/review/reviewspage.h"
#endif

#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lakeside::ui {

RepositoryView::RepositoryView(std::shared_ptr<Backend> backend, int connection, const QString& repo,
                               TaskCenter* tasks, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_connection(connection), m_repo(repo),
      m_pages(new QTabWidget(this)), m_overview(new OverviewPage(m_backend, repo, tasks, this)),
      m_objects(new ObjectsPage(m_backend, repo, tasks, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages->setDocumentMode(true);
    m_pages->setObjectName(QStringLiteral("repositoryPages"));
    auto* history = new HistoryPage(m_backend, repo, this);
    m_history = history;
    m_pages->addTab(history, icon("history"), tr("History"));
    connect(history, &HistoryPage::compareRequested, this, &RepositoryView::compareRequested);
    connect(history, &HistoryPage::refsChanged, this, &RepositoryView::refsChanged);
    m_pages->addTab(m_overview, icon("overview"), tr("Overview"));
    m_pages->addTab(m_objects, icon("objects"), tr("Objects"));
    m_compare = new ComparePage(m_backend, repo, this);
    m_pages->addTab(m_compare, icon("compare"), tr("Compare"));
    // Every "compare with…" (graph, sidebar, menus) lands on this repository's Compare tab.
    connect(this, &RepositoryView::compareRequested, this, &RepositoryView::showCompare);
    connect(this, &RepositoryView::refsChanged, m_compare, &ComparePage::refreshRefs);
    connect(m_objects, &ObjectsPage::refsChanged, this, &RepositoryView::refsChanged);
    connect(m_objects, &ObjectsPage::refsChanged, m_overview, &OverviewPage::refresh);
    connect(m_objects, &ObjectsPage::refsChanged, history, &HistoryPage::reload);
#ifdef LAKESIDE_HAVE_REVIEW_UI
    // Merge review: review requests and their screen, hook runs, and the
    // settings (branch protection) behind a button in the tab bar's corner.
    m_reviews = new ReviewsPage(m_backend, repo, this);
    m_reviews->setObjectName(QStringLiteral("reviewsPage"));
    m_pages->addTab(m_reviews, icon("commit-changes"), tr("Reviews"));
    m_actions = new ActionsPage(m_backend, repo, this);
    m_actions->setObjectName(QStringLiteral("actionsPage"));
    m_pages->addTab(m_actions, icon("info"), tr("Actions"));
    connect(m_reviews, &ReviewsPage::refsChanged, this, &RepositoryView::refsChanged);
    connect(m_reviews, &ReviewsPage::refsChanged, m_actions, &ActionsPage::refresh);
    connect(m_reviews, &ReviewsPage::refsChanged, history, &HistoryPage::reload);
    connect(m_reviews, &ReviewsPage::refsChanged, m_overview, &OverviewPage::refresh);
    auto* settings = new QPushButton(tr("Repository settings…"), m_pages);
    settings->setObjectName(QStringLiteral("repositorySettingsButton"));
    settings->setFlat(true);
    m_pages->setCornerWidget(settings, Qt::TopRightCorner);
    connect(settings, &QPushButton::clicked, this, &RepositoryView::showSettings);
#endif
    layout->addWidget(m_pages);
}

void RepositoryView::browse(const QString& ref)
{
    m_pages->setCurrentWidget(m_objects);
    m_objects->setRef(ref);
}

void RepositoryView::showCompare(const QString& left, const QString& right)
{
    m_pages->setCurrentWidget(m_compare);
    m_compare->compare(left, right);
}

void RepositoryView::showOverview() { m_pages->setCurrentWidget(m_overview); }

RepositorySettingsDialog* RepositoryView::settingsDialog() const
{
#ifdef LAKESIDE_HAVE_REVIEW_UI
    return qobject_cast<RepositorySettingsDialog*>(m_settings);
#else
    return nullptr;
#endif
}

void RepositoryView::showSettings()
{
#ifdef LAKESIDE_HAVE_REVIEW_UI
    if (!m_settings) {
        auto* dialog = new RepositorySettingsDialog(m_backend, m_repo, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QObject::destroyed, this, [this] { m_settings = nullptr; });
        // New rules change what the review screen requires.
        if (m_reviews) connect(dialog, &RepositorySettingsDialog::rulesLoaded, m_reviews, &ReviewsPage::refresh);
        m_settings = dialog;
    }
    static_cast<QDialog*>(m_settings)->open();
    m_settings->raise();
#endif
}

void RepositoryView::refresh()
{
    if (auto* history = qobject_cast<HistoryPage*>(m_history)) history->reload();
    m_overview->refresh();
    m_objects->refresh();
#ifdef LAKESIDE_HAVE_REVIEW_UI
    m_reviews->refresh();
    m_actions->refresh();
#endif
}

} // namespace lakeside::ui
