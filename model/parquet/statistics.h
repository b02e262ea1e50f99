// SPDX-License-Identifier: Apache-2.0
#pragma once
// A column chunk's footer statistics as text, spelled like its values
// (valueformat.h): what a UI shows per row group, and what lets a diff or a
// data check reason about a row group without decoding it.
// Thread-safe (pure function over an immutable ParquetFile).

#include "parquet/parquetfile.h"

#include <optional>
#include <string>

namespace lakeside::parquet {

struct ColumnStatisticsText {
    std::optional<std::string> min, max; // absent when not written or not decodable
    std::optional<int64_t> nullCount, distinctCount;
    // min/max came from the deprecated fields, whose order is undefined for
    // unsigned, decimal and string columns: show them, but do not prune on them.
    bool legacyOrder = false;
};

// REQUIRES: valid rowGroup and leaf column index.
ColumnStatisticsText columnStatisticsText(const ParquetFile& file, int rowGroup, int column);

} // namespace lakeside::parquet
