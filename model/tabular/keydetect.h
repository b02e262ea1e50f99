// SPDX-License-Identifier: Apache-2.0
#pragma once
// Candidate keys for a diff when the user names none: columns present in both
// tables, never null in either (full null counts), whose sampled values are
// unique in both samples. Single columns first (names like "id", "key",
// "*_id" first, then integer/text/date before other types, then left to
// right), then pairs and triples of the leftmost eligible columns. The diff
// verifies uniqueness over the whole tables and falls back to the next
// candidate, then to row-content matching.

#include "tabular/schemadiff.h"
#include "tabular/tableprofile.h"

#include <vector>

namespace lakeside::tabular {

// Each candidate is a list of SchemaDiff column indices; best first.
std::vector<std::vector<int>> keyCandidates(const SchemaDiff& schema, const TableProfile& oldTable,
                                            const TableProfile& newTable, size_t maxCandidates = 4);

} // namespace lakeside::tabular
