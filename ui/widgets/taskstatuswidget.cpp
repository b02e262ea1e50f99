// SPDX-License-Identifier: Apache-2.0
#include "taskstatuswidget.h"

#include "jobs/taskcenter.h"
#include "theme/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace lakeside::ui {

TaskStatusWidget::TaskStatusWidget(TaskCenter* tasks, QWidget* parent)
    : QWidget(parent), m_tasks(tasks), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_bar->setFixedWidth(160);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    m_cancel->setIcon(icon("close"));
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelTask"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();

    connect(m_tasks, &TaskCenter::started, this, [this](int id, const QString&) { showTask(id); });
    connect(m_tasks, &TaskCenter::progressed, this, [this](int id, qint64 done, qint64 total) {
        if (id != m_shown) return;
        if (total <= 0) {
            m_bar->setRange(0, 0);
            return;
        }
        // QProgressBar is int-based: scale byte counts to per-mille.
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    });
    connect(m_tasks, &TaskCenter::finished, this, [this](int) { showTask(m_tasks->current()); });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_shown) m_tasks->cancel(m_shown);
    });
}

void TaskStatusWidget::showTask(int id)
{
    m_shown = id;
    if (!id) {
        hide();
        return;
    }
    const int more = m_tasks->activeCount() - 1;
    m_label->setText(more > 0 ? tr("%1 (+%2 more)").arg(m_tasks->title(id)).arg(more) : m_tasks->title(id));
    m_bar->setRange(0, 0);
    show();
}

QString TaskStatusWidget::title() const { return m_label->text(); }

} // namespace lakeside::ui
