// SPDX-License-Identifier: Apache-2.0
#include "parquet/fieldtext.h"

#include "parquet/nestedjson.h"

namespace lakeside::parquet {

void appendFlatFieldText(FieldText& out, const ValueFormat& fmt, const ColumnData& data)
{
    out.ends.reserve(out.ends.size() + size_t(data.numSlots));
    out.nulls.reserve(out.nulls.size() + size_t(data.numSlots));
    size_t v = 0;
    for (int64_t s = 0; s < data.numSlots; ++s) {
        if (!data.slotHasValue(s) || fmt.kind == ValueFormat::Null) {
            out.appendNull();
            continue;
        }
        appendValueText(out.arena, fmt, data, v++);
        out.finishText();
    }
}

const std::string& fieldName(const Schema& schema, int topField)
{
    return schema.nodes()[size_t(schema.topFields()[size_t(topField)])].element.name;
}

ValueFormat fieldValueFormat(const Schema& schema, int topField)
{
    const SchemaNode& n = schema.nodes()[size_t(schema.topFields()[size_t(topField)])];
    return valueFormatFor(n.element, n.element.type.value_or(PhysicalType::ByteArray));
}

Result<FieldText> readFieldText(const ParquetFile& file, int rowGroup, int topField, const FieldTextOptions& options,
                                bool bareErrors)
{
    const Schema& schema = file.schema();
    const std::vector<int> leaves = schema.leavesOfField(topField);
    FieldText out;
    if (schema.isFlatField(topField)) {
        auto data = bareErrors ? file.decodeColumn(rowGroup, leaves.front()) : file.readColumn(rowGroup, leaves.front());
        if (!data.ok())
            return data.error();
        ValueFormat fmt = fieldValueFormat(schema, topField);
        fmt.iso = options.iso;
        appendFlatFieldText(out, fmt, *data);
        return out;
    }
    std::vector<ColumnData> decoded;
    decoded.reserve(leaves.size());
    for (int c : leaves) {
        auto data = bareErrors ? file.decodeColumn(rowGroup, c) : file.readColumn(rowGroup, c);
        if (!data.ok())
            return data.error();
        decoded.push_back(std::move(data).value());
    }
    std::vector<const ColumnData*> ptrs;
    for (const auto& d : decoded)
        ptrs.push_back(&d);
    auto json = assembleNestedJson(schema, topField, ptrs, file.rowGroupNumRows(rowGroup));
    if (!json.ok()) {
        if (bareErrors)
            return json.error();
        return makeError(json.error().kind, file.name() + ": field '" + fieldName(schema, topField) + "', row group "
                             + std::to_string(rowGroup) + ": " + json.error().message);
    }
    for (const auto& v : *json) {
        if (!v) {
            out.appendNull();
            continue;
        }
        out.arena += *v;
        out.finishText();
    }
    return out;
}

std::string fieldTypeName(const Schema& schema, int topField)
{
    const SchemaNode& n = schema.nodes()[size_t(schema.topFields()[size_t(topField)])];
    if (schema.isFlatField(topField))
        return valueFormatFor(n.element, *n.element.type).typeName();
    const bool list = n.element.repetition == Repetition::Repeated || n.element.logicalType.kind == LogicalType::List
        || n.element.convertedType == ConvertedType::List;
    const bool map = n.element.logicalType.kind == LogicalType::Map || n.element.convertedType == ConvertedType::Map;
    return list ? "JSON (list)" : map ? "JSON (map)" : "JSON (struct)";
}

} // namespace lakeside::parquet
