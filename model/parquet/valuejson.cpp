// SPDX-License-Identifier: Apache-2.0
// Values as JSON, for nested fields rendered as JSON text.
#include "parquet/valueformat.h"

namespace lakeside::parquet {

void appendJsonString(std::string& out, std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void appendValueJson(std::string& out, const ValueFormat& fmt, const ColumnData& data, size_t i)
{
    switch (fmt.kind) {
    case ValueFormat::Null:
        out += "null";
        return;
    case ValueFormat::Float:
    case ValueFormat::Double:
    case ValueFormat::Float16: {
        std::string t;
        appendValueText(t, fmt, data, i);
        if (t == "nan" || t == "inf" || t == "-inf")
            appendJsonString(out, t);
        else
            out += t;
        return;
    }
    case ValueFormat::Boolean:
    case ValueFormat::Int:
    case ValueFormat::UInt:
    case ValueFormat::Decimal:
        appendValueText(out, fmt, data, i);
        return;
    default: {
        std::string t;
        appendValueText(t, fmt, data, i);
        appendJsonString(out, t);
    }
    }
}

} // namespace lakeside::parquet
