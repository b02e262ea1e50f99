// SPDX-License-Identifier: Apache-2.0
#pragma once
// A streaming pass over a table, or over its first rows only: inferred types,
// row count, null counts and a sample of the first rows (for rename and key
// detection). Memory is bounded by the sample size, not by the table.

#include "api/types.h"
#include "tabular/tablesource.h"
#include "tabular/typeinference.h"

#include <optional>
#include <string>
#include <vector>

namespace lakeside::tabular {

struct TableProfile {
    std::string name;
    Schema schema; // with inferred types
    // Rows read; the whole table when `complete`.
    int64_t rows = 0;
    bool complete = false;
    // Rows in the whole table: exact when complete, else estimated from the
    // sample's bytes per row and the source's size (rows read when unknown).
    int64_t estimatedRows = 0;
    std::vector<int64_t> nullCounts;
    // The first rows, as text; nullopt for a null cell.
    std::vector<std::vector<std::optional<std::string>>> sample;

    // Replaces types, null counts and row counts with a whole-table inference.
    void completeWith(const TypeInference& inference);
};

// Reads `source` from the start (rewinding it first), to its end or, when
// !wholeTable, only its first sampleRows rows. Fails with the source's error,
// or Cancelled when ctx says so. Reports progress in bytes (whole table only).
Result<TableProfile> profileTable(TableSource& source, int sampleRows, const OpContext* ctx = nullptr,
                                  bool wholeTable = true);

} // namespace lakeside::tabular
