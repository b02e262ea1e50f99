// SPDX-License-Identifier: Apache-2.0
// Keyed row matching: a streaming hash join on the key (see rowmatcher.h).
#include "tabular/keyindex.h"
#include "tabular/matchcontext.h"

#include <algorithm>

namespace lakeside::tabular::detail {
namespace {

constexpr uint32_t kNone = KeyIndex::kNone;

struct Pending {
    uint32_t oldRow;
    uint32_t temp; // kNone: removed
    uint32_t newRow;
    int64_t newLine;
};

class KeyedPasses {
public:
    explicit KeyedPasses(MatchContext& context)
        : c(context)
    {
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
        for (const Cell& cell : r.cells)
            h.bytes.append(cell.text);
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
                return c.duplicate(src, r, old);
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
            return duplicateAt(c.m_a, b.ord, true);
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
            return c.duplicate(c.m_b, r, false);
        slot->newRow = static_cast<uint32_t>(r.index);
        if (inserted)
            return c.storeOneSided(r, false, 2 * (static_cast<uint64_t>(r.index) + 1));
        matchB[slot->oldRow] = static_cast<uint32_t>(r.index);
        if (slot->rowHash == h.hash) {
            ++c.m_data.summary.unchanged;
            return Status::Ok();
        }
        c.m_record.clear();
        for (const ColumnMatch& m : c.m_cols) {
            if (m.newIndex < 0)
                continue;
            const Cell& cell = r.cells[static_cast<size_t>(m.newIndex)];
            c.m_record.push_back(cell.null ? 0 : 1);
            putVarint(c.m_record, cell.text.size());
            c.m_record.append(cell.text);
        }
        LAKESIDE_ASSIGN_OR_RETURN(uint32_t temp, parked.append(c.m_record));
        pending.push_back({slot->oldRow, temp, static_cast<uint32_t>(r.index), r.line});
        return Status::Ok();
    }

    Status keyedPasses()
    {
        KeyIndex index(static_cast<uint64_t>(c.m_plan.oldRows + c.m_plan.oldRows / 8));
        Row r;
        LAKESIDE_RETURN_IF_ERROR(c.m_a.rewind());
        Built built[kDepth];
        size_t n = 0;
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_a.next(r));
            if (!more)
                break;
            c.observe(r, true);
            if (n == 0) {
                m_seekable = c.m_a.bookmark().has_value();
                if (m_seekable) { // sized once: regrowing 16 MB costs page faults
                    m_offsets.reserve(static_cast<size_t>(c.m_plan.oldRows + c.m_plan.oldRows / 16));
                    m_lines.reserve(static_cast<size_t>(c.m_plan.oldRows + c.m_plan.oldRows / 16));
                }
            }
            if (m_seekable) {
                const RowBookmark bm = *c.m_a.bookmark();
                m_offsets.push_back(bm.offset);
                m_lines.push_back(bm.line);
            }
            Built& b = built[n % kDepth];
            if (n >= kDepth)
                LAKESIDE_RETURN_IF_ERROR(insertOld(index, b));
            b = {c.keyHash(r, true), c.rowHash(r, true), static_cast<uint32_t>(r.index)};
            index.prefetch(b.key);
            ++n;
            LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_a));
        }
        for (size_t i = n > kDepth ? n - kDepth : 0; i < n; ++i)
            LAKESIDE_RETURN_IF_ERROR(insertOld(index, built[i % kDepth]));

        std::vector<uint32_t> matchB(static_cast<size_t>(c.m_oldCount), kNone);
        std::vector<Pending> pending;
        RowStore parked;
        LAKESIDE_RETURN_IF_ERROR(c.m_b.rewind());
        std::vector<Held> held(kDepth);
        n = 0;
        while (true) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_b.next(r));
            if (!more)
                break;
            c.observe(r, false);
            Held& h = held[n % kDepth];
            if (n >= kDepth)
                LAKESIDE_RETURN_IF_ERROR(probeNew(index, h, matchB, pending, parked));
            h.key = c.keyHash(r, false);
            h.hash = c.rowHash(r, false);
            index.prefetch(h.key);
            hold(h, r);
            ++n;
            LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_b));
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
        const bool seek = m_seekable && pending.size() <= std::max<size_t>(4096, static_cast<size_t>(c.m_oldCount / 256));
        if (seek) {
            for (const Pending& pe : pending) {
                LAKESIDE_RETURN_IF_ERROR(c.m_a.seek({m_offsets[pe.oldRow], pe.oldRow, m_lines[pe.oldRow]}));
                LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_a.next(r));
                if (!more || r.index != pe.oldRow)
                    return makeError(ErrorKind::Internal, c.m_a.name() + ": the file changed while it was being compared");
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
        LAKESIDE_RETURN_IF_ERROR(c.m_a.rewind());
        size_t p = 0;
        int64_t lastB = -1;
        while (p < pending.size()) {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, c.m_a.next(r));
            if (!more)
                return makeError(ErrorKind::Internal, c.m_a.name() + ": the file changed while it was being compared");
            const auto ord = static_cast<uint32_t>(r.index);
            LAKESIDE_RETURN_IF_ERROR(c.tick(c.m_a));
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
            return c.storeOneSided(r, true, 2 * static_cast<uint64_t>(lastB + 1) + 1);
        std::string& temp = m_temp;
        std::vector<Cell>& newCells = m_newCells;
        newCells.resize(c.m_cols.size());
        {
            LAKESIDE_RETURN_IF_ERROR(parked.get(pe.temp, temp));
            std::string_view in(temp);
            for (size_t u = 0; u < c.m_cols.size(); ++u) {
                if (c.m_cols[u].newIndex < 0)
                    continue;
                uint64_t len = 0;
                const bool null = in.front() == 0;
                in.remove_prefix(1);
                getVarint(in, len);
                newCells[u] = Cell{in.substr(0, len), null};
                in.remove_prefix(len);
            }
            // No compared cell differing means a 64-bit row hash collision:
            // storeChanged() then counts the row unchanged.
            LAKESIDE_ASSIGN_OR_RETURN(bool stored, c.storeChanged(r, pe.newRow, pe.newLine,
                                                                  [&](size_t u) -> const Cell& { return newCells[u]; }));
            (void)stored;
        }
        return Status::Ok();
    }

private:
    MatchContext& c;
    bool m_seekable = false;
    std::vector<int64_t> m_offsets; // per old row, when seekable
    std::vector<int64_t> m_lines;
    std::string m_temp;
    std::vector<Cell> m_newCells;
};

} // namespace

Status keyedPasses(MatchContext& c)
{
    KeyedPasses passes(c);
    return passes.keyedPasses();
}

} // namespace lakeside::tabular::detail
