// SPDX-License-Identifier: Apache-2.0
#include "parquet/parquetdiff.h"

#include "parquet/fieldtext.h"

#include <cstring>
#include <unordered_map>

namespace lakeside::parquet {

namespace {

// A row group that must be compared, decoded lazily column by column: a
// column chunk that is byte-identical to the one in the partner group (same
// position in the other file) is only decoded if a row matches a row at
// another position, which is rare for rewritten files.
struct Group {
    const ParquetFile* file = nullptr;
    int index = 0;       // row group number in its file
    int64_t rows = 0;
    int partner = -1;    // position of the same-numbered group on the other side
    std::vector<uint8_t> identical;              // per leaf: chunk equals the partner's
    std::vector<uint8_t> decoded;                // per leaf (flat) or per field (nested)
    std::vector<ColumnData> columns;             // per leaf (flat fields)
    std::vector<std::vector<int32_t>> valueIndex; // per leaf: value index per row, -1 null
    std::vector<FieldText> nested;               // per top-level field (nested only)
    std::vector<uint8_t> paired;                 // per row: matched the partner's row at the same position
};

bool sameSchema(const Schema& a, const Schema& b)
{
    if (a.columns().size() != b.columns().size() || a.topFields().size() != b.topFields().size())
        return false;
    for (size_t i = 0; i < a.columns().size(); ++i) {
        const auto& x = a.columns()[i];
        const auto& y = b.columns()[i];
        if (x.path != y.path || x.type != y.type || x.typeLength != y.typeLength || x.maxDef != y.maxDef
            || x.maxRep != y.maxRep)
            return false;
    }
    return true;
}

bool sameValue(const ColumnData& a, int32_t ia, const ColumnData& b, int32_t ib)
{
    if (ia < 0 || ib < 0)
        return ia < 0 && ib < 0;
    const auto i = size_t(ia), j = size_t(ib);
    switch (a.type) {
    case PhysicalType::Boolean: return a.bools[i] == b.bools[j];
    case PhysicalType::Int32: return a.i32[i] == b.i32[j];
    case PhysicalType::Int64: return a.i64[i] == b.i64[j];
    case PhysicalType::Float: return std::memcmp(&a.f32[i], &b.f32[j], 4) == 0;
    case PhysicalType::Double: return std::memcmp(&a.f64[i], &b.f64[j], 8) == 0;
    default: return a.bytes[i] == b.bytes[j];
    }
}

class Differ {
public:
    Differ(const ParquetFile& a, const ParquetFile& b, const ParquetDiffOptions& o)
        : m_a(a), m_b(b), m_o(o), m_s(a.schema())
    {
    }

    Result<ParquetDiffSummary> run()
    {
        if (!sameSchema(m_s, m_b.schema()))
            return makeError(ErrorKind::InvalidArgument, m_a.name() + " and " + m_b.name()
                                 + " have different schemas; use the table diff");
        m_keyField = 0;
        if (!m_o.keyColumn.empty()) {
            m_keyField = -1;
            for (int f = 0; f < int(m_s.topFields().size()); ++f)
                if (fieldName(m_s, f) == m_o.keyColumn)
                    m_keyField = f;
            if (m_keyField < 0)
                return makeError(ErrorKind::InvalidArgument, m_a.name() + ": no column '" + m_o.keyColumn + "'");
        }
        if (!m_s.isFlatField(m_keyField))
            return makeError(ErrorKind::InvalidArgument, "key column '" + fieldName(m_s, m_keyField) + "' is nested");
        const PhysicalType kt = m_s.columns()[size_t(m_s.leavesOfField(m_keyField).front())].type;
        if (kt == PhysicalType::Float || kt == PhysicalType::Double || kt == PhysicalType::Boolean)
            return makeError(ErrorKind::InvalidArgument, "key column '" + fieldName(m_s, m_keyField)
                                 + "' must hold integers or strings");
        m_keyLeaf = m_s.leavesOfField(m_keyField).front();
        for (int t = 0; t < int(m_s.topFields().size()); ++t) {
            m_fieldLeaves.push_back(m_s.leavesOfField(t));
            m_fieldFlat.push_back(m_s.isFlatField(t));
        }

        const size_t nleaves = m_s.columns().size();
        for (int g = 0; g < std::max(m_a.numRowGroups(), m_b.numRowGroups()); ++g) {
            const bool inA = g < m_a.numRowGroups(), inB = g < m_b.numRowGroups();
            std::vector<uint8_t> identical(nleaves, 0);
            bool all = inA && inB && m_a.rowGroupNumRows(g) == m_b.rowGroupNumRows(g);
            if (all) {
                for (size_t c = 0; c < nleaves; ++c)
                    all &= (identical[c] = sameChunk(g, int(c))) != 0;
            }
            if (all) {
                ++m_sum.skippedRowGroups;
                m_sum.unchanged += m_b.rowGroupNumRows(g);
                continue;
            }
            const bool partners = inA && inB && m_a.rowGroupNumRows(g) == m_b.rowGroupNumRows(g);
            if (inA)
                m_old.push_back(makeGroup(m_a, g, identical));
            if (inB)
                m_new.push_back(makeGroup(m_b, g, identical));
            if (partners) {
                m_old.back().partner = int(m_new.size()) - 1;
                m_new.back().partner = int(m_old.size()) - 1;
            }
        }
        m_sum.decodedRowGroups = int(m_old.size() + m_new.size());
        if (kt == PhysicalType::Int32 || kt == PhysicalType::Int64)
            return join<int64_t>();
        return join<std::string_view>();
    }

private:
    // Both files are at hand, so compare the chunks' bytes directly: cheaper
    // than hashing them, and exact.
    bool sameChunk(int g, int c) const
    {
        auto ra = m_a.chunkRange(g, c), rb = m_b.chunkRange(g, c);
        if (!ra.ok() || !rb.ok() || ra->second - ra->first != rb->second - rb->first)
            return false;
        const auto& ma = m_a.chunk(g, c).meta;
        const auto& mb = m_b.chunk(g, c).meta;
        return ma.codec == mb.codec && ma.numValues == mb.numValues
            && std::memcmp(m_a.bytes() + ra->first, m_b.bytes() + rb->first, size_t(ra->second - ra->first)) == 0;
    }

