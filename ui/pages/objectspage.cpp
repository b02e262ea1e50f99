// SPDX-License-Identifier: Apache-2.0
#include "objectspage.h"

#include "widgets/messagebar.h"

#include <QVBoxLayout>

namespace lakeside::ui {

ObjectsPage::ObjectsPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_tasks(tasks), m_messages(new MessageBar(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addStretch();
}

ObjectsPage::~ObjectsPage() = default;

void ObjectsPage::refresh() {}

} // namespace lakeside::ui

namespace lakeside::ui {
void ObjectsPage::chooseUpload() {}
void ObjectsPage::openCommitDialog() {}
} // namespace lakeside::ui
