// SPDX-License-Identifier: Apache-2.0
// Keyed row matching of tables sorted by the key: a streaming merge join in
// one lockstep pass over both tables (see rowmatcher.h). A new record that is
// byte for byte the old side's current one is taken unparsed (skipSameRecord).
#include "tabular/keyorder.h"
#include "tabular/matchcontext.h"

namespace lakeside::tabular::detail {
namespace {

class MergePasses {
public:
    MergePasses(MatchContext& context, const KeyOrder& order)
        : c(context), m_order(order)
    {
        m_positional = c.m_a.schema().columns.size() == c.m_cols.size()
                       && c.m_b.schema().columns.size() == c.m_cols.size();
        for (size_t u = 0; u < c.m_cols.size(); ++u)
            m_positional = m_positional && c.m_cols[u].oldIndex == static_cast<int>(u) && c.m_cols[u].newIndex == static_cast<int>(u);
        // Equal bytes make equal rows only under the same dialect, and are
        // accepted alike only with the same header (see TableSource::rawDialect).
        const std::string_view dialect = c.m_a.rawDialect();
        m_rawSkip = c.m_plan.rawRecordSkip && m_positional && !dialect.empty() && dialect == c.m_b.rawDialect();
        const auto& oldColumns = c.m_a.schema().columns;
        const auto& newColumns = c.m_b.schema().columns;
        for (size_t i = 0; m_rawSkip && i < oldColumns.size(); ++i)
            m_rawSkip = oldColumns[i].name == newColumns[i].name;
    }

    Status run(bool& unsorted)
    {
        LAKESIDE_RETURN_IF_ERROR(c.m_a.rewind());
        LAKESIDE_RETURN_IF_ERROR(c.m_b.rewind());
        LAKESIDE_RETURN_IF_ERROR(advance(m_old));
        LAKESIDE_RETURN_IF_ERROR(advance(m_new));
        while (!m_unsorted && (!m_old.done || !m_new.done)) {
            const int cmp = m_old.done ? 1 : m_new.done ? -1 : m_order.compare(m_old.key, m_new.key);
            if (cmp == 0) {
                flushAdded();
                LAKESIDE_RETURN_IF_ERROR(matched());
                m_lastNew = m_new.row.index;
                LAKESIDE_RETURN_IF_ERROR(advance(m_old));
                LAKESIDE_RETURN_IF_ERROR(advance(m_new));
            } else if (cmp < 0) {
                // Removed rows go right after the last matched new row, i.e.
                // before the added rows found since (still held back).
                LAKESIDE_RETURN_IF_ERROR(c.storeOneSided(m_old.row, true, 2 * static_cast<uint64_t>(m_lastNew + 1) + 1));
                publishLast();
                LAKESIDE_RETURN_IF_ERROR(advance(m_old));
            } else {
                c.observe(m_new.row, false);
                LAKESIDE_RETURN_IF_ERROR(c.storeOneSided(m_new.row, false, 2 * (static_cast<uint64_t>(m_new.row.index) + 1)));
                m_added.push_back(c.m_entries.back().record);
                if (m_old.done) // no removed row can come before it any more
                    flushAdded();
                LAKESIDE_RETURN_IF_ERROR(advance(m_new));
            }
        }
        unsorted = m_unsorted;
        flushAdded();
        return Status::Ok();
    }

private:
    struct Side {
        bool old;
        TableSource* source;
        Row row;
        KeyValue key;
        KeyValue previous;
        bool started = false;
        bool done = false;
        bool copied = false; // row is the old row, taken by skipSameRecord()
    };

    // Reads a side's next row and checks that its key follows the previous
    // one: equal is a duplicate (Conflict), smaller ends the merge.
    Status advance(Side& s)
    {
        if (s.done || m_unsorted)
            return Status::Ok();
        std::swap(s.key, s.previous);
        LAKESIDE_ASSIGN_OR_RETURN(bool skipped, skipSameRecord(s));
        s.copied = skipped;
        if (skipped) {
            LAKESIDE_RETURN_IF_ERROR(c.tick(*s.source));
        } else {
            LAKESIDE_ASSIGN_OR_RETURN(bool more, s.source->next(s.row));
            if (!more) {
                s.done = true;
                return Status::Ok();
            }
            if (s.old) // a new row is observed once matched (see matched())
                c.observe(s.row, true);
            LAKESIDE_RETURN_IF_ERROR(c.tick(*s.source));
            if (!m_order.extract(s.row, s.old, s.key)) {
                m_unsorted = true;
                return Status::Ok();
            }
        }
        if (s.started) {
            const int cmp = m_order.compare(s.previous, s.key);
            if (cmp == 0)
                return c.duplicate(*s.source, s.row, s.old);
            if (cmp > 0)
                m_unsorted = true;
        }
        s.started = true;
        return Status::Ok();
    }

