// SPDX-License-Identifier: Apache-2.0
#pragma once
// The text of every row of one top-level field in one row group: a flat
// column's values as ValueFormat renders them, a nested field's as JSON.
// All texts share one buffer (no allocation per cell).
// Thread-safe (pure functions over an immutable ParquetFile).

#include "api/status.h"
#include "parquet/parquetfile.h"
#include "parquet/valueformat.h"

#include <string>
#include <string_view>
#include <vector>

namespace lakeside::parquet {

struct FieldText {
    std::string arena;
    std::vector<size_t> ends; // text i is arena[ends[i-1], ends[i])
    std::vector<uint8_t> nulls;

    size_t size() const { return ends.size(); }
    bool isNull(size_t i) const { return nulls[i] != 0; }
    std::string_view text(size_t i) const
    {
        const size_t b = i ? ends[i - 1] : 0;
        return std::string_view(arena).substr(b, ends[i] - b);
    }
    void appendNull()
    {
        ends.push_back(arena.size());
        nulls.push_back(1);
    }
    void finishText()
    {
        ends.push_back(arena.size());
        nulls.push_back(0);
    }
};

struct FieldTextOptions {
    bool iso = false; // ValueFormat::iso for flat columns
};

// Decodes the field's leaf columns in the row group and renders them. On
// error the message is the bare reason when `bareErrors` (the caller adds the
// position), else prefixed with file, field and row group.
Result<FieldText> readFieldText(const ParquetFile& file, int rowGroup, int topField,
                                const FieldTextOptions& options = {}, bool bareErrors = false);
// Renders a decoded flat column (one slot per row).
void appendFlatFieldText(FieldText& out, const ValueFormat& fmt, const ColumnData& data);
// The ValueFormat of a flat top-level field.
ValueFormat fieldValueFormat(const Schema& schema, int topField);
// Display type of a top-level field: the leaf's ValueFormat type name, or
// "JSON (list)", "JSON (struct)", "JSON (map)" for nested fields.
std::string fieldTypeName(const Schema& schema, int topField);
// The field's name (the root's child).
const std::string& fieldName(const Schema& schema, int topField);

} // namespace lakeside::parquet
