// SPDX-License-Identifier: Apache-2.0
#pragma once
// The outcome of diffTables(): the schema diff, the counts, and the differing
// rows as a lazy, random-access list. Only added, removed and changed rows are
// kept (unchanged rows are counted, not stored). Each row is a compact record
// in memory or, past 64 MB, in an anonymous temporary file; row(i) decodes one
// record, so a GUI model can scroll a million-row diff without holding it.
//
// Row order follows the new file; a removed row appears right after the new
// row that the old row before it was matched to (as a side-by-side view would
// show it). Without a key, removed rows are placed by their old position.
//
// Copies are cheap and share the stored rows (immutable once built).
// Thread safety: all const members may be called from any thread at once.

#include "tabular/schemadiff.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lakeside::tabular {

namespace detail {
struct DiffData;
}

enum class RowStatus : uint8_t { Added, Removed, Changed };
const char* rowStatusName(RowStatus status);

struct DiffCell {
    std::string oldText; // empty when oldNull
    std::string newText; // empty when newNull
    // Null also stands for "absent": no old side for an added row or an
    // added column, no new side for a removed row or a removed column.
    bool oldNull = true;
    bool newNull = true;
    // The values differ (under the diff's comparison rules: "1.0" vs "1" in
    // a numeric column is not a change when values are normalised). Only set
    // on changed rows, for columns present on both sides.
    bool changed = false;
};

struct DiffRow {
    RowStatus status = RowStatus::Changed;
    int64_t oldRow = -1; // 0-based data row in the old table, -1 for added
    int64_t newRow = -1; // 0-based data row in the new table, -1 for removed
    int64_t oldLine = 0; // 1-based line in the old file (text formats), 0 if n/a
    int64_t newLine = 0;
    std::vector<DiffCell> cells; // one per SchemaDiff column, same order
};

enum class KeyMode {
    UserKey,     // the caller named the key columns
    DetectedKey, // a unique, non-null column (or combination) found in both
    RowContent,  // no key: rows matched by their whole content (no "changed")
};
const char* keyModeName(KeyMode mode);

struct DiffSummary {
    int64_t oldRows = 0;
    int64_t newRows = 0;
    int64_t added = 0;
    int64_t removed = 0;
    int64_t changed = 0;
    int64_t unchanged = 0;
    int64_t changedCells = 0;
    // Changed cells per SchemaDiff column.
    std::vector<int64_t> changedCellsPerColumn;
};

// Which statuses a filtered view keeps.
struct RowFilter {
    bool added = true;
    bool removed = true;
    bool changed = true;

    static RowFilter changedOnly() { return {false, false, true}; }
};

class TableDiffResult {
public:
    TableDiffResult();
    explicit TableDiffResult(std::shared_ptr<const detail::DiffData> data);

    const std::string& oldName() const;
    const std::string& newName() const;
    const SchemaDiff& schema() const;
    // Indices into schema().columns; empty in RowContent mode.
    const std::vector<int>& keyColumns() const;
    KeyMode keyMode() const;
    // Whether values differing only in formatting counted as equal.
    bool normalized() const;
    const DiffSummary& summary() const;
    // A human note on how rows were matched, e.g. "key 'id' (detected)".
    std::string matchDescription() const;

    // Progressive results (TableDiffOptions::onPartial): a snapshot taken
    // while the diff runs is partial, with the counts and rows so far.
    // generation() names the attempt that produced the rows, unique in the
    // process (0 for an empty result): the rows of a snapshot are a prefix of
    // those of every later snapshot and of the final result with the same
    // generation; a different generation means other rows (another diff, or
    // this one started over).
    bool isPartial() const;
    uint64_t generation() const;

    // Differing rows in this view.
    int64_t rowCount() const;
    RowStatus rowStatus(int64_t i) const;
    // REQUIRES: 0 <= i < rowCount(). Io when the temporary file cannot be read.
    Result<DiffRow> row(int64_t i) const;
    // The key cells of a row, joined with ", " (content mode: the row number).
    std::string keyText(const DiffRow& row) const;

    // A view of the same diff keeping only the rows the filter allows; O(n)
    // over the status bytes, no row is decoded.
    TableDiffResult filtered(const RowFilter& filter) const;

private:
    std::shared_ptr<const detail::DiffData> m_data;
    std::shared_ptr<const std::vector<uint32_t>> m_view; // positions in m_data->order; null = all
};

} // namespace lakeside::tabular
