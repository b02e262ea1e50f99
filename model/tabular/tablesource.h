// SPDX-License-Identifier: Apache-2.0
#pragma once
// The abstract row source that every table format implements (CSV, TSV and
// NDJSON here; Parquet in model/parquet). The diff engine, type inference and
// the CLI only ever see this interface.
//
// Contract for implementers (the Parquet reader included):
//  - schema() is complete as soon as the source is opened and never changes.
//    Column names are unique (a file with duplicate names fails to open with
//    InvalidArgument). Formats that declare types (Parquet) set Column::type
//    and Column::declared; text formats leave the type Unknown and let
//    TypeInference decide.
//  - Every cell is handed out as text in a canonical-enough spelling:
//      integers   "-42"                       decimals  "3.25", "1e-07" (any
//      booleans   "true" / "false"            exact decimal spelling is fine)
//      dates      "2024-01-05"                timestamps "2024-01-05T10:00:00[.ffffff][Z]"
//      text       the UTF-8 text              nested (lists, structs, JSON) compact JSON text
//      binary     lower-case hex
//    A null is Cell::null == true (text empty). Text formats make an empty
//    field null: CSV cannot tell an empty string from a missing value.
//  - next() fills the row and returns true, returns false at the end, or an
//    error. After an error or the end, every further next() returns the same.
//    A malformed file is an error (InvalidArgument for bad syntax, Corruption
//    for bytes that cannot be decoded), never silently truncated. Build the
//    message with sourceError() so that it says file, line (or row group) and
//    column.
//  - rewind() restarts at the first data row; the diff reads each side more
//    than once (a sample of the first rows, then the whole table). A source
//    that cannot restart returns NotImplemented.
//  - bookmark()/seek() are optional (see below); the defaults say "cannot".
//  - rawDialect()/rawRecord()/skipIfRecordEquals() are optional too (see
//    below); the defaults say "not supported".
//
// Lifetime: the string_views in Row::cells point into the source's buffers and
// stay valid only until the next call to next(), rewind() or seek() on that
// source.
//
// Thread safety: a TableSource is used by one thread at a time; distinct
// sources are independent.

#include "api/status.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeside::tabular {

// Ordered from narrow to wide within each family; see TypeInference for the
// rules that widen a column (Integer -> Decimal, Date -> Timestamp, else Text).
enum class ColumnType {
    Unknown,   // not declared and not inferred yet (or every value null)
    Boolean,
    Integer,
    Decimal,
    Date,
    Timestamp,
    Text,
};

// Stable lower-case name ("integer"), used in messages, exports and the CLI.
const char* columnTypeName(ColumnType type);

struct Column {
    std::string name;
    ColumnType type = ColumnType::Unknown;
    // True when the file format itself declares the type (Parquet); inference
    // then keeps it.
    bool declared = false;
};

struct Schema {
    std::vector<Column> columns;

    int size() const { return static_cast<int>(columns.size()); }
    // Index of the column with that exact name, or -1.
    int indexOf(std::string_view name) const;
};

struct Cell {
    std::string_view text; // empty when null
    bool null = false;
};

struct Row {
    // One cell per schema column, in schema order.
    std::vector<Cell> cells;
    // 0-based index of this data row in the file (header excluded).
    int64_t index = -1;
    // 1-based physical line where the record starts (text formats), else 0.
    int64_t line = 0;
    // Row group holding the row (Parquet), else -1.
    int64_t rowGroup = -1;
};

// Identifies a row so that a source can come back to it (see
// TableSource::bookmark). Opaque to callers; CSV/TSV/NDJSON use a byte offset.
struct RowBookmark {
    int64_t offset = 0;
    int64_t index = 0; // the row's Row::index
    int64_t line = 0;  // the row's Row::line
};

// Where something is in a source, for error messages.
struct SourcePosition {
    std::string file;      // path or display name
    int64_t line = 0;      // 1-based line, 0 when not applicable
    int64_t rowGroup = -1; // Parquet row group, -1 when not applicable
    int64_t row = -1;      // 0-based data row, -1 when not applicable
    std::string column;    // column name, empty when the whole record is meant
};

// "data.csv:12: column 'price': <reason>" or
// "data.parquet: row group 3, row 1200: column 'price': <reason>".
// Tests and the GUI rely on this spelling: file first, then position, then reason.
std::string describePosition(const SourcePosition& where);
Error sourceError(ErrorKind kind, const SourcePosition& where, std::string_view reason);

class TableSource {
public:
    virtual ~TableSource() = default;
    TableSource() = default;
    TableSource(const TableSource&) = delete;
    TableSource& operator=(const TableSource&) = delete;

    // Path or display name used in every message about this source.
    virtual const std::string& name() const = 0;
    virtual const Schema& schema() const = 0;
    // Next data row; see the contract at the top of this file.
    virtual Result<bool> next(Row& row) = 0;
    // Exact number of data rows when the format knows it cheaply (Parquet
    // footer), else nullopt. Used for progress and for sizing hash tables.
    virtual std::optional<int64_t> rowCountHint() const = 0;
    // Restart at the first data row (clears a sticky error).
    virtual Status rewind() = 0;
    // Bytes consumed so far and total bytes (total < 0 when unknown), for
    // progress bars. Default: unknown.
    virtual std::pair<int64_t, int64_t> progress() const { return {0, -1}; }

    // Optional random access, so the diff can fetch a few old rows again
    // without re-reading the whole table. bookmark(), called right after
    // next() returned true, identifies that row; seek() makes the following
    // next() return it again (same cells, index and line) and continue from
    // there. Sources without it keep the defaults; the diff then streams.
    virtual std::optional<RowBookmark> bookmark() const { return std::nullopt; }
    virtual Status seek(const RowBookmark& where)
    {
        (void)where;
        return makeError(ErrorKind::NotImplemented, name() + ": cannot seek");
    }

    // Optional raw-record shortcut for text formats, so that a merge of two
    // tables whose records are mostly the same bytes need not split those
    // records into fields on the second side (see mergematch.cpp).
    //
    // rawDialect(): empty when unsupported (the default). Promise: two
    // sources with the same non-empty dialect and identical schemas (the same
    // column names in the same order) split equal record bytes into equal
    // cells, and accept or reject those bytes alike (field count, encoding,
    // repeated header).
    virtual std::string_view rawDialect() const { return {}; }
    // The bytes of the row last returned by next() (or consumed by
    // skipIfRecordEquals()), from its first byte through its line end when it
    // has one (none: the last record of a file without a final newline).
    // Valid until the next call to next(), skipIfRecordEquals(), rewind() or
    // seek(). nullopt when unsupported or when there is no such row.
    virtual std::optional<std::string_view> rawRecord() const { return std::nullopt; }
    // When this source's next record is exactly `raw` — a rawRecord() of a
    // row that a source with the same rawDialect() and schema returned — and
    // `raw` ends with a line feed, consumes that record as next() would
    // (Row::index, Row::line, progress(), bookmark() and rawRecord() move on
    // alike) without splitting it: sets row.index, row.line and row.rowGroup,
    // leaves row.cells alone (they are the other row's cells) and returns
    // true. Otherwise returns false and the position is untouched: next()
    // then reads the record normally and reports whatever is wrong with it.
    // The line feed rule keeps it exact: a record is ended by its line feed,
    // but one ended by the end of the file might continue here. Errors: the
    // stream's (Io). Invalidates the cells of the previous row like next().
    virtual Result<bool> skipIfRecordEquals(std::string_view raw, Row& row)
    {
        (void)raw;
        (void)row;
        return false;
    }
};

} // namespace lakeside::tabular
