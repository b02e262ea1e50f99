// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the Objects tab shows for a Parquet object before any row is decoded:
// the opened file (footer only), its schema and a row-group summary.
//
// loadParquetPreview() streams the object to a private temporary file,
// memory-maps it and removes the file at once (the mapping keeps the bytes
// alive for as long as the ParquetFile lives), then reads the footer. Rows
// are decoded later, one row group at a time, by ParquetRowModel.
//
// Pure functions; call loadParquetPreview() off the UI thread. Thread-safe.

#include "api/backend.h"
#include "models/previewtablemodel.h"
#include "parquet/parquetfile.h"

#include <QString>

#include <memory>

namespace lakeside {

struct ParquetPreview {
    std::shared_ptr<const parquet::ParquetFile> file; // null on error
    QString error;      // why the object cannot be shown (names file, column, row group, reason)
    qint64 size = 0;    // the object's size in bytes
    QString createdBy;  // the writer named in the footer ("DuckDB", "parquet-cpp-arrow ...")
    // One row per leaf column: Column | Physical type | Logical type | Nullability.
    PreviewTable schema;
    // One row per row group: Row group | First row | Rows | Compressed | Uncompressed |
    // Codec | then "min … max" (and null count) for each leaf column from the footer.
    PreviewTable rowGroups;
};

// Column indices of ParquetPreview::rowGroups (the per-column statistics follow).
enum ParquetRowGroupColumn {
    RgIndex, RgFirstRow, RgRows, RgCompressed, RgUncompressed, RgCodec, RgFirstStatistics
};

ParquetPreview loadParquetPreview(Backend& backend, const std::string& repo, const std::string& ref,
                                  const std::string& path, const OpContext& ctx);

// The schema and row-group tables of an opened file.
ParquetPreview describeParquetFile(std::shared_ptr<const parquet::ParquetFile> file);

// "STRING", "DECIMAL(10,2)", "TIMESTAMP(us, UTC)", "INTEGER(8, unsigned)", a
// legacy converted type ("UTF8"), or an empty string when the column has none.
QString parquetLogicalTypeText(const parquet::SchemaElement& element);

} // namespace lakeside
