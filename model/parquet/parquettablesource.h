// SPDX-License-Identifier: Apache-2.0
#pragma once
// Parquet behind lakeside::tabular::TableSource, so table diff, preview and
// data checks work on Parquet as on CSV. Opening reads only the footer; rows
// are decoded one row group at a time (only the projected columns), so the
// first rows of a multi-million-row file arrive at once.
//
// Each top-level field is one column: flat fields with their declared type
// (Column::declared), nested ones (lists, structs, maps) as compact JSON text.
// Cells follow tablesource.h's spelling (ISO timestamps with 'T' and 'Z',
// hex bytes). Errors use tabular::sourceError: "f.parquet: row group 3:
// column 'price': <reason>".
//
// Thread safety: as TableSource (one thread at a time). The underlying
// ParquetFile may be shared with other sources and threads.

#include "parquet/fieldtext.h"
#include "parquet/parquetfile.h"
#include "tabular/tablesource.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::parquet {

class ParquetTableSource final : public tabular::TableSource {
public:
    // `columns`: top-level field names to read, in that order (all if empty).
    // NotFound for a missing file or column name, InvalidArgument for
    // duplicate column names, Corruption / NotImplemented from the footer.
    static Result<std::unique_ptr<ParquetTableSource>> open(const std::string& path,
                                                            const std::vector<std::string>& columns = {});
    static Result<std::unique_ptr<ParquetTableSource>> fromFile(std::shared_ptr<const ParquetFile> file,
                                                                const std::vector<std::string>& columns = {});

    const std::string& name() const override { return m_file->name(); }
    const tabular::Schema& schema() const override { return m_schema; }
    Result<bool> next(tabular::Row& row) override;
    std::optional<int64_t> rowCountHint() const override { return m_file->numRows(); }
    Status rewind() override;
    std::pair<int64_t, int64_t> progress() const override;

    const ParquetFile& file() const { return *m_file; }
    // Top-level field index (into file().schema().topFields()) of each column.
    const std::vector<int>& fields() const { return m_fields; }
    // Fingerprint of the projected columns of a row group: equal fingerprints
    // on two sources mean equal rows there, so a diff may skip the group.
    Result<Fingerprint> rowGroupFingerprint(int rowGroup) const;
    // Continues reading at the first row of `rowGroup` (numRowGroups() = end).
    Status seekRowGroup(int rowGroup);

private:
    ParquetTableSource() = default;
    Status load(int rowGroup);

    std::shared_ptr<const ParquetFile> m_file;
    tabular::Schema m_schema;
    std::vector<int> m_fields;
    std::vector<int> m_leaves; // leaf columns of the projected fields
    int m_group = 0;           // row group of the next row
    int m_loaded = -1;         // row group held in m_columns
    int64_t m_rowInGroup = 0;
    // The loaded row group, per projected field: a flat field keeps its
    // decoded column and renders a cell only when its row is read (text for
    // a whole row group would cost more than decoding it); a nested field
    // keeps its JSON texts.
    struct Loaded {
        bool flat = true;
        ValueFormat format;
        ColumnData data;
        size_t nextValue = 0; // value index of the next row's cell
        FieldText nested;
    };
    std::vector<Loaded> m_columns;
    std::string m_rowText;               // the current row's flat cells
    std::vector<size_t> m_rowEnds;
    std::optional<Error> m_error;
};

// Makes tabular::openTable() open .parquet/.pq files through ParquetTableSource.
// Idempotent and thread-safe: call it wherever tables may be Parquet.
void registerParquetTableOpener();

} // namespace lakeside::parquet
