// SPDX-License-Identifier: Apache-2.0
#pragma once
// A fast keyed diff of two Parquet files with the same schema, for the
// common case of a new version that rewrote only some rows: row groups at the
// same position whose column chunks are byte-identical
// are counted as unchanged without being decoded; the remaining row groups of
// both sides are joined on the key column, comparing values as stored (same
// physical type on both sides). Within a changed row group, columns whose
// chunks are still byte-identical are not decoded for rows that kept their
// position.
//
// For files whose schemas differ, or for cell-level results, use the table
// diff (tabular::diffTables over ParquetTableSource); this one answers "how
// many rows changed, and which keys" quickly.
//
// Thread safety: pure function over immutable files.

#include "api/status.h"
#include "parquet/parquetfile.h"

#include <string>
#include <vector>

namespace lakeside::parquet {

struct ParquetDiffOptions {
    std::string keyColumn;     // a flat top-level column; empty: the first one
    size_t maxReportedKeys = 1000;
};

struct ParquetDiffSummary {
    int64_t added = 0, removed = 0, changed = 0, unchanged = 0;
    int skippedRowGroups = 0;  // byte-identical on both sides, not decoded
    int decodedRowGroups = 0;  // compared row groups, both sides together
    // Keys (as text) of added, removed and changed rows, up to maxReportedKeys.
    std::vector<std::string> keys;
};

// InvalidArgument when the schemas differ, the key column is missing or
// nested, or a key repeats within a side; read errors as the files report them.
Result<ParquetDiffSummary> diffParquetFiles(const ParquetFile& oldFile, const ParquetFile& newFile,
                                            const ParquetDiffOptions& options = {});

} // namespace lakeside::parquet
