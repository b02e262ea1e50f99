// SPDX-License-Identifier: Apache-2.0
#include "parquet/parquettablesource.h"

#include "tabular/opentable.h"

#include <set>

namespace lakeside::parquet {

namespace {

tabular::ColumnType columnType(const Schema& schema, int field)
{
    if (!schema.isFlatField(field))
        return tabular::ColumnType::Text;
    switch (fieldValueFormat(schema, field).kind) {
    case ValueFormat::Boolean: return tabular::ColumnType::Boolean;
    case ValueFormat::Int:
    case ValueFormat::UInt: return tabular::ColumnType::Integer;
    case ValueFormat::Float:
    case ValueFormat::Double:
    case ValueFormat::Float16:
    case ValueFormat::Decimal: return tabular::ColumnType::Decimal;
    case ValueFormat::Date: return tabular::ColumnType::Date;
    case ValueFormat::Timestamp:
    case ValueFormat::Int96Timestamp: return tabular::ColumnType::Timestamp;
    default: return tabular::ColumnType::Text;
    }
}

} // namespace

Result<std::unique_ptr<ParquetTableSource>> ParquetTableSource::open(const std::string& path,
                                                                     const std::vector<std::string>& columns)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto file, ParquetFile::open(path));
    return fromFile(std::move(file), columns);
}

Result<std::unique_ptr<ParquetTableSource>> ParquetTableSource::fromFile(std::shared_ptr<const ParquetFile> file,
                                                                         const std::vector<std::string>& columns)
{
    std::unique_ptr<ParquetTableSource> s(new ParquetTableSource);
    const Schema& schema = file->schema();
    const int nfields = int(schema.topFields().size());
    std::set<std::string> names;
    for (int f = 0; f < nfields; ++f) {
        if (!names.insert(fieldName(schema, f)).second)
            return makeError(ErrorKind::InvalidArgument, file->name() + ": column name '" + fieldName(schema, f)
                                 + "' appears more than once");
    }
    if (columns.empty()) {
        for (int f = 0; f < nfields; ++f)
            s->m_fields.push_back(f);
    } else {
        for (const auto& c : columns) {
            int found = -1;
            for (int f = 0; f < nfields && found < 0; ++f)
                if (fieldName(schema, f) == c)
                    found = f;
            if (found < 0)
                return makeError(ErrorKind::NotFound, file->name() + ": no column named '" + c + "'");
            s->m_fields.push_back(found);
        }
    }
    for (int f : s->m_fields) {
        s->m_schema.columns.push_back({fieldName(schema, f), columnType(schema, f), true});
        for (int leaf : schema.leavesOfField(f))
            s->m_leaves.push_back(leaf);
    }
    s->m_file = std::move(file);
    return s;
}

Status ParquetTableSource::load(int rowGroup)
{
    std::vector<FieldText> cells;
    cells.reserve(m_fields.size());
    FieldTextOptions opts;
    opts.iso = true;
    for (int f : m_fields) {
        auto text = readFieldText(*m_file, rowGroup, f, opts, /*bareErrors=*/true);
        if (!text.ok()) {
            tabular::SourcePosition where;
            where.file = m_file->name();
            where.rowGroup = rowGroup;
            where.column = fieldName(m_file->schema(), f);
            return tabular::sourceError(text.error().kind, where, text.error().message);
        }
        cells.push_back(std::move(text).value());
    }
    m_cells = std::move(cells);
    m_loaded = rowGroup;
    return Status::Ok();
}

Result<bool> ParquetTableSource::next(tabular::Row& row)
{
    if (m_error)
        return *m_error;
    while (m_group < m_file->numRowGroups() && m_rowInGroup >= m_file->rowGroupNumRows(m_group)) {
        ++m_group;
        m_rowInGroup = 0;
    }
    if (m_group >= m_file->numRowGroups())
        return false;
    if (m_loaded != m_group) {
        if (Status st = load(m_group); !st.ok()) {
            m_error = st.error();
            return *m_error;
        }
    }
    const size_t r = size_t(m_rowInGroup);
    row.cells.resize(m_cells.size());
    for (size_t c = 0; c < m_cells.size(); ++c) {
        const FieldText& t = m_cells[c];
        row.cells[c].null = t.isNull(r);
        row.cells[c].text = row.cells[c].null ? std::string_view() : t.text(r);
    }
    row.index = m_file->rowGroupFirstRow(m_group) + m_rowInGroup;
    row.line = 0;
    row.rowGroup = m_group;
    ++m_rowInGroup;
    return true;
}

Status ParquetTableSource::rewind()
{
    m_error.reset();
    return seekRowGroup(0);
}

Status ParquetTableSource::seekRowGroup(int rowGroup)
{
    if (rowGroup < 0 || rowGroup > m_file->numRowGroups())
        return makeError(ErrorKind::InvalidArgument, m_file->name() + ": no row group " + std::to_string(rowGroup));
    m_group = rowGroup;
    m_rowInGroup = 0;
    return Status::Ok();
}

std::pair<int64_t, int64_t> ParquetTableSource::progress() const
{
    int64_t done = 0, total = 0;
    for (int g = 0; g < m_file->numRowGroups(); ++g) {
        int64_t bytes = 0;
        for (int leaf : m_leaves)
            bytes += m_file->chunk(g, leaf).meta.totalCompressedSize;
        total += bytes;
        if (g < m_group)
            done += bytes;
    }
    return {done, total};
}

Result<Fingerprint> ParquetTableSource::rowGroupFingerprint(int rowGroup) const
{
    return m_file->rowGroupFingerprint(rowGroup, m_leaves);
}

void registerParquetTableOpener()
{
    tabular::registerTableOpener(tabular::TableFormat::Parquet,
                                 [](const std::string& path, const tabular::ReadOptions&)
                                     -> Result<std::unique_ptr<tabular::TableSource>> {
                                     auto s = ParquetTableSource::open(path);
                                     if (!s.ok())
                                         return s.error();
                                     return std::unique_ptr<tabular::TableSource>(std::move(s).value());
                                 });
}

} // namespace lakeside::parquet
