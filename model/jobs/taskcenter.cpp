// SPDX-License-Identifier: Apache-2.0
#include "taskcenter.h"

namespace lakeside {

TaskCenter::TaskCenter(QObject* parent) : QObject(parent) {}

int TaskCenter::begin(const QString& title, std::function<void()> cancel)
{
    const int id = m_next++;
    m_tasks[id] = Task{title, std::move(cancel)};
    emit started(id, title);
    return id;
}

void TaskCenter::progress(int id, qint64 done, qint64 total)
{
    if (m_tasks.count(id)) emit progressed(id, done, total);
}

void TaskCenter::finish(int id)
{
    if (m_tasks.erase(id)) emit finished(id);
}

void TaskCenter::cancel(int id)
{
    auto it = m_tasks.find(id);
    if (it == m_tasks.end()) return;
    // Copy first: the callback may call finish(id), which erases the entry.
    auto cb = it->second.cancel;
    if (cb) cb();
}

int TaskCenter::current() const { return m_tasks.empty() ? 0 : m_tasks.rbegin()->first; }

QString TaskCenter::title(int id) const
{
    auto it = m_tasks.find(id);
    return it == m_tasks.end() ? QString() : it->second.title;
}

} // namespace lakeside
