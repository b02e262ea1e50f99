// SPDX-License-Identifier: Apache-2.0
#include "tabular/rowmatcher.h"

#include "tabular/hashing.h"
#include "tabular/keyindex.h"

#include <algorithm>

namespace lakeside::tabular::detail {
namespace {

constexpr uint32_t kNone = KeyIndex::kNone;

struct Entry {
    uint64_t sortKey;
    uint32_t record;
    RowStatus status;
};

struct Pending {
    uint32_t oldRow;
    uint32_t temp; // kNone: removed
    uint32_t newRow;
    int64_t newLine;
};

class Matcher {
public:
    Matcher(TableSource& a, TableSource& b, const MatchPlan& plan, DiffData& data, MatchInference* inference)
        : m_a(a), m_b(b), m_plan(plan), m_data(data), m_cols(plan.schema->columns), m_infer(inference)
    {
        for (size_t u = 0; u < m_cols.size(); ++u) {
            const bool isKey = std::find(plan.key.begin(), plan.key.end(), static_cast<int>(u)) != plan.key.end();
            if (m_cols[u].inBoth() && (!isKey || plan.key.empty()))
                m_compared.push_back(u);
        }
        // Progress counts rows read in the two main passes (estimated totals;
        // a streamed third pass stays at the end of the bar).
        m_total = std::max<int64_t>(1, plan.oldRows + plan.newRows);
    }

    Status run()
    {
        m_data.summary.changedCellsPerColumn.assign(m_cols.size(), 0);
        LAKESIDE_RETURN_IF_ERROR(m_plan.key.empty() ? contentPasses() : keyedPasses());
        m_data.summary.oldRows = m_oldCount;
        m_data.summary.newRows = m_newCount;
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry& x, const Entry& y) { return x.sortKey < y.sortKey; });
        m_data.order.reserve(m_entries.size());
        m_data.statuses.reserve(m_entries.size());
        for (const Entry& e : m_entries) {
            m_data.order.push_back(e.record);
            m_data.statuses.push_back(static_cast<uint8_t>(e.status));
        }
        return m_data.store.seal();
    }

private:
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