    Group makeGroup(const ParquetFile& f, int g, const std::vector<uint8_t>& identical) const
    {
        Group grp;
        grp.file = &f;
        grp.index = g;
        grp.rows = f.rowGroupNumRows(g);
        grp.identical = identical;
        grp.decoded.assign(identical.size() + m_s.topFields().size(), 0);
        grp.columns.resize(identical.size());
        grp.valueIndex.resize(identical.size());
        grp.nested.resize(m_s.topFields().size());
        return grp;
    }

    Status ensureLeaf(Group& g, int c)
    {
        if (g.decoded[size_t(c)])
            return Status::Ok();
        LAKESIDE_ASSIGN_OR_RETURN(auto data, g.file->readColumn(g.index, c));
        auto& idx = g.valueIndex[size_t(c)];
        idx.resize(size_t(data.numSlots));
        int32_t v = 0;
        for (int64_t i = 0; i < data.numSlots; ++i)
            idx[size_t(i)] = data.slotHasValue(i) ? v++ : -1;
        g.columns[size_t(c)] = std::move(data);
        g.decoded[size_t(c)] = 1;
        return Status::Ok();
    }

    Status ensureNested(Group& g, int field)
    {
        const size_t slot = g.columns.size() + size_t(field);
        if (g.decoded[slot])
            return Status::Ok();
        LAKESIDE_ASSIGN_OR_RETURN(g.nested[size_t(field)], readFieldText(*g.file, g.index, field));
        g.decoded[slot] = 1;
        return Status::Ok();
    }

    template <class K>
    K keyOf(const Group& g, int64_t row, bool* isNull) const
    {
        const ColumnData& c = g.columns[size_t(m_keyLeaf)];
        const int32_t v = g.valueIndex[size_t(m_keyLeaf)][size_t(row)];
        *isNull = v < 0;
        if constexpr (std::is_same_v<K, int64_t>)
            return v < 0 ? 0 : (c.type == PhysicalType::Int32 ? c.i32[size_t(v)] : c.i64[size_t(v)]);
        else
            return v < 0 ? std::string_view() : c.bytes[size_t(v)];
    }

    void report(const Group& g, int64_t row)
    {
        if (m_sum.keys.size() >= m_o.maxReportedKeys)
            return;
        const int32_t v = g.valueIndex[size_t(m_keyLeaf)][size_t(row)];
        std::string text = "null";
        if (v >= 0) {
            text.clear();
            appendValueText(text, fieldValueFormat(m_s, m_keyField), g.columns[size_t(m_keyLeaf)], size_t(v));
        }
        m_sum.keys.push_back(std::move(text));
    }

