// SPDX-License-Identifier: Apache-2.0
#include "parquet/fieldtext.h"

#include "parquet/nestedjson.h"

namespace lakeside::parquet {

FieldText flatFieldText(const ValueFormat& fmt, const ColumnData& data)
{
    FieldText out;
    out.reserve(size_t(data.numSlots));
    size_t v = 0;
    std::string text;
    for (int64_t s = 0; s < data.numSlots; ++s) {
        if (!data.slotHasValue(s) || fmt.kind == ValueFormat::Null) {
            out.emplace_back(std::nullopt);
            continue;
        }
        text.clear();
        appendValueText(text, fmt, data, v++);
        out.emplace_back(text);
    }
    return out;
}

Result<FieldText> readFieldText(const ParquetFile& file, int rowGroup, int topField)
{
    const Schema& schema = file.schema();
    const std::vector<int> leaves = schema.leavesOfField(topField);
    if (schema.isFlatField(topField)) {
        LAKESIDE_ASSIGN_OR_RETURN(ColumnData data, file.readColumn(rowGroup, leaves.front()));
        const ColumnDescriptor& col = schema.columns()[size_t(leaves.front())];
        return flatFieldText(valueFormatFor(schema.nodes()[size_t(col.node)].element, col.type), data);
    }
    std::vector<ColumnData> decoded;
    decoded.reserve(leaves.size());
    for (int c : leaves) {
        LAKESIDE_ASSIGN_OR_RETURN(ColumnData data, file.readColumn(rowGroup, c));
        decoded.push_back(std::move(data));
    }
    std::vector<const ColumnData*> ptrs;
    for (const auto& d : decoded)
        ptrs.push_back(&d);
    auto json = assembleNestedJson(schema, topField, ptrs, file.rowGroupNumRows(rowGroup));
    if (!json.ok())
        return makeError(json.error().kind, file.name() + ": field '"
                             + schema.nodes()[size_t(schema.topFields()[size_t(topField)])].element.name
                             + "', row group " + std::to_string(rowGroup) + ": " + json.error().message);
    return json;
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