    Status tick(TableSource& src)
    {
        if ((++m_done & 0xFFFF) != 0 || !m_plan.context)
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

    // Rows are hashed as they are read, but probed kDepth rows later, after a
    // prefetch of their slot: the index is far larger than the cache, and
    // overlapping the misses roughly halves the time of these passes.
    static constexpr size_t kDepth = 16;

    struct Held {
        uint64_t key = 0;
        uint64_t hash = 0;
        Row row;
        std::string bytes;
    };

    static void hold(Held& h, const Row& r)
    {
        h.bytes.clear();
        h.row.cells.resize(r.cells.size());
        for (const Cell& c : r.cells)
            h.bytes.append(c.text);
        size_t at = 0;
        for (size_t i = 0; i < r.cells.size(); ++i) {
            h.row.cells[i] = Cell{std::string_view(h.bytes).substr(at, r.cells[i].text.size()), r.cells[i].null};
            at += r.cells[i].text.size();
        }
        h.row.index = r.index;
        h.row.line = r.line;
        h.row.rowGroup = r.rowGroup;
    }

    // The message for a repeated key, found again by row number (error path).
    Error duplicateAt(TableSource& src, uint32_t ord, bool old)
    {
        Row r;
        Status st = src.rewind();
        while (st.ok()) {
            auto more = src.next(r);
            if (!more.ok())
                return more.error();
            if (!more.value())
                break;
            if (r.index == ord)
                return duplicate(src, r, old);
        }
        return makeError(ErrorKind::Conflict, src.name() + ": a key is not unique (row " + std::to_string(ord + 1) + ")");
    }

    struct Built {
        uint64_t key;
        uint64_t hash;
        uint32_t ord;
    };

    Status insertOld(KeyIndex& index, const Built& b)
    {
        auto [slot, inserted] = index.findOrInsert(b.key);
        if (!inserted)
            return duplicateAt(m_a, b.ord, true);
        slot->rowHash = b.hash;
        slot->oldRow = b.ord;
        return Status::Ok();
    }

    Status probeNew(KeyIndex& index, Held& h, std::vector<uint32_t>& matchB, std::vector<Pending>& pending,
                    RowStore& parked)
    {
        const Row& r = h.row;
        auto [slot, inserted] = index.findOrInsert(h.key);
        if (!inserted && slot->newRow != kNone)
            return duplicate(m_b, r, false);
        slot->newRow = static_cast<uint32_t>(r.index);
        if (inserted)
            return storeOneSided(r, false, 2 * (static_cast<uint64_t>(r.index) + 1));
        matchB[slot->oldRow] = static_cast<uint32_t>(r.index);
        if (slot->rowHash == h.hash) {
            ++m_data.summary.unchanged;
            return Status::Ok();
        }
        m_record.clear();
        for (const ColumnMatch& m : m_cols) {
            if (m.newIndex < 0)
                continue;
            const Cell& c = r.cells[static_cast<size_t>(m.newIndex)];
            m_record.push_back(c.null ? 0 : 1);
            putVarint(m_record, c.text.size());
            m_record.append(c.text);
        }
        LAKESIDE_ASSIGN_OR_RETURN(uint32_t temp, parked.append(m_record));
        pending.push_back({slot->oldRow, temp, static_cast<uint32_t>(r.index), r.line});
        return Status::Ok();
    }

    Status keyedPasses()
    {
        KeyIndex index(static_cast<uint64_t>(m_plan.oldRows + m_plan.oldRows / 8));
        Row r;
        LAKESIDE_RETURN_IF_ERROR(m_a.rewind());
        Built built[kDepth];
        size_t n = 0;
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_a.next(r));
            if (!more)
                break;
            observe(r, true);
            if (n == 0)
                m_seekable = m_a.bookmark().has_value();
            if (m_seekable) {
                const RowBookmark bm = *m_a.bookmark();
                m_offsets.push_back(bm.offset);
                m_lines.push_back(bm.line);
            }
            Built& b = built[n % kDepth];
            if (n >= kDepth)
                LAKESIDE_RETURN_IF_ERROR(insertOld(index, b));
            b = {keyHash(r, true), rowHash(r, true), static_cast<uint32_t>(r.index)};
            index.prefetch(b.key);
            ++n;
            LAKESIDE_RETURN_IF_ERROR(tick(m_a));
        }
        for (size_t i = n > kDepth ? n - kDepth : 0; i < n; ++i)
            LAKESIDE_RETURN_IF_ERROR(insertOld(index, built[i % kDepth]));