    // Rows at the same position of partner groups skip identical chunks.
    Result<bool> rowsEqual(Group& x, int64_t rx, int xPos, Group& y, int64_t ry)
    {
        const bool positional = x.partner == xPos && rx == ry;
        for (int t = 0; t < int(m_fieldLeaves.size()); ++t) {
            const std::vector<int>& leaves = m_fieldLeaves[size_t(t)];
            bool identical = positional;
            for (int c : leaves)
                identical = identical && x.identical[size_t(c)];
            if (identical)
                continue;
            if (m_fieldFlat[size_t(t)]) {
                const int c = leaves.front();
                LAKESIDE_RETURN_IF_ERROR(ensureLeaf(x, c));
                LAKESIDE_RETURN_IF_ERROR(ensureLeaf(y, c));
                if (!sameValue(x.columns[size_t(c)], x.valueIndex[size_t(c)][size_t(rx)], y.columns[size_t(c)],
                               y.valueIndex[size_t(c)][size_t(ry)]))
                    return false;
            } else {
                LAKESIDE_RETURN_IF_ERROR(ensureNested(x, t));
                LAKESIDE_RETURN_IF_ERROR(ensureNested(y, t));
                const FieldText& a = x.nested[size_t(t)];
                const FieldText& b = y.nested[size_t(t)];
                if (a.isNull(size_t(rx)) != b.isNull(size_t(ry)) || a.text(size_t(rx)) != b.text(size_t(ry)))
                    return false;
            }
        }
        return true;
    }

    Status count(Group& og, int64_t orow, int oPos, Group& ng, int64_t nrow)
    {
        LAKESIDE_ASSIGN_OR_RETURN(bool same, rowsEqual(og, orow, oPos, ng, nrow));
        if (same) {
            ++m_sum.unchanged;
        } else {
            ++m_sum.changed;
            report(ng, nrow);
        }
        return Status::Ok();
    }

    // Rows whose key sits at the same position in partner groups match
    // without hashing (the usual case for a rewritten file); the rest are
    // joined through a hash table. A key repeated at paired positions is not
    // detected as a duplicate.
    template <class K>
    Result<ParquetDiffSummary> join()
    {
        for (auto* side : {&m_old, &m_new})
            for (auto& g : *side) {
                LAKESIDE_RETURN_IF_ERROR(ensureLeaf(g, m_keyLeaf));
                g.paired.assign(size_t(g.rows), 0);
            }
        bool nx = false, ny = false;
        for (size_t gi = 0; gi < m_new.size(); ++gi) {
            Group& ng = m_new[gi];
            if (ng.partner < 0)
                continue;
            Group& og = m_old[size_t(ng.partner)];
            for (int64_t r = 0; r < ng.rows; ++r) {
                const K a = keyOf<K>(og, r, &nx), b = keyOf<K>(ng, r, &ny);
                if (nx || ny || !(a == b))
                    continue;
                og.paired[size_t(r)] = ng.paired[size_t(r)] = 1;
                LAKESIDE_RETURN_IF_ERROR(count(og, r, int(gi), ng, r));
            }
        }
        struct Loc { uint32_t group; uint32_t row; bool matched; };
        std::unordered_map<K, Loc> old;
        for (size_t g = 0; g < m_old.size(); ++g)
            for (int64_t r = 0; r < m_old[g].rows; ++r) {
                if (m_old[g].paired[size_t(r)])
                    continue;
                const K k = keyOf<K>(m_old[g], r, &nx);
                if (nx || !old.emplace(k, Loc{uint32_t(g), uint32_t(r), false}).second)
                    return makeError(ErrorKind::InvalidArgument, m_a.name() + ": key column '"
                                         + fieldName(m_s, m_keyField) + "' is null or repeats");
            }
        for (size_t gi = 0; gi < m_new.size(); ++gi) {
            Group& g = m_new[gi];
            for (int64_t r = 0; r < g.rows; ++r) {
                if (g.paired[size_t(r)])
                    continue;
                const K k = keyOf<K>(g, r, &nx);
                auto it = nx ? old.end() : old.find(k);
                if (it == old.end()) {
                    ++m_sum.added;
                    report(g, r);
                    continue;
                }
                if (it->second.matched)
                    return makeError(ErrorKind::InvalidArgument, m_b.name() + ": key column '"
                                         + fieldName(m_s, m_keyField) + "' repeats");
                it->second.matched = true;
                LAKESIDE_RETURN_IF_ERROR(count(m_old[it->second.group], it->second.row, int(gi), g, r));
            }
        }
        for (const auto& [k, loc] : old)
            if (!loc.matched) {
                ++m_sum.removed;
                report(m_old[loc.group], loc.row);
            }
        return m_sum;
    }

    const ParquetFile& m_a;
    const ParquetFile& m_b;
    const ParquetDiffOptions& m_o;
    const Schema& m_s;
    int m_keyField = 0;
    int m_keyLeaf = 0;
    std::vector<std::vector<int>> m_fieldLeaves;
    std::vector<uint8_t> m_fieldFlat;
    std::vector<Group> m_old, m_new;
    ParquetDiffSummary m_sum;
};

} // namespace

Result<ParquetDiffSummary> diffParquetFiles(const ParquetFile& oldFile, const ParquetFile& newFile,
                                            const ParquetDiffOptions& options)
{
    Differ d(oldFile, newFile, options);
    return d.run();
}

} // namespace lakeside::parquet
