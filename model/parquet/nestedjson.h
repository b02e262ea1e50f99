// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reassembles nested top-level fields (lists, structs, maps, repeated
// fields) from their leaf columns' repetition and definition levels, and
// renders each row's value as JSON text, the way DuckDB's to_json() does:
// LIST-annotated groups become arrays, MAP-annotated groups objects, other
// groups objects with one member per child. Thread-safe (pure function).

#include "api/status.h"
#include "parquet/columndata.h"
#include "parquet/schema.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeside::parquet {

// `leaves` holds the decoded chunks of schema.leavesOfField(topField), in
// that order, for one row group of `numRows` rows. Each row's JSON text, or
// nullopt where the field itself is null.
Result<std::vector<std::optional<std::string>>> assembleNestedJson(const Schema& schema, int topField,
                                                                   const std::vector<const ColumnData*>& leaves,
                                                                   int64_t numRows);

} // namespace lakeside::parquet
