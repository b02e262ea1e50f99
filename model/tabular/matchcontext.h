// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: state and helpers shared by the keyed and the content passes of
// the row matcher (rowmatcher.h): hashing rows under the plan's comparison
// rules, recording added and removed rows, progress and cancellation.
// One per matchRows() call; single-threaded.

#include "tabular/hashing.h"
#include "tabular/partialpublisher.h"
#include "tabular/rowmatcher.h"

#include <string>
#include <vector>

namespace lakeside::tabular::detail {

class MatchContext {
public:
    struct Entry {
        uint64_t sortKey; // display order: 2*(new row+1), removed rows odd
        uint32_t record;
        RowStatus status;
    };

    MatchContext(TableSource& a, TableSource& b, const MatchPlan& plan, DiffData& data, MatchInference* inference);

    // Sorts the recorded rows into display order, fills the summary's row
    // counts and seals the store.
    Status finish();

    uint64_t keyHash(const Row& r, bool old)
    {
        uint64_t h = 0;
        for (int k : m_plan.key)
            h = combine(h, cell(r, k, old), static_cast<size_t>(k));
        return finalize(h);
    }

    uint64_t rowHash(const Row& r, bool old)
    {
        uint64_t h = 0;
        for (size_t u : m_compared)
            h = combine(h, cell(r, static_cast<int>(u), old), u);
        return finalize(h);
    }

    uint64_t cell(const Row& r, int u, bool old)
    {
        const ColumnMatch& m = m_cols[static_cast<size_t>(u)];
        const Cell& c = r.cells[static_cast<size_t>(old ? m.oldIndex : m.newIndex)];
        return cellHash(c, m_plan.compareAs[static_cast<size_t>(u)], m_plan.normalize, m_scratch);
    }

    // Once per row read: snapshots for onPartial, progress, cancellation.
    Status tick(TableSource& src)
    {
        ++m_done;
        if (m_plan.partial)
            m_plan.partial->poll(m_data, m_oldCount, m_newCount);
        if ((m_done & 0xFFFF) != 0 || !m_plan.context)
            return Status::Ok();
        if (m_plan.context->isCancelled())
            return makeError(ErrorKind::Cancelled, "table diff cancelled");
        m_plan.context->report(std::min(m_done, m_total - 1), m_total);
        (void)src;
        return Status::Ok();
    }

    void observe(const Row& r, bool old)
    {
        (old ? m_oldCount : m_newCount) = r.index + 1;
        if (m_infer)
            (old ? m_infer->oldTypes : m_infer->newTypes).observe(r);
    }

    // observe() of a new row that is byte-identical to the old row observed
    // last (see TypeInference::observeAgain).
    void observeAgain(const Row& r)
    {
        m_newCount = r.index + 1;
        if (m_infer)
            m_infer->newTypes.observeAgain(r, m_infer->oldTypes);
    }

    std::string keyValues(const Row& r, bool old) const
    {
        std::string out;
        for (int k : m_plan.key) {
            const ColumnMatch& m = m_cols[static_cast<size_t>(k)];
            const Cell& c = r.cells[static_cast<size_t>(old ? m.oldIndex : m.newIndex)];
            out += (out.empty() ? "" : ", ") + m.name() + "=" + (c.null ? std::string("NULL") : std::string(c.text));
        }
        return out;
    }

    Error duplicate(TableSource& src, const Row& r, bool old) const
    {
        SourcePosition where;
        where.file = src.name();
        where.line = r.line;
        where.row = r.line > 0 ? -1 : r.index;
        return sourceError(ErrorKind::Conflict, where,
                           "key (" + keyValues(r, old) + ") is not unique: it occurs again here");
    }

    // One side's cells in SchemaDiff order, for added/removed records.
    Status storeOneSided(const Row& r, bool old, uint64_t sortKey)
    {
        m_record.clear();
        encodeRowHeader(m_record, old ? RowStatus::Removed : RowStatus::Added, old ? r.index : -1,
                        old ? -1 : r.index, old ? r.line : 0, old ? 0 : r.line);
        for (const ColumnMatch& m : m_cols) {
            DiffCell dc;
            const int idx = old ? m.oldIndex : m.newIndex;
            if (idx >= 0 && !r.cells[static_cast<size_t>(idx)].null) {
                (old ? dc.oldText : dc.newText) = r.cells[static_cast<size_t>(idx)].text;
                (old ? dc.oldNull : dc.newNull) = false;
            }
            encodeCell(m_record, dc);
        }
        LAKESIDE_ASSIGN_OR_RETURN(uint32_t id, m_data.store.append(m_record));
        m_entries.push_back({sortKey, id, old ? RowStatus::Removed : RowStatus::Added});
        ++(old ? m_data.summary.removed : m_data.summary.added);
        return Status::Ok();
    }

    // The row matched by key: stores a Changed record with both sides' cells
    // in SchemaDiff order and counts it, or counts it unchanged when no
    // compared cell differs under the plan's rules. newCell(u) gives the new
    // side's cell of unified column u (only called when u is in the new table).
    // Returns whether a record was stored.
    template <typename NewCell>
    Result<bool> storeChanged(const Row& a, int64_t newRow, int64_t newLine, NewCell&& newCell)
    {
        m_record.clear();
        encodeRowHeader(m_record, RowStatus::Changed, a.index, newRow, a.line, newLine);
        int changedCells = 0;
        for (size_t u = 0; u < m_cols.size(); ++u) {
            const ColumnMatch& m = m_cols[u];
            DiffCell dc;
            if (m.oldIndex >= 0 && !a.cells[static_cast<size_t>(m.oldIndex)].null) {
                dc.oldText = a.cells[static_cast<size_t>(m.oldIndex)].text;
                dc.oldNull = false;
            }
            if (m.newIndex >= 0) {
                const Cell& y = newCell(u);
                if (!y.null) {
                    dc.newText = y.text;
                    dc.newNull = false;
                }
                if (m.oldIndex >= 0
                    && !cellsEqual(a.cells[static_cast<size_t>(m.oldIndex)], y, m_plan.compareAs[u], m_plan.normalize)) {
                    dc.changed = true;
                    ++changedCells;
                    ++m_data.summary.changedCellsPerColumn[u];
                }
            }
            encodeCell(m_record, dc);
        }
        if (changedCells == 0) {
            ++m_data.summary.unchanged;
            return false;
        }
        m_data.summary.changedCells += changedCells;
        ++m_data.summary.changed;
        LAKESIDE_ASSIGN_OR_RETURN(uint32_t id, m_data.store.append(m_record));
        m_entries.push_back({2 * (static_cast<uint64_t>(newRow) + 1), id, RowStatus::Changed});
        return true;
    }

    TableSource& m_a;
    TableSource& m_b;
    const MatchPlan& m_plan;
    DiffData& m_data;
    const std::vector<ColumnMatch>& m_cols;
    std::vector<size_t> m_compared; // columns whose cells make the row hash
    std::vector<Entry> m_entries;
    std::string m_scratch;
    std::string m_record;
    MatchInference* m_infer;
    int64_t m_done = 0;
    int64_t m_total = 0;
    int64_t m_oldCount = 0; // rows read, per table
    int64_t m_newCount = 0;
};

// The passes; see rowmatcher.h. mergePasses sets `unsorted` (and returns
// early) when a key is out of order; the caller then starts over.
class KeyOrder;
Status mergePasses(MatchContext& c, const KeyOrder& order, bool& unsorted);
Status keyedPasses(MatchContext& c);
Status contentPasses(MatchContext& c);

} // namespace lakeside::tabular::detail
