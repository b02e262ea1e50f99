// SPDX-License-Identifier: Apache-2.0
#pragma once
// Column-level diff of two tables: which columns were added, removed, renamed
// or retyped, and how the old columns line up with the new ones.
//
// Matching, in order:
//  1. same name -> the same column (retyped when both types are known and
//     differ);
//  2. among the columns left over, a pair whose sampled values mostly agree
//     (Jaccard similarity of the distinct sampled values >= 0.5, best pair
//     first) is a rename;
//  3. when exactly one old and one new column are left, at the same position
//     and with the same known type, they are a rename too ("by position").
// Everything else is added or removed.

#include "tabular/tableprofile.h"

#include <string>
#include <vector>

namespace lakeside::tabular {

enum class ColumnStatus { Unchanged, Added, Removed, Renamed, Retyped, RenamedRetyped };
const char* columnStatusName(ColumnStatus status);

struct ColumnMatch {
    ColumnStatus status = ColumnStatus::Unchanged;
    int oldIndex = -1; // in the old schema, -1 when added
    int newIndex = -1; // in the new schema, -1 when removed
    std::string oldName;
    std::string newName;
    ColumnType oldType = ColumnType::Unknown;
    ColumnType newType = ColumnType::Unknown;
    // For renames: "content" (values agree) or "position".
    std::string renameEvidence;

    bool inBoth() const { return oldIndex >= 0 && newIndex >= 0; }
    // The name to show: the new name, or the old one for a removed column.
    const std::string& name() const { return newIndex >= 0 ? newName : oldName; }
};

struct SchemaDiff {
    // Every column of either side, in the new file's order, removed columns
    // placed after the column that preceded them in the old file.
    std::vector<ColumnMatch> columns;

    bool hasChanges() const;
    int count(ColumnStatus status) const;
    // Index in `columns` of the column with that name (new name first, then
    // old name), or -1.
    int find(const std::string& name) const;
};

SchemaDiff diffSchemas(const TableProfile& oldTable, const TableProfile& newTable);

} // namespace lakeside::tabular
