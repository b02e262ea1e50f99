// SPDX-License-Identifier: Apache-2.0
#pragma once
// Decodes one column chunk (all its pages) into a ColumnData. Errors name the
// page's byte offset and the reason; the caller adds the column and row group.
// Thread-safe: reads only the immutable file bytes.

#include "api/status.h"
#include "parquet/columndata.h"
#include "parquet/filebuffer.h"
#include "parquet/schema.h"

#include <memory>

namespace lakeside::parquet {

struct ChunkLocation {
    size_t begin = 0, end = 0; // byte range of the chunk's pages in the file
};

Result<ColumnData> readColumnChunk(const std::shared_ptr<const FileBuffer>& file, ChunkLocation where,
                                   const ColumnDescriptor& column, const ColumnMetaData& meta,
                                   int64_t numRows);

} // namespace lakeside::parquet
