// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: the streaming row passes of the diff.
//
// Keyed: (1) stream the old table into a KeyIndex of key hash -> (row hash,
// row number); (2) stream the new table, probing: absent = added (stored
// now), same row hash = unchanged (counted), different = changed (new cells
// parked in a temporary store); (3) pick up the old cells of changed and
// removed rows: by seeking to offsets recorded in (1) when the source can and
// they are few, else by streaming the old table once more. Probes run 16 rows
// behind the reader after a prefetch. Memory: the index (24 bytes a slot),
// 4 bytes per old row linking it to its new row, 16 more when seeking, plus
// the differing rows (spilled to a temporary file past 64 MB).
// keyedmatch.cpp and contentmatch.cpp hold the passes, matchcontext.h what
// they share.
//
// Content (no key): the same passes over a multiset of whole-row hashes;
// differing rows are only added or removed.

#include "api/types.h"
#include "tabular/diffdata.h"
#include "tabular/tablesource.h"
#include "tabular/typeinference.h"

#include <memory>

namespace lakeside::tabular::detail {

struct MatchPlan {
    const SchemaDiff* schema = nullptr;
    std::vector<int> key;              // SchemaDiff columns; empty = content matching
    std::vector<ColumnType> compareAs; // per SchemaDiff column
    bool normalize = true;
    // Row counts, possibly estimated (they size the hash index).
    int64_t oldRows = 0;
    int64_t newRows = 0;
    const OpContext* context = nullptr;
};

// Whole-table type inference done on the way, so that the diff needs no
// separate profiling pass (see tablediff.cpp for how it is checked).
struct MatchInference {
    TypeInference oldTypes;
    TypeInference newTypes;
};

// Fills data->summary, store, order and statuses. Fails with Conflict when a
// key value repeats within one table (the message names file, line and value),
// with the sources' errors, or Cancelled. When `inference` is given, every
// row of both tables is observed by it.
Status matchRows(TableSource& oldTable, TableSource& newTable, const MatchPlan& plan, DiffData& data,
                 MatchInference* inference = nullptr);

} // namespace lakeside::tabular::detail
