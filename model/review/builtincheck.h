// SPDX-License-Identifier: Apache-2.0
#pragma once
// Lakeside's built-in data checks, hook type `lakeside_check`. Properties:
//   paths: glob or list of globs selecting objects (default "*"; `_lakefs_actions/` never)
//   allowed_formats: [csv, parquet, ...]   path_patterns: [globs every object must match]
//   max_size_bytes: N                      required_columns: {name: type or "any"}
//   not_null: [columns]                    unique: [key columns]
//   min_rows: N                            max_rows: N
// Tables are read with lakeside::tabular (CSV, TSV, NDJSON; Parquet through
// lakeside_parquet) from the event's ref. The output names file, column and
// row of every failure.
// Thread safety: reentrant; uses only the given backend.

#include "api/backend.h"
#include "review/actionconfig.h"

namespace lakeside::review {

struct HookOutcome {
    bool ok = true;
    std::string output;
};

HookOutcome runBuiltinCheck(Backend& backend, const std::string& repo, const std::string& ref, const HookSpec& hook);

} // namespace lakeside::review
