// SPDX-License-Identifier: Apache-2.0
#pragma once
// An open Parquet file: its footer, schema and row groups, with column chunks
// decoded on demand (one column of one row group at a time), so opening a
// large file reads only its footer.
//
// Errors name the file, column and row group and say why, e.g.
// "sales.parquet: column 'price', row group 3: page at byte 81234: ZSTD data
// is malformed". Nothing here throws, crashes or reads outside the file on
// malformed input.
//
// Thread safety: a ParquetFile is immutable after open(); readColumn() and
// the other const methods may be called from several threads at once.

#include "api/status.h"
#include "parquet/columndata.h"
#include "parquet/filebuffer.h"
#include "parquet/metadata.h"
#include "parquet/schema.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace lakeside::parquet {

// A 128-bit content hash of a column chunk's bytes (its pages as stored).
// Two chunks with equal fingerprints and equal column types decode to the
// same values, so a diff may skip them without decoding.
using Fingerprint = std::array<uint64_t, 2>;

class ParquetFile {
public:
    // `name` is used in error messages (usually the path or object key).
    static Result<std::shared_ptr<const ParquetFile>> open(const std::string& path);
    static Result<std::shared_ptr<const ParquetFile>> fromBuffer(std::shared_ptr<const FileBuffer> bytes,
                                                                 const std::string& name);

    const std::string& name() const { return m_name; }
    const FileMetaData& metadata() const { return m_meta; }
    // The whole file's bytes (valid as long as this object).
    const uint8_t* bytes() const { return m_bytes->data(); }
    size_t size() const { return m_bytes->size(); }
    const Schema& schema() const { return m_schema; }
    int64_t numRows() const { return m_meta.numRows; }
    int numRowGroups() const { return int(m_meta.rowGroups.size()); }
    int64_t rowGroupNumRows(int rowGroup) const { return m_meta.rowGroups[size_t(rowGroup)].numRows; }
    // First row of each row group within the file.
    int64_t rowGroupFirstRow(int rowGroup) const { return m_firstRow[size_t(rowGroup)]; }

    // REQUIRES: 0 <= rowGroup < numRowGroups(), 0 <= column < schema().columns().size()
    const ColumnChunkMeta& chunk(int rowGroup, int column) const
    {
        return m_meta.rowGroups[size_t(rowGroup)].columns[size_t(column)];
    }
    // Byte range [begin, end) of a column chunk's pages, validated against the file.
    Result<std::pair<int64_t, int64_t>> chunkRange(int rowGroup, int column) const;
    // Content hash of a column chunk's bytes; cheap (hashes at memory speed, no decoding).
    Result<Fingerprint> chunkFingerprint(int rowGroup, int column) const;
    // Combined fingerprint of the chosen columns (all if empty) of a row group,
    // including its row count.
    Result<Fingerprint> rowGroupFingerprint(int rowGroup, const std::vector<int>& columns = {}) const;

    // Decodes one column chunk. Errors are prefixed with file, column and row group.
    Result<ColumnData> readColumn(int rowGroup, int column) const;
    // The same, with the bare reason as the error message (for callers that
    // spell the position themselves, such as ParquetTableSource).
    Result<ColumnData> decodeColumn(int rowGroup, int column) const;

    // "column 'x', row group 2: " style prefix for errors about a chunk.
    std::string where(int rowGroup, int column) const;

private:
    ParquetFile() = default;
    Result<std::pair<int64_t, int64_t>> chunkRangeBare(int rowGroup, int column) const;
    Status validate();

    std::string m_name;
    std::shared_ptr<const FileBuffer> m_bytes;
    FileMetaData m_meta;
    Schema m_schema;
    std::vector<int64_t> m_firstRow;
    size_t m_dataEnd = 0; // first byte of the footer
};

// A fast 128-bit hash (not cryptographic), used for fingerprints.
Fingerprint hashBytes(const uint8_t* data, size_t size, uint64_t seed = 0);

} // namespace lakeside::parquet
