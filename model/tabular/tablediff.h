// SPDX-License-Identifier: Apache-2.0
#pragma once
// The table diff: what changed between two versions of a table, down to the
// cell. Entry point for the CLI (`lakeside-cli diff --table`) and for the
// GUI's diff models (run it off the UI thread; pass an OpContext to get
// progress and to cancel).
//
//   auto a = openTable("v1.csv"); auto b = openTable("v2.csv");
//   auto diff = diffTables(**a, **b);           // detects a key
//   diff->summary().changed; diff->row(0)->cells[2].oldText;
//
// How it works: the first rows of each table give column types, renames and
// key candidates; then rows are matched by key, or by whole-row content when
// no key exists, inferring whole-table types on the way (the diff is redone
// if they contradict the sample). When both tables are sorted by the key (as
// their samples show and every row confirms), one merge pass over both finds
// the differing rows in display order, so they can be shown while the diff
// runs (onPartial); memory is then just the differing rows. Otherwise a
// streaming hash join (see rowmatcher.h): about 70-80 bytes per old row plus
// the differing rows, and rows only at the end. Differing rows spill to a
// temporary file past 64 MB. docs/tabular.md has details.
//
// Thread safety: diffTables() uses only its arguments; run several at once on
// different sources. onPartial is called on the calling thread.

#include "api/types.h"
#include "tabular/opentable.h"
#include "tabular/tablediffresult.h"
#include "tabular/tablesource.h"

#include <functional>
#include <string>
#include <vector>

namespace lakeside::tabular {

struct TableDiffOptions {
    // Key column names (new names; old names of renamed columns work too).
    // Empty: detect a key when detectKey, else match rows by content.
    std::vector<std::string> keyColumns;
    bool detectKey = true;
    // Values that differ only in formatting ("1.0" vs "1", "2024-1-5" vs
    // "2024-01-05") are equal in numeric, boolean, date and timestamp
    // columns. false: every byte counts.
    bool normalizeValues = true;
    // Rows sampled from the start of each table for rename and key detection.
    int sampleRows = 10000;
    // Progress (rows done, rows total) and cancellation; may be null.
    const OpContext* context = nullptr;
    // Use the merge join when the tables are sorted by the key (false: always
    // the hash join; same result, for comparisons and benchmarks).
    bool allowMergeJoin = true;
    // In the merge join, let a CSV/TSV new table skip splitting a record that
    // is byte-for-byte the old table's current one (TableSource::
    // skipIfRecordEquals). false: every record is parsed; same result, for
    // comparisons, tests and benchmarks.
    bool allowRawRecordSkip = true;
    // Optional: snapshots of the result so far (TableDiffResult::isPartial()),
    // called on diffTables()' thread while it runs: first as soon as the
    // schema and key are known, then when differing rows were found (at once
    // for the first screenful, then at most every 20 ms; after 2000 rows only
    // the counts move, every 250 ms). Each snapshot owns copies of its rows
    // and may be kept or handed to another thread. Rows are in final order:
    // within one generation() each snapshot's rows are a prefix of the next
    // one's and of the final result's; a new generation starts over (the
    // merge met an unsorted key, a detected key was not unique, or types
    // were redone). The hash join and content matching send counts only.
    std::function<void(const TableDiffResult&)> onPartial;
};

// Errors: the sources' own (file, line, reason), InvalidArgument for an
// unknown key column, Conflict when the named key is not unique (file, line
// and value), Cancelled. The sources are rewound and read several times.
Result<TableDiffResult> diffTables(TableSource& oldTable, TableSource& newTable, const TableDiffOptions& options = {});

// Convenience: opens both paths with openTable() first.
Result<TableDiffResult> diffTableFiles(const std::string& oldPath, const std::string& newPath,
                                       const TableDiffOptions& options = {}, const ReadOptions& read = {});

} // namespace lakeside::tabular
