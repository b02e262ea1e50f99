// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: a total order on key values that agrees with the diff's equality
// rules, so that a merge join (mergematch.cpp) may treat "neither less nor
// greater" as "the same key". Per key column, by its comparison type:
//   integer    int64 order, for the canonical spelling only ("0", "-12",
//              no sign '+', no leading zeros, at most 18 digits); also used
//              for integer columns compared as text (normalizeValues off),
//              where one value has one spelling;
//   text       bytes (unsigned, like `LC_ALL=C sort`);
//   date,
//   timestamp  bytes of the canonical form (canonicalValue()), which is what
//              equality compares.
// Decimal and boolean keys have no order here (the diff hashes them instead).
// A null, a null token in a typed column, or any other spelling cannot be
// placed: extract() returns false and the caller gives up the merge.
// Multi-column keys compare left to right.
//
// Thread safety: immutable after construction; extract() uses only its
// arguments.

#include "tabular/schemadiff.h"
#include "tabular/tableprofile.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::tabular::detail {

// One row's key, ready to compare. Reused from row to row (no allocation
// once the strings have grown).
struct KeyValue {
    std::vector<int64_t> numbers; // per key column (integer kind)
    std::vector<std::string> texts; // per key column (byte kinds)
};

class KeyOrder {
public:
    // nullopt when a key column's type has no such order.
    static std::optional<KeyOrder> forKey(const SchemaDiff& schema, const std::vector<int>& key,
                                          const std::vector<ColumnType>& compareAs, bool normalize);

    // The key of a row of the old (old = true) or new table; false when a
    // value cannot be placed in the order.
    bool extract(const Row& row, bool old, KeyValue& out) const;
    // <0, 0, >0 like strcmp.
    int compare(const KeyValue& a, const KeyValue& b) const;
    // Whether a profile's sample rows are strictly ascending (and every value
    // can be placed): the precondition for trying the merge.
    bool sampleAscending(const TableProfile& profile, bool old) const;

private:
    enum class Kind : uint8_t { Integer, Bytes, Canonical };
    struct Part {
        int oldIndex;
        int newIndex;
        Kind kind;
        ColumnType type; // for Canonical
    };
    bool extractWith(const std::function<Cell(int)>& cellAt, bool old, KeyValue& out) const;

    std::vector<Part> m_parts;
};

} // namespace lakeside::tabular::detail
