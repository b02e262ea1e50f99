// SPDX-License-Identifier: Apache-2.0
#pragma once
// `diff --table PATH LEFT RIGHT`: the schema, row and cell diff of one table
// (CSV, TSV, NDJSON, Parquet) between two refs, through lakeside_tabular.
// Both versions are streamed to a private temporary folder first (the table
// diff reads its sources several times), which is removed afterwards.

#include "cli.h"

namespace lakeside::cli {

// Text: a summary ("schema: ...", "rows: ...", how rows were matched), then the
// differing rows as CSV (status,<columns>; a changed cell reads "old->new").
// JSON: {"path", "left", "right", "match", "summary": {...}, "columns": [...],
// "rows": [{"status", "cells": [{"old", "new", "changed"}]}]}.
Status renderTableDiff(Backend& backend, const TableDiffRequest& request, std::ostream& out, bool json);

} // namespace lakeside::cli
