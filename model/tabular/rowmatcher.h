// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: the streaming row passes of the diff.
//
// Keyed, sorted inputs (merge join, mergematch.cpp): when MatchPlan::order is
// set (the key has an order that agrees with the diff's equality, see
// keyorder.h, and both samples were strictly ascending by it), both tables
// are read once, in lockstep. Equal keys: row hashes compared, a changed
// row's old and new cells stored at once; old-only: removed; new-only: added.
// Rows come out in display order and are published to the PartialPublisher
// as found (added rows wait for the next matched row, since removed rows
// found before it are shown before them). The order is checked on every row:
// a repeated key fails with the same Conflict as the hash join; a key out of
// order abandons the merge and redoes the match with the hash join from the
// start (the publisher starts a new generation). When both tables are CSV
// (or both TSV) with the same dialect and column names, a new record that is
// byte-for-byte the old table's current record is consumed unsplit
// (TableSource::skipIfRecordEquals): it is that row, unchanged, with its
// types. Memory: two rows plus the differing rows.
//
// Keyed, otherwise (hash join, keyedmatch.cpp): (1) stream the old table into
// a KeyIndex of key hash -> (row hash, row number); (2) stream the new table,
// probing: absent = added (stored now), same row hash = unchanged (counted),
// different = changed (new cells parked in a temporary store); (3) pick up
// the old cells of changed and removed rows: by seeking to offsets recorded
// in (1) when the source can and they are few, else by streaming the old
// table once more; then sort into display order (rows are published only at
// the end). Probes run 16 rows behind the reader after a prefetch. Memory:
// the index (24 bytes a slot), 4 bytes per old row linking it to its new row,
// 16 more when seeking, plus the differing rows (spilled to a temporary file
// past 64 MB).
//
// Content (no key, contentmatch.cpp): the same passes over a multiset of
// whole-row hashes; differing rows are only added or removed.
// matchcontext.h holds what the passes share.

#include "api/types.h"
#include "tabular/diffdata.h"
#include "tabular/tablesource.h"
#include "tabular/typeinference.h"

#include <memory>

namespace lakeside::tabular::detail {

class KeyOrder;
class PartialPublisher;

struct MatchPlan {
    const SchemaDiff* schema = nullptr;
    std::vector<int> key;              // SchemaDiff columns; empty = content matching
    std::vector<ColumnType> compareAs; // per SchemaDiff column
    bool normalize = true;
    // Row counts, possibly estimated (they size the hash index).
    int64_t oldRows = 0;
    int64_t newRows = 0;
    const OpContext* context = nullptr;
    // Set: try the merge join with this key order first.
    const KeyOrder* order = nullptr;
    // Set: receives the rows in display order and sends snapshots.
    PartialPublisher* partial = nullptr;
    // The merge join may skip parsing new records that equal the old side's
    // current record byte for byte (TableSource::skipIfRecordEquals).
    bool rawRecordSkip = true;
};

// Whole-table type inference done on the way, so that the diff needs no
// separate profiling pass (see tablediff.cpp for how it is checked).
struct MatchInference {
    TypeInference oldTypes;
    TypeInference newTypes;
};

// Fills data->summary, store, order and statuses (data's header fields must
// be set; data.generation is stamped by the publisher). Fails with Conflict
// when a key value repeats within one table (the message names file, line and
// value), with the sources' errors, or Cancelled. When `inference` is given,
// every row of both tables is observed by it (once: it is reset when the
// merge falls back).
Status matchRows(TableSource& oldTable, TableSource& newTable, const MatchPlan& plan, DiffData& data,
                 MatchInference* inference = nullptr);

} // namespace lakeside::tabular::detail
