// SPDX-License-Identifier: Apache-2.0
#include "parquet/parquettablesource.h"

#include "tabular/opentable.h"

#include <mutex>
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
    const Schema& schema = m_file->schema();
    std::vector<Loaded> columns(m_fields.size());
    for (size_t i = 0; i < m_fields.size(); ++i) {
        const int f = m_fields[i];
        Loaded& l = columns[i];
        l.flat = schema.isFlatField(f);
        Error err;
        bool failed = false;
        if (l.flat) {
            auto data = m_file->decodeColumn(rowGroup, schema.leavesOfField(f).front());
            if ((failed = !data.ok()))
                err = data.error();
            else
                l.data = std::move(data).value();
            l.format = fieldValueFormat(schema, f);
            l.format.iso = true;
        } else {
            FieldTextOptions opts;
            opts.iso = true;
            auto text = readFieldText(*m_file, rowGroup, f, opts, /*bareErrors=*/true);
            if ((failed = !text.ok()))
                err = text.error();
            else
                l.nested = std::move(text).value();
        }
        if (failed) {
            tabular::SourcePosition where;
            where.file = m_file->name();
            where.rowGroup = rowGroup;
            where.column = fieldName(schema, f);
            return tabular::sourceError(err.kind, where, err.message);
        }
    }
    m_columns = std::move(columns);
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
    } else if (m_rowInGroup == 0) {
        for (Loaded& l : m_columns) // rewound into the loaded group
            l.nextValue = 0;
    }
    const size_t r = size_t(m_rowInGroup);
    // Render the flat cells first, then point the views into the finished buffer.
    m_rowText.clear();
    m_rowEnds.assign(m_columns.size(), 0);
    for (size_t c = 0; c < m_columns.size(); ++c) {
        Loaded& l = m_columns[c];
        if (l.flat && l.data.slotHasValue(int64_t(r)) && l.format.kind != ValueFormat::Null)
            appendValueText(m_rowText, l.format, l.data, l.nextValue++);
        m_rowEnds[c] = m_rowText.size();
    }
    row.cells.resize(m_columns.size());
    size_t begin = 0;
    for (size_t c = 0; c < m_columns.size(); ++c) {
        const Loaded& l = m_columns[c];
        tabular::Cell& cell = row.cells[c];
        if (l.flat) {
            cell.null = !l.data.slotHasValue(int64_t(r)) || l.format.kind == ValueFormat::Null;
            cell.text = cell.null ? std::string_view() : std::string_view(m_rowText).substr(begin, m_rowEnds[c] - begin);
        } else {
            cell.null = l.nested.isNull(r);
            cell.text = cell.null ? std::string_view() : l.nested.text(r);
        }
        begin = m_rowEnds[c];
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
    // Every user (CLI commands, the compare model, the data checks) calls
    // this before opening tables; registering once is enough.
    static std::once_flag once;
    std::call_once(once, [] {
    tabular::registerTableOpener(tabular::TableFormat::Parquet,
                                 [](const std::string& path, const tabular::ReadOptions&)
                                     -> Result<std::unique_ptr<tabular::TableSource>> {
                                     auto s = ParquetTableSource::open(path);
                                     if (!s.ok())
                                         return s.error();
                                     return std::unique_ptr<tabular::TableSource>(std::move(s).value());
                                 });
    });
}

} // namespace lakeside::parquet