        std::vector<uint32_t> matchB(static_cast<size_t>(m_oldCount), kNone);
        std::vector<Pending> pending;
        RowStore parked;
        LAKESIDE_RETURN_IF_ERROR(m_b.rewind());
        std::vector<Held> held(kDepth);
        n = 0;
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_b.next(r));
            if (!more)
                break;
            observe(r, false);
            Held& h = held[n % kDepth];
            if (n >= kDepth)
                LAKESIDE_RETURN_IF_ERROR(probeNew(index, h, matchB, pending, parked));
            h.key = keyHash(r, false);
            h.hash = rowHash(r, false);
            index.prefetch(h.key);
            hold(h, r);
            ++n;
            LAKESIDE_RETURN_IF_ERROR(tick(m_b));
        }
        for (size_t i = n > kDepth ? n - kDepth : 0; i < n; ++i)
            LAKESIDE_RETURN_IF_ERROR(probeNew(index, held[i % kDepth], matchB, pending, parked));
        LAKESIDE_RETURN_IF_ERROR(parked.seal());
        for (const auto& slot : index.slots()) {
            if (slot.key != 0 && slot.oldRow != kNone && slot.newRow == kNone)
                pending.push_back({slot.oldRow, kNone, kNone, 0});
        }
        index = KeyIndex(0); // free the index before the last pass
        if (pending.empty())
            return Status::Ok();
        std::sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) { return x.oldRow < y.oldRow; });
        return collectOld(pending, matchB, parked);
    }

    // The old cells of changed and removed rows: by seeking when the source
    // can (a few reads instead of a whole pass), else by streaming.
    Status collectOld(const std::vector<Pending>& pending, const std::vector<uint32_t>& matchB, RowStore& parked)
    {
        Row r;
        // A seek costs a file open and a 16 KiB read; past a few thousand
        // rows one sequential pass is cheaper.
        const bool seek = m_seekable && pending.size() <= std::max<size_t>(4096, static_cast<size_t>(m_oldCount / 256));
        if (seek) {
            for (const Pending& pe : pending) {
                LAKESIDE_RETURN_IF_ERROR(m_a.seek({m_offsets[pe.oldRow], pe.oldRow, m_lines[pe.oldRow]}));
                LAKESIDE_ASSIGN_OR_RETURN(bool more, m_a.next(r));
                if (!more || r.index != pe.oldRow)
                    return makeError(ErrorKind::Internal, m_a.name() + ": the file changed while it was being compared");
                int64_t lastB = -1;
                for (int64_t a = static_cast<int64_t>(pe.oldRow) - 1; a >= 0; --a) {
                    if (matchB[static_cast<size_t>(a)] != kNone) {
                        lastB = matchB[static_cast<size_t>(a)];
                        break;
                    }
                }
                LAKESIDE_RETURN_IF_ERROR(emitOld(r, pe, lastB, parked));
            }
            return Status::Ok();
        }
        LAKESIDE_RETURN_IF_ERROR(m_a.rewind());
        size_t p = 0;
        int64_t lastB = -1;
        while (p < pending.size()) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_a.next(r));
            if (!more)
                return makeError(ErrorKind::Internal, m_a.name() + ": the file changed while it was being compared");
            const auto ord = static_cast<uint32_t>(r.index);
            LAKESIDE_RETURN_IF_ERROR(tick(m_a));
            if (pending[p].oldRow == ord)
                LAKESIDE_RETURN_IF_ERROR(emitOld(r, pending[p++], lastB, parked));
            if (matchB[ord] != kNone)
                lastB = matchB[ord];
        }
        return Status::Ok();
    }

    // One removed row, or one changed row with its parked new cells.
    // lastB: the new row matched by the nearest earlier old row (-1: none).
    Status emitOld(const Row& r, const Pending& pe, int64_t lastB, RowStore& parked)
    {
        if (pe.temp == kNone)
            return storeOneSided(r, true, 2 * static_cast<uint64_t>(lastB + 1) + 1);
        std::string& temp = m_temp;
        std::vector<Cell>& newCells = m_newCells;
        newCells.resize(m_cols.size());
        {
            LAKESIDE_RETURN_IF_ERROR(parked.get(pe.temp, temp));
            std::string_view in(temp);
            for (size_t u = 0; u < m_cols.size(); ++u) {
                if (m_cols[u].newIndex < 0)
                    continue;
                uint64_t len = 0;
                const bool null = in.front() == 0;
                in.remove_prefix(1);
                getVarint(in, len);
                newCells[u] = Cell{in.substr(0, len), null};
                in.remove_prefix(len);
            }
            m_record.clear();
            encodeRowHeader(m_record, RowStatus::Changed, r.index, pe.newRow, r.line, pe.newLine);
            int changedCells = 0;
            for (size_t u = 0; u < m_cols.size(); ++u) {
                const ColumnMatch& m = m_cols[u];
                DiffCell dc;
                if (m.oldIndex >= 0 && !r.cells[static_cast<size_t>(m.oldIndex)].null) {
                    dc.oldText = r.cells[static_cast<size_t>(m.oldIndex)].text;
                    dc.oldNull = false;
                }
                if (m.newIndex >= 0 && !newCells[u].null) {
                    dc.newText = newCells[u].text;
                    dc.newNull = false;
                }
                if (m.inBoth() && !cellsEqual(r.cells[static_cast<size_t>(m.oldIndex)], newCells[u],
                                              m_plan.compareAs[u], m_plan.normalize)) {
                    dc.changed = true;
                    ++changedCells;
                    ++m_data.summary.changedCellsPerColumn[u];
                }
                encodeCell(m_record, dc);
            }
            if (changedCells == 0) { // a 64-bit row hash collision: nothing really differs
                ++m_data.summary.unchanged;
                return Status::Ok();
            }
            m_data.summary.changedCells += changedCells;
            ++m_data.summary.changed;
            LAKESIDE_ASSIGN_OR_RETURN(uint32_t id, m_data.store.append(m_record));
            m_entries.push_back({2 * (static_cast<uint64_t>(pe.newRow) + 1), id, RowStatus::Changed});
        }
        return Status::Ok();
    }

    Status contentPasses()
    {
        // rowHash counts the old copies of a row, newRow how many the new table matched.
        KeyIndex index(static_cast<uint64_t>(m_plan.oldRows));
        Row r;
        LAKESIDE_RETURN_IF_ERROR(m_a.rewind());
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_a.next(r));
            if (!more)
                break;
            observe(r, true);
            auto [slot, inserted] = index.findOrInsert(rowHash(r, true));
            if (inserted)
                slot->newRow = 0;
            ++slot->rowHash;
            LAKESIDE_RETURN_IF_ERROR(tick(m_a));
        }
        LAKESIDE_RETURN_IF_ERROR(m_b.rewind());
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_b.next(r));
            if (!more)
                break;
            observe(r, false);
            KeyIndex::Slot* slot = index.find(rowHash(r, false));
            if (slot && slot->newRow < slot->rowHash) {
                ++slot->newRow;
                ++m_data.summary.unchanged;
            } else {
                LAKESIDE_RETURN_IF_ERROR(storeOneSided(r, false, 2 * (static_cast<uint64_t>(r.index) + 1)));
            }
            LAKESIDE_RETURN_IF_ERROR(tick(m_b));
        }
        if (m_data.summary.unchanged == m_oldCount)
            return Status::Ok();
        LAKESIDE_RETURN_IF_ERROR(m_a.rewind());
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, m_a.next(r));
            if (!more)
                break;
            KeyIndex::Slot* slot = index.find(rowHash(r, true));
            if (slot->newRow > 0)
                --slot->newRow; // this copy has a partner in the new table
            else
                LAKESIDE_RETURN_IF_ERROR(storeOneSided(r, true, 2 * (static_cast<uint64_t>(r.index) + 1) + 1));
            LAKESIDE_RETURN_IF_ERROR(tick(m_a));
        }
        return Status::Ok();
    }

    TableSource& m_a;
    TableSource& m_b;
    const MatchPlan& m_plan;
    DiffData& m_data;
    const std::vector<ColumnMatch>& m_cols;
    std::vector<size_t> m_compared;
    std::vector<Entry> m_entries;
    std::string m_scratch;
    std::string m_record;
    MatchInference* m_infer;
    bool m_seekable = false;
    std::vector<int64_t> m_offsets; // per old row, when seekable
    std::vector<int64_t> m_lines;
    std::string m_temp;
    std::vector<Cell> m_newCells;
    int64_t m_done = 0;
    int64_t m_total = 0;
    int64_t m_oldCount = 0;
    int64_t m_newCount = 0;
};

} // namespace

Status matchRows(TableSource& oldTable, TableSource& newTable, const MatchPlan& plan, DiffData& data,
                 MatchInference* inference)
{
    Matcher m(oldTable, newTable, plan, data, inference);
    return m.run();
}

} // namespace lakeside::tabular::detail
