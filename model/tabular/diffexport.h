// SPDX-License-Identifier: Apache-2.0
#pragma once
// Writing a TableDiffResult for people and tools.
//
// CSV (RFC 4180, UTF-8, CRLF-free "\n" line ends): a header "status,<columns>"
// then one record per differing row, status "added", "removed" or "changed".
// Added rows carry their new values, removed rows their old values; in a
// changed row an unchanged cell holds its value and a changed cell holds
// "old->new" (an empty side is a null). Columns are the SchemaDiff's, by
// their new names (old names for removed columns).
//
// HTML: one self-contained page (inline CSS, no scripts, no external assets)
// with the summary, the schema changes and the rows; every value is escaped.
//
// Both write rows in the result's order and stop with the stream's error.

#include "tabular/tablediffresult.h"

#include <ostream>
#include <string>

namespace lakeside::tabular {

Status exportDiffCsv(const TableDiffResult& diff, std::ostream& out);

struct HtmlExportOptions {
    // Rows written at most (0 = all); the page says when it stops short.
    int64_t maxRows = 100000;
    std::string title; // default: "Table diff: <old> → <new>"
};
Status exportDiffHtml(const TableDiffResult& diff, std::ostream& out, const HtmlExportOptions& options = {});

// To a file; the format from the extension (.csv or .html/.htm).
Status exportDiffFile(const TableDiffResult& diff, const std::string& path);

// A few lines for people (the CLI prints it; the GUI may show it as a
// tooltip), e.g.
//   schema: 1 added (area), 1 renamed (city -> town)
//   rows: 1 added, 1 removed, 2 changed (3 cells), 996 unchanged
//   matched by key 'id' (detected); values normalised
std::string diffSummaryText(const TableDiffResult& diff);

// Helpers shared with other writers.
std::string csvQuote(std::string_view field);
std::string htmlEscape(std::string_view text);

} // namespace lakeside::tabular
