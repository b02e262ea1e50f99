// SPDX-License-Identifier: Apache-2.0
#pragma once
// The text of every row of one top-level field in one row group: a flat
// column's values as ValueFormat renders them, a nested field's as JSON.
// Thread-safe (pure functions over an immutable ParquetFile).

#include "api/status.h"
#include "parquet/parquetfile.h"
#include "parquet/valueformat.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeside::parquet {

using FieldText = std::vector<std::optional<std::string>>; // nullopt: null

// Decodes the field's leaf columns in the row group and renders them.
Result<FieldText> readFieldText(const ParquetFile& file, int rowGroup, int topField);
// Renders a decoded flat column (one slot per row).
FieldText flatFieldText(const ValueFormat& fmt, const ColumnData& data);
// Display type of a top-level field: the leaf's ValueFormat type name, or
// "JSON (list)", "JSON (struct)", "JSON (map)" for nested fields.
std::string fieldTypeName(const Schema& schema, int topField);

} // namespace lakeside::parquet
