// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: what a TableDiffResult shares between its copies, and the record
// encoding of one differing row in the RowStore:
//   status byte, varints oldRow+1, newRow+1, oldLine, newLine,
//   then per SchemaDiff column a flag byte (kHasOld, kHasNew, kChanged,
//   kSameText) followed by varint length + bytes for the old text (when
//   kHasOld and not kSameText) and for the new text (when kHasNew).
//   A missing kHasOld/kHasNew means null or absent.

#include "tabular/rowstore.h"
#include "tabular/tablediffresult.h"

namespace lakeside::tabular::detail {

enum CellFlags : uint8_t { kHasOld = 1, kHasNew = 2, kChanged = 4, kSameText = 8 };

struct DiffData {
    std::string oldName;
    std::string newName;
    SchemaDiff schema;
    std::vector<int> keyColumns;
    KeyMode keyMode = KeyMode::RowContent;
    bool normalized = true;
    DiffSummary summary;
    RowStore store;
    std::vector<uint32_t> order;   // store indices in display order
    std::vector<uint8_t> statuses; // RowStatus per display position
    uint64_t generation = 0;       // see TableDiffResult::generation
    bool partial = false;          // an onPartial snapshot
};

void putVarint(std::string& out, uint64_t v);
bool getVarint(std::string_view& in, uint64_t& v);
void encodeRowHeader(std::string& out, RowStatus status, int64_t oldRow, int64_t newRow, int64_t oldLine,
                     int64_t newLine);
void encodeCell(std::string& out, const DiffCell& cell);
bool decodeRow(std::string_view in, size_t columns, DiffRow& row);

} // namespace lakeside::tabular::detail