    // The new side's next record, when it is byte-for-byte the old side's
    // current one: consumed unsplit, and the new row becomes a copy of the old
    // row (its cells point into the old source's buffer; they are only read
    // before the old side moves on, since equal keys match next) with the
    // old key. The order check in advance() still runs on it.
    Result<bool> skipSameRecord(Side& s)
    {
        if (s.old || !m_rawSkip || m_old.done)
            return false;
        const std::optional<std::string_view> raw = c.m_a.rawRecord();
        if (!raw)
            return false;
        LAKESIDE_ASSIGN_OR_RETURN(bool skipped, s.source->skipIfRecordEquals(*raw, s.row));
        if (!skipped)
            return false;
        s.row.cells = m_old.row.cells;
        s.key = m_old.key;
        return true;
    }

    void publishLast()
    {
        if (c.m_plan.partial)
            c.m_plan.partial->append(c.m_entries.back().record, c.m_entries.back().status);
    }

    void flushAdded()
    {
        if (c.m_plan.partial) {
            for (uint32_t record : m_added)
                c.m_plan.partial->append(record, RowStatus::Added);
        }
        m_added.clear();
    }

    // Same key on both sides: unchanged, or a changed row with both sides'
    // cells. Cells are compared one by one (no row hash: no collisions).
    Status matched()
    {
        const Row& a = m_old.row;
        const Row& b = m_new.row;
        // A byte-identical row (the usual case; always for a skipped record)
        // has the old row's types, and is unchanged when the columns pair up
        // by position.
        bool identical = m_new.copied;
        if (!identical) {
            identical = a.cells.size() == b.cells.size();
            for (size_t i = 0; identical && i < a.cells.size(); ++i)
                identical = a.cells[i].null == b.cells[i].null && a.cells[i].text == b.cells[i].text;
        }
        if (identical)
            c.observeAgain(b);
        else
            c.observe(b, false);
        if (identical && m_positional) {
            ++c.m_data.summary.unchanged;
            return Status::Ok();
        }
        // Byte-identical compared cells are equal under every rule.
        bool same = true;
        for (size_t u : c.m_compared) {
            const ColumnMatch& m = c.m_cols[u];
            const Cell& x = a.cells[static_cast<size_t>(m.oldIndex)];
            const Cell& y = b.cells[static_cast<size_t>(m.newIndex)];
            if (x.null != y.null || x.text != y.text) {
                same = false;
                break;
            }
        }
        if (same) {
            ++c.m_data.summary.unchanged;
            return Status::Ok();
        }
        LAKESIDE_ASSIGN_OR_RETURN(bool stored, c.storeChanged(a, b.index, b.line, [&](size_t u) -> const Cell& {
            return b.cells[static_cast<size_t>(c.m_cols[u].newIndex)];
        }));
        if (stored)
            publishLast();
        return Status::Ok();
    }

    MatchContext& c;
    const KeyOrder& m_order;
    Side m_old{true, &c.m_a, {}, {}, {}};
    Side m_new{false, &c.m_b, {}, {}, {}};
    int64_t m_lastNew = -1;         // new row of the last matched pair
    std::vector<uint32_t> m_added;  // added rows since the last matched pair
    bool m_unsorted = false;
    bool m_positional = false; // column u is column u of both tables
    bool m_rawSkip = false;    // skipSameRecord() may be tried
};

} // namespace

Status mergePasses(MatchContext& c, const KeyOrder& order, bool& unsorted)
{
    MergePasses passes(c, order);
    return passes.run(unsorted);
}

} // namespace lakeside::tabular::detail
