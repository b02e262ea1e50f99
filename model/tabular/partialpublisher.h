// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: sends TableDiffOptions::onPartial snapshots while the row passes
// run. A snapshot is a TableDiffResult of its own (isPartial() true): the
// header (names, schema, key), the counts so far, and copies of the differing
// rows published so far in final display order, at most kMaxRows of them.
// Copies, not sharing: the diff's store keeps growing while the receiver
// reads the snapshot on another thread, and a screenful of records is cheap
// to copy.
//
// Timing: begin() sends one at once (schema and key known, no row read yet);
// then, from poll() (called for every row read), as soon as new rows exist
// while fewer than kEagerRows were sent, else at most every kThrottle of
// work, and once kMaxRows rows were sent at most every kSlowThrottle (counts
// only). Every begin() starts a new generation, a number unique in the
// process: rows of an earlier one are void (the merge fell back to the hash
// join, a detected key was not unique, or the diff is redone with
// whole-table types), and results of other diffs never share it.
//
// Thread safety: one per diffTables() call, used on its thread only.

#include "tabular/diffdata.h"

#include <chrono>
#include <functional>

namespace lakeside::tabular::detail {

class PartialPublisher {
public:
    static constexpr size_t kEagerRows = 64;
    static constexpr size_t kMaxRows = 2000;
    static constexpr std::chrono::milliseconds kThrottle{20};
    static constexpr std::chrono::milliseconds kSlowThrottle{250};

    explicit PartialPublisher(std::function<void(const TableDiffResult&)> callback);

    // A new attempt starts on `data` (its header must be filled); stamps
    // data.generation with a new number and sends the first snapshot of it.
    void begin(DiffData& data);
    // A differing row, already in data.store, is next in display order.
    // Rows past kMaxRows are never sent, so they are not kept either.
    void append(uint32_t record, RowStatus status)
    {
        if (!m_callback || m_order.size() >= kMaxRows)
            return;
        m_order.push_back(record);
        m_statuses.push_back(static_cast<uint8_t>(status));
    }
    // Sends a snapshot when one is due (see above); cheap otherwise.
    void poll(DiffData& data, int64_t oldRows, int64_t newRows)
    {
        if (!m_callback)
            return;
        const bool eager = m_order.size() > m_sentRows && m_sentRows < kEagerRows;
        if (eager || (++m_calls & 1023) == 0)
            maybeSend(data, oldRows, newRows, eager);
    }

private:
    void maybeSend(DiffData& data, int64_t oldRows, int64_t newRows, bool now);
    void send(DiffData& data, int64_t oldRows, int64_t newRows);

    std::function<void(const TableDiffResult&)> m_callback;
    std::vector<uint32_t> m_order; // records published in this generation, the first kMaxRows
    std::vector<uint8_t> m_statuses;
    size_t m_sentRows = 0;
    uint32_t m_calls = 0;
    std::chrono::steady_clock::time_point m_lastSent;
};

} // namespace lakeside::tabular::detail
