// SPDX-License-Identifier: Apache-2.0
#include "tabular/partialpublisher.h"

#include <algorithm>
#include <atomic>

namespace lakeside::tabular::detail {

PartialPublisher::PartialPublisher(std::function<void(const TableDiffResult&)> callback)
    : m_callback(std::move(callback))
{
}

void PartialPublisher::begin(DiffData& data)
{
    static std::atomic<uint64_t> lastGeneration{0};
    data.generation = ++lastGeneration;
    if (!m_callback)
        return;
    m_order.clear();
    m_statuses.clear();
    m_sentRows = 0;
    send(data, 0, 0);
}

void PartialPublisher::maybeSend(DiffData& data, int64_t oldRows, int64_t newRows, bool now)
{
    const auto elapsed = std::chrono::steady_clock::now() - m_lastSent;
    if (now || elapsed >= (m_sentRows >= kMaxRows ? kSlowThrottle : kThrottle))
        send(data, oldRows, newRows);
}

void PartialPublisher::send(DiffData& data, int64_t oldRows, int64_t newRows)
{
    auto snap = std::make_shared<DiffData>();
    snap->oldName = data.oldName;
    snap->newName = data.newName;
    snap->schema = data.schema;
    snap->keyColumns = data.keyColumns;
    snap->keyMode = data.keyMode;
    snap->normalized = data.normalized;
    snap->generation = data.generation;
    snap->partial = true;
    snap->summary = data.summary;
    snap->summary.oldRows = oldRows;
    snap->summary.newRows = newRows;
    if (snap->summary.changedCellsPerColumn.size() != snap->schema.columns.size())
        snap->summary.changedCellsPerColumn.assign(snap->schema.columns.size(), 0);
    const size_t rows = std::min(m_order.size(), kMaxRows);
    if (rows > 0 && data.store.spilled() && !data.store.seal().ok())
        return; // the records cannot be read back now; the final result will say why
    std::string record;
    for (size_t i = 0; i < rows; ++i) {
        if (!data.store.get(m_order[i], record).ok())
            return;
        auto id = snap->store.append(record);
        if (!id.ok())
            return;
        snap->order.push_back(id.value());
        snap->statuses.push_back(m_statuses[i]);
    }
    if (!snap->store.seal().ok())
        return;
    m_sentRows = rows;
    m_lastSent = std::chrono::steady_clock::now();
    m_callback(TableDiffResult(std::move(snap)));
}

} // namespace lakeside::tabular::detail
