// SPDX-License-Identifier: Apache-2.0
#include "tabular/tablesource.h"

namespace lakeside::tabular {

const char* columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Unknown: return "unknown";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Integer: return "integer";
    case ColumnType::Decimal: return "decimal";
    case ColumnType::Date: return "date";
    case ColumnType::Timestamp: return "timestamp";
    case ColumnType::Text: return "text";
    }
    return "unknown";
}

int Schema::indexOf(std::string_view name) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::string describePosition(const SourcePosition& where)
{
    std::string out = where.file.empty() ? std::string("<input>") : where.file;
    if (where.line > 0) {
        out += ':';
        out += std::to_string(where.line);
    } else if (where.rowGroup >= 0) {
        out += ": row group " + std::to_string(where.rowGroup);
        if (where.row >= 0)
            out += ", row " + std::to_string(where.row);
    } else if (where.row >= 0) {
        out += ": row " + std::to_string(where.row);
    }
    if (!where.column.empty())
        out += ": column '" + where.column + "'";
    return out;
}

Error sourceError(ErrorKind kind, const SourcePosition& where, std::string_view reason)
{
    std::string msg = describePosition(where);
    msg += ": ";
    msg += reason;
    return makeError(kind, std::move(msg));
}

} // namespace lakeside::tabular
