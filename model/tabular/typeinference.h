// SPDX-License-Identifier: Apache-2.0
#pragma once
// Infers one ColumnType per column from every value seen.
//
// Rules: nulls and null tokens ("", NULL, NA, ...) are ignored, so a mostly
// integer column with blanks stays Integer. Integer+Decimal widens to Decimal,
// Date+Timestamp to Timestamp; any other mix, or any value that is plain text,
// makes the column Text. A column of nulls only is Unknown. Declared types
// (Parquet) are kept as declared.
//
// Not thread-safe; one instance per table.

#include "tabular/tablesource.h"

#include <array>
#include <vector>

namespace lakeside::tabular {

class TypeInference {
public:
    explicit TypeInference(const Schema& schema);

    void observe(const Row& row);
    // Same as observe(row) when `row` is byte-identical (cell by cell, same
    // column count) to the row that `other` observed last, but reuses other's
    // classification of it instead of classifying again. The merge join uses
    // it for the (nearly all) unchanged rows.
    void observeAgain(const Row& row, const TypeInference& other);
    // The schema given to the constructor with the inferred types filled in.
    Schema result() const;
    // Non-null values seen per column.
    int64_t valueCount(int column) const;
    // Null cells seen per column (Cell::null; null tokens count as values).
    int64_t nullCount(int column) const { return m_nulls[static_cast<size_t>(column)]; }
    int64_t rows() const { return m_rows; }

private:
    static constexpr size_t kTypes = static_cast<size_t>(ColumnType::Text) + 1;
    Schema m_schema;
    std::vector<std::array<int64_t, kTypes>> m_counts;
    std::vector<char> m_isText; // fast path: once text, stop classifying
    std::vector<int64_t> m_nulls;
    static constexpr uint8_t kNotClassified = 0xFF;
    std::vector<uint8_t> m_last; // type of the last row's values, when classified
    int64_t m_rows = 0;
};

} // namespace lakeside::tabular
