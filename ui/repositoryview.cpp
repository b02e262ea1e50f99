// SPDX-License-Identifier: Apache-2.0
#include "repositoryview.h"

#include "pages/objectspage.h"
#include "pages/overviewpage.h"
#include "theme/icons.h"

#include "compare/comparepage.h"
#include "ui/history/historypage.h"

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

void RepositoryView::refresh()
{
    if (auto* history = qobject_cast<HistoryPage*>(m_history)) history->reload();
    m_overview->refresh();
    m_objects->refresh();
}

} // namespace lakeside::ui
