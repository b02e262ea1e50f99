// SPDX-License-Identifier: Apache-2.0
#pragma once
// One streaming pass over a table: inferred types, row count, null counts and
// a sample of the first rows (for rename and key detection). Memory is bounded
// by the sample size, not by the table.

#include "api/types.h"
#include "tabular/tablesource.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeside::tabular {

struct TableProfile {
    std::string name;
    Schema schema; // with inferred types
    int64_t rows = 0;
    std::vector<int64_t> nullCounts;
    // The first rows, as text; nullopt for a null cell.
    std::vector<std::vector<std::optional<std::string>>> sample;
};

// Reads `source` from the start (rewinding it first) to its end. Fails with the
// source's error, or Cancelled when ctx says so.
Result<TableProfile> profileTable(TableSource& source, int sampleRows, const OpContext* ctx = nullptr);

} // namespace lakeside::tabular
