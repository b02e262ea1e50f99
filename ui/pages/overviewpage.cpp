// SPDX-License-Identifier: Apache-2.0
#include "overviewpage.h"

#include "widgets/messagebar.h"

#include <QVBoxLayout>

namespace lakeside::ui {

OverviewPage::OverviewPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_tasks(tasks), m_messages(new MessageBar(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addStretch();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::refresh() {}

} // namespace lakeside::ui
