// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a single text value looks like (classifyValue) and its canonical
// spelling for comparisons (canonicalValue), so that values differing only in
// formatting compare equal in numeric and date columns: "1.0" == "1",
// "1e3" == "1000", "2024-1-5" == "2024-01-05",
// "2024-01-05 10:00:00+01:00" == "2024-01-05T09:00:00Z", "TRUE" == "true".
//
// Integers with leading zeros ("00501") are text: they are identifiers (ZIP
// codes, account numbers) whose zeros matter.
// Pure functions; thread-safe.

#include "tabular/tablesource.h"

#include <string>
#include <string_view>

namespace lakeside::tabular {

// "", "NULL", "null", "Null", "NA", "N/A", "None": absent values. In a typed
// column these count as null; in a text column they stay text.
bool isNullToken(std::string_view v);

// The narrowest type the value fits: Boolean, Integer, Decimal, Date,
// Timestamp or Text. Unknown for null tokens.
ColumnType classifyValue(std::string_view v);

// The type that holds values of both (Integer+Decimal -> Decimal,
// Date+Timestamp -> Timestamp, Unknown+X -> X, otherwise Text).
ColumnType unifyTypes(ColumnType a, ColumnType b);

// Writes the canonical spelling of v read as `type` into out and returns true;
// returns false when v does not parse as that type (compare it as raw text
// then). Text returns false: text is compared as is. Numbers become an exact
// "<digits>e<exponent>" form (no floating point rounding), dates "YYYY-MM-DD",
// timestamps "YYYY-MM-DDTHH:MM:SS[.f]" plus "Z" when an offset was given
// (converted to UTC).
bool canonicalValue(ColumnType type, std::string_view v, std::string& out);

} // namespace lakeside::tabular
