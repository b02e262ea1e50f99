// SPDX-License-Identifier: Apache-2.0
#include "parquet/statistics.h"

#include "parquet/valuedecoders.h"
#include "parquet/valueformat.h"

namespace lakeside::parquet {

namespace {

// Statistics hold one PLAIN value, except byte arrays, which are stored
// without their length prefix.
std::optional<std::string> render(const std::string& raw, const ColumnDescriptor& col, const ValueFormat& fmt)
{
    ColumnData d;
    d.type = col.type;
    if (col.type == PhysicalType::ByteArray) {
        d.bytes.emplace_back(raw);
    } else {
        const ValueSpan span{reinterpret_cast<const uint8_t*>(raw.data()), raw.size(), nullptr};
        if (!decodePlain(span, 1, col.typeLength, d).ok())
            return std::nullopt;
    }
    if (d.numValues() != 1 || fmt.kind == ValueFormat::Null)
        return std::nullopt;
    std::string out;
    appendValueText(out, fmt, d, 0);
    return out;
}

} // namespace

ColumnStatisticsText columnStatisticsText(const ParquetFile& file, int rowGroup, int column)
{
    ColumnStatisticsText t;
    const ColumnChunkMeta& chunk = file.chunk(rowGroup, column);
    if (!chunk.hasMetaData || !chunk.meta.statistics)
        return t;
    const Statistics& s = *chunk.meta.statistics;
    const ColumnDescriptor& col = file.schema().columns()[size_t(column)];
    const ValueFormat fmt = valueFormatFor(file.schema().nodes()[size_t(col.node)].element, col.type);
    if (s.min)
        t.min = render(*s.min, col, fmt);
    if (s.max)
        t.max = render(*s.max, col, fmt);
    t.nullCount = s.nullCount;
    t.distinctCount = s.distinctCount;
    t.legacyOrder = s.legacyMinMax;
    return t;
}

} // namespace lakeside::parquet
