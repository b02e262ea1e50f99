// SPDX-License-Identifier: Apache-2.0
#pragma once
// How the values of a leaf column are shown: the logical (or legacy
// converted) type decides, the physical type only says how they are stored.
// Text forms follow DuckDB's casts to VARCHAR so the two tools agree:
//   2024-01-02 03:04:05.12 (timestamps, trailing zeros trimmed; "+00" when
//   adjusted to UTC), 2024-01-02, 01:02:03.5, 1.500 (DECIMAL(p,3)),
//   0.1 and 1e+20 (shortest round trip), \x00\xFF (bytes that are not UTF-8 text).
// Thread-safe (pure functions).

#include "parquet/columndata.h"
#include "parquet/schema.h"

#include <string>

namespace lakeside::parquet {

struct ValueFormat {
    enum Kind {
        Boolean, Int, UInt, Float, Double, Decimal, String, Binary, Date, Time, Timestamp,
        Int96Timestamp, Uuid, Float16, Interval, Null,
    };
    Kind kind = Binary;
    int32_t scale = 0, precision = 0; // Decimal
    TimeUnit unit = TimeUnit::Micros; // Time, Timestamp
    bool utc = false;                 // Timestamp adjusted to UTC
    bool json = false;                // String holding JSON text
    // ISO spelling for lakeside::tabular: timestamps "2024-01-02T03:04:05.12"
    // with "Z" when adjusted to UTC, bytes as lower-case hex.
    bool iso = false;

    // A short type name for a column header ("INT64", "DECIMAL(10,2)", "TIMESTAMP_NS", ...).
    std::string typeName() const;
};

ValueFormat valueFormatFor(const SchemaElement& leaf, PhysicalType type);

// Appends value number `index` (an index into the non-null values) as text.
void appendValueText(std::string& out, const ValueFormat& fmt, const ColumnData& data, size_t index);
// Appends it as a JSON value: numbers and booleans bare, everything else a
// JSON string (JSON-typed strings are embedded as they are when valid-looking).
void appendValueJson(std::string& out, const ValueFormat& fmt, const ColumnData& data, size_t index);
// Appends s as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view s);

} // namespace lakeside::parquet
