// SPDX-License-Identifier: Apache-2.0
#include "tabular/keyorder.h"

#include "tabular/valueformat.h"

namespace lakeside::tabular::detail {
namespace {

// The canonical integer spellings: one per value, so the int64 order agrees
// with byte equality and with the numeric equality of normalised values.
bool strictInteger(std::string_view s, int64_t& out)
{
    const bool neg = !s.empty() && s.front() == '-';
    if (neg)
        s.remove_prefix(1);
    if (s.empty() || s.size() > 18 || (s.size() > 1 && s.front() == '0') || (neg && s == "0"))
        return false;
    int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = neg ? -v : v;
    return true;
}

} // namespace

std::optional<KeyOrder> KeyOrder::forKey(const SchemaDiff& schema, const std::vector<int>& key,
                                         const std::vector<ColumnType>& compareAs, bool normalize)
{
    if (key.empty())
        return std::nullopt;
    KeyOrder order;
    for (int u : key) {
        const ColumnMatch& m = schema.columns[static_cast<size_t>(u)];
        const ColumnType t = compareAs[static_cast<size_t>(u)];
        Part p{m.oldIndex, m.newIndex, Kind::Bytes, t};
        switch (t) {
        case ColumnType::Integer:
            p.kind = Kind::Integer;
            break;
        case ColumnType::Date:
        case ColumnType::Timestamp:
            p.kind = normalize ? Kind::Canonical : Kind::Bytes;
            break;
        case ColumnType::Decimal:
        case ColumnType::Boolean:
            return std::nullopt;
        case ColumnType::Text:
        case ColumnType::Unknown:
            // Compared as bytes; integer ids still sort numerically when
            // both sides are integers (one spelling per value).
            if (!normalize && unifyTypes(m.oldType, m.newType) == ColumnType::Integer)
                p.kind = Kind::Integer;
            break;
        }
        order.m_parts.push_back(p);
    }
    return order;
}

bool KeyOrder::extractWith(const std::function<Cell(int)>& cellAt, bool old, KeyValue& out) const
{
    out.numbers.resize(m_parts.size());
    out.texts.resize(m_parts.size());
    for (size_t i = 0; i < m_parts.size(); ++i) {
        const Part& p = m_parts[i];
        const Cell c = cellAt(old ? p.oldIndex : p.newIndex);
        if (c.null)
            return false;
        switch (p.kind) {
        case Kind::Integer:
            if (!strictInteger(c.text, out.numbers[i]))
                return false;
            break;
        case Kind::Bytes:
            out.texts[i].assign(c.text);
            break;
        case Kind::Canonical:
            if (isNullToken(c.text) || !canonicalValue(p.type, c.text, out.texts[i]))
                return false;
            break;
        }
    }
    return true;
}

bool KeyOrder::extract(const Row& row, bool old, KeyValue& out) const
{
    // Inlined fast path for the common single integer or text key.
    if (m_parts.size() == 1 && m_parts[0].kind != Kind::Canonical) {
        const Part& p = m_parts[0];
        const Cell& c = row.cells[static_cast<size_t>(old ? p.oldIndex : p.newIndex)];
        out.numbers.resize(1);
        out.texts.resize(1);
        if (c.null)
            return false;
        if (p.kind == Kind::Integer)
            return strictInteger(c.text, out.numbers[0]);
        out.texts[0].assign(c.text);
        return true;
    }
    return extractWith([&row](int i) { return row.cells[static_cast<size_t>(i)]; }, old, out);
}

int KeyOrder::compare(const KeyValue& a, const KeyValue& b) const
{
    for (size_t i = 0; i < m_parts.size(); ++i) {
        if (m_parts[i].kind == Kind::Integer) {
            if (a.numbers[i] != b.numbers[i])
                return a.numbers[i] < b.numbers[i] ? -1 : 1;
        } else if (const int c = a.texts[i].compare(b.texts[i]); c != 0) {
            return c;
        }
    }
    return 0;
}

bool KeyOrder::sampleAscending(const TableProfile& profile, bool old) const
{
    KeyValue prev, cur;
    bool first = true;
    for (const auto& sampleRow : profile.sample) {
        auto cellAt = [&sampleRow](int i) {
            const auto& v = sampleRow[static_cast<size_t>(i)];
            return v ? Cell{*v, false} : Cell{{}, true};
        };
        if (!extractWith(cellAt, old, cur))
            return false;
        if (!first && compare(prev, cur) >= 0)
            return false;
        std::swap(prev, cur);
        first = false;
    }
    return true;
}

} // namespace lakeside::tabular::detail
