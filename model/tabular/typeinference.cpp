// SPDX-License-Identifier: Apache-2.0
#include "tabular/typeinference.h"

#include "tabular/valueformat.h"

#include <algorithm>

namespace lakeside::tabular {

TypeInference::TypeInference(const Schema& schema)
    : m_schema(schema)
    , m_counts(schema.columns.size())
    , m_isText(schema.columns.size(), 0)
    , m_nulls(schema.columns.size(), 0)
    , m_last(schema.columns.size(), kNotClassified)
{
    for (auto& c : m_counts)
        c.fill(0);
    for (size_t i = 0; i < schema.columns.size(); ++i) {
        if (schema.columns[i].declared)
            m_isText[i] = 1; // nothing to infer
    }
}

void TypeInference::observe(const Row& row)
{
    ++m_rows;
    const size_t n = std::min(row.cells.size(), m_counts.size());
    for (size_t i = 0; i < n; ++i) {
        const Cell& c = row.cells[i];
        if (c.null) {
            ++m_nulls[i];
            continue;
        }
        if (m_isText[i]) {
            ++m_counts[i][static_cast<size_t>(ColumnType::Text)];
            m_last[i] = kNotClassified;
            continue;
        }
        const ColumnType t = classifyValue(c.text);
        m_last[i] = static_cast<uint8_t>(t);
        ++m_counts[i][static_cast<size_t>(t)];
        if (t == ColumnType::Text)
            m_isText[i] = 1;
    }
}

void TypeInference::observeAgain(const Row& row, const TypeInference& other)
{
    ++m_rows;
    const size_t n = std::min(row.cells.size(), m_counts.size());
    for (size_t i = 0; i < n; ++i) {
        const Cell& c = row.cells[i];
        if (c.null) {
            ++m_nulls[i];
            continue;
        }
        ColumnType t = ColumnType::Text;
        if (!m_isText[i])
            t = i < other.m_last.size() && other.m_last[i] != kNotClassified ? static_cast<ColumnType>(other.m_last[i])
                                                                             : classifyValue(c.text);
        m_last[i] = m_isText[i] ? kNotClassified : static_cast<uint8_t>(t);
        ++m_counts[i][static_cast<size_t>(t)];
        if (t == ColumnType::Text)
            m_isText[i] = 1;
    }
}

int64_t TypeInference::valueCount(int column) const
{
    int64_t n = 0;
    const auto& c = m_counts[static_cast<size_t>(column)];
    for (size_t t = static_cast<size_t>(ColumnType::Boolean); t < kTypes; ++t)
        n += c[t];
    return n;
}

Schema TypeInference::result() const
{
    Schema out = m_schema;
    for (size_t i = 0; i < out.columns.size(); ++i) {
        Column& col = out.columns[i];
        if (col.declared)
            continue;
        ColumnType t = ColumnType::Unknown;
        for (size_t k = static_cast<size_t>(ColumnType::Boolean); k < kTypes; ++k) {
            if (m_counts[i][k] > 0)
                t = unifyTypes(t, static_cast<ColumnType>(k));
        }
        col.type = t;
    }
    return out;
}

} // namespace lakeside::tabular
