// SPDX-License-Identifier: Apache-2.0
#include "tabular/tablediffresult.h"

#include "tabular/diffdata.h"

namespace lakeside::tabular {

namespace detail {

void putVarint(std::string& out, uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool getVarint(std::string_view& in, uint64_t& v)
{
    v = 0;
    for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
        const auto b = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<uint64_t>(b & 0x7F) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

void encodeRowHeader(std::string& out, RowStatus status, int64_t oldRow, int64_t newRow, int64_t oldLine,
                     int64_t newLine)
{
    out.push_back(static_cast<char>(status));
    putVarint(out, static_cast<uint64_t>(oldRow + 1));
    putVarint(out, static_cast<uint64_t>(newRow + 1));
    putVarint(out, static_cast<uint64_t>(oldLine));
    putVarint(out, static_cast<uint64_t>(newLine));
}

void encodeCell(std::string& out, const DiffCell& cell)
{
    uint8_t flags = 0;
    if (!cell.oldNull)
        flags |= kHasOld;
    if (!cell.newNull)
        flags |= kHasNew;
    if (cell.changed)
        flags |= kChanged;
    const bool same = !cell.oldNull && !cell.newNull && cell.oldText == cell.newText;
    if (same)
        flags |= kSameText;
    out.push_back(static_cast<char>(flags));
    if (!cell.oldNull && !same) {
        putVarint(out, cell.oldText.size());
        out += cell.oldText;
    }
    if (!cell.newNull) {
        putVarint(out, cell.newText.size());
        out += cell.newText;
    }
}

bool decodeRow(std::string_view in, size_t columns, DiffRow& row)
{
    if (in.empty())
        return false;
    row.status = static_cast<RowStatus>(in.front());
    in.remove_prefix(1);
    uint64_t v[4];
    for (auto& x : v) {
        if (!getVarint(in, x))
            return false;
    }
    row.oldRow = static_cast<int64_t>(v[0]) - 1;
    row.newRow = static_cast<int64_t>(v[1]) - 1;
    row.oldLine = static_cast<int64_t>(v[2]);
    row.newLine = static_cast<int64_t>(v[3]);
    row.cells.assign(columns, DiffCell());
    for (auto& cell : row.cells) {
        if (in.empty())
            return false;
        const auto flags = static_cast<uint8_t>(in.front());
        in.remove_prefix(1);
        auto text = [&in](std::string& out) {
            uint64_t len;
            if (!getVarint(in, len) || len > in.size())
                return false;
            out.assign(in.substr(0, len));
            in.remove_prefix(len);
            return true;
        };
        cell.changed = flags & kChanged;
        cell.oldNull = !(flags & kHasOld);
        cell.newNull = !(flags & kHasNew);
        if (!cell.oldNull && !(flags & kSameText) && !text(cell.oldText))
            return false;
        if (!cell.newNull && !text(cell.newText))
            return false;
        if (flags & kSameText)
            cell.oldText = cell.newText;
    }
    return in.empty();
}

} // namespace detail

const char* rowStatusName(RowStatus status)
{
    switch (status) {
    case RowStatus::Added: return "added";
    case RowStatus::Removed: return "removed";
    case RowStatus::Changed: return "changed";
    }
    return "changed";
}

const char* keyModeName(KeyMode mode)
{
    switch (mode) {
    case KeyMode::UserKey: return "key";
    case KeyMode::DetectedKey: return "detected key";
    case KeyMode::RowContent: return "row content";
    }
    return "row content";
}

namespace {
const std::shared_ptr<const detail::DiffData>& emptyData()
{
    static const std::shared_ptr<const detail::DiffData> empty = std::make_shared<detail::DiffData>();
    return empty;
}
} // namespace

TableDiffResult::TableDiffResult()
    : m_data(emptyData())
{
}

TableDiffResult::TableDiffResult(std::shared_ptr<const detail::DiffData> data)
    : m_data(std::move(data))
{
}

const std::string& TableDiffResult::oldName() const { return m_data->oldName; }
const std::string& TableDiffResult::newName() const { return m_data->newName; }
const SchemaDiff& TableDiffResult::schema() const { return m_data->schema; }
const std::vector<int>& TableDiffResult::keyColumns() const { return m_data->keyColumns; }
KeyMode TableDiffResult::keyMode() const { return m_data->keyMode; }
bool TableDiffResult::normalized() const { return m_data->normalized; }
const DiffSummary& TableDiffResult::summary() const { return m_data->summary; }
bool TableDiffResult::isPartial() const { return m_data->partial; }
uint64_t TableDiffResult::generation() const { return m_data->generation; }

std::string TableDiffResult::matchDescription() const
{
    if (m_data->keyMode == KeyMode::RowContent)
        return "rows matched by content (no key)";
    std::string names;
    for (int k : m_data->keyColumns)
        names += (names.empty() ? "'" : ", '") + m_data->schema.columns[static_cast<size_t>(k)].name() + "'";
    return std::string(m_data->keyColumns.size() > 1 ? "keys " : "key ") + names
           + (m_data->keyMode == KeyMode::DetectedKey ? " (detected)" : "");
}

int64_t TableDiffResult::rowCount() const
{
    return static_cast<int64_t>(m_view ? m_view->size() : m_data->order.size());
}

RowStatus TableDiffResult::rowStatus(int64_t i) const
{
    const size_t pos = m_view ? (*m_view)[static_cast<size_t>(i)] : static_cast<size_t>(i);
    return static_cast<RowStatus>(m_data->statuses[pos]);
}

Result<DiffRow> TableDiffResult::row(int64_t i) const
{
    if (i < 0 || i >= rowCount())
        return makeError(ErrorKind::InvalidArgument, "diff row " + std::to_string(i) + " out of range");
    const size_t pos = m_view ? (*m_view)[static_cast<size_t>(i)] : static_cast<size_t>(i);
    std::string record;
    LAKESIDE_RETURN_IF_ERROR(m_data->store.get(m_data->order[pos], record));
    DiffRow row;
    if (!detail::decodeRow(record, m_data->schema.columns.size(), row))
        return makeError(ErrorKind::Corruption, "diff row " + std::to_string(i) + " cannot be decoded");
    return row;
}

std::string TableDiffResult::keyText(const DiffRow& row) const
{
    if (m_data->keyColumns.empty())
        return "row " + std::to_string((row.newRow >= 0 ? row.newRow : row.oldRow) + 1);
    std::string out;
    for (int k : m_data->keyColumns) {
        const DiffCell& c = row.cells[static_cast<size_t>(k)];
        if (!out.empty())
            out += ", ";
        if (row.status == RowStatus::Removed)
            out += c.oldNull ? "NULL" : c.oldText;
        else
            out += c.newNull ? "NULL" : c.newText;
    }
    return out;
}

TableDiffResult TableDiffResult::filtered(const RowFilter& filter) const
{
    auto view = std::make_shared<std::vector<uint32_t>>();
    const int64_t n = rowCount();
    for (int64_t i = 0; i < n; ++i) {
        const RowStatus s = rowStatus(i);
        const bool keep = (s == RowStatus::Added && filter.added) || (s == RowStatus::Removed && filter.removed)
                          || (s == RowStatus::Changed && filter.changed);
        if (keep)
            view->push_back(m_view ? (*m_view)[static_cast<size_t>(i)] : static_cast<uint32_t>(i));
    }
    TableDiffResult out(m_data);
    out.m_view = std::move(view);
    return out;
}

} // namespace lakeside::tabular
