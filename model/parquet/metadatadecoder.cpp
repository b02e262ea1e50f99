// SPDX-License-Identifier: Apache-2.0
#include "parquet/metadatadecoder.h"

#include "parquet/thriftreader.h"

namespace lakeside::parquet {

namespace {

using F = ThriftReader::Field;

// Reads a struct whose fields are handled by fn(field) -> bool (false: skip).
template <class Fn>
void readStruct(ThriftReader& r, Fn&& fn)
{
    r.beginStruct();
    for (F f = r.nextField(); f.type != ThriftReader::Stop && r.ok(); f = r.nextField()) {
        if (!fn(f))
            r.skip(f.type);
    }
    r.endStruct();
}

template <class Fn>
void readList(ThriftReader& r, const F& f, uint8_t elemType, Fn&& each)
{
    if (f.type != ThriftReader::List) {
        r.skip(f.type);
        return;
    }
    const auto h = r.readListHeader();
    for (uint32_t i = 0; i < h.size && r.ok(); ++i) {
        if (h.elemType != elemType) {
            r.skip(h.elemType);
            continue;
        }
        each();
    }
}

bool isInt(const F& f) { return f.type == ThriftReader::I32 || f.type == ThriftReader::I16 || f.type == ThriftReader::I64 || f.type == ThriftReader::Byte; }
bool isBool(const F& f) { return f.type == ThriftReader::BoolTrue || f.type == ThriftReader::BoolFalse; }

int64_t intField(ThriftReader& r, const F& f)
{
    if (f.type == ThriftReader::Byte)
        return int8_t(r.readByte());
    return r.readI64(); // zigzag varint for i16, i32 and i64 alike
}

TimeUnit readTimeUnit(ThriftReader& r)
{
    TimeUnit u = TimeUnit::Millis;
    readStruct(r, [&](const F& f) {
        if (f.type != ThriftReader::Struct || f.id < 1 || f.id > 3)
            return false;
        u = TimeUnit(f.id);
        return false; // skip the empty struct
    });
    return u;
}

LogicalType readLogicalType(ThriftReader& r)
{
    LogicalType lt;
    readStruct(r, [&](const F& f) {
        if (f.type != ThriftReader::Struct)
            return false;
        switch (f.id) {
        case LogicalType::Decimal:
            lt.kind = LogicalType::Decimal;
            readStruct(r, [&](const F& g) {
                if (!isInt(g)) return false;
                if (g.id == 1) lt.scale = int32_t(intField(r, g));
                else if (g.id == 2) lt.precision = int32_t(intField(r, g));
                else return false;
                return true;
            });
            return true;
        case LogicalType::Time:
        case LogicalType::Timestamp:
            lt.kind = LogicalType::Kind(f.id);
            readStruct(r, [&](const F& g) {
                if (g.id == 1 && isBool(g)) { lt.adjustedToUtc = r.readBool(g); return true; }
                if (g.id == 2 && g.type == ThriftReader::Struct) { lt.unit = readTimeUnit(r); return true; }
                return false;
            });
            return true;
        case LogicalType::Integer:
            lt.kind = LogicalType::Integer;
            readStruct(r, [&](const F& g) {
                if (g.id == 1 && isInt(g)) { lt.bitWidth = int32_t(intField(r, g)); return true; }
                if (g.id == 2 && isBool(g)) { lt.isSigned = r.readBool(g); return true; }
                return false;
            });
            return true;
        case 1: case 2: case 3: case 4: case 6: case 11: case 12: case 13: case 14: case 15:
            lt.kind = LogicalType::Kind(f.id);
            return false;
        default:
            lt.kind = LogicalType::Other;
            return false;
        }
    });
    return lt;
}

SchemaElement readSchemaElement(ThriftReader& r)
{
    SchemaElement e;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (!isInt(f)) return false; e.type = PhysicalType(intField(r, f)); return true;
        case 2: if (!isInt(f)) return false; e.typeLength = int32_t(intField(r, f)); return true;
        case 3: if (!isInt(f)) return false; e.repetition = Repetition(intField(r, f)); return true;
        case 4: if (f.type != ThriftReader::Binary) return false; e.name = r.readString(); return true;
        case 5: if (!isInt(f)) return false; e.numChildren = int32_t(intField(r, f)); return true;
        case 6: if (!isInt(f)) return false; e.convertedType = ConvertedType(intField(r, f)); return true;
        case 7: if (!isInt(f)) return false; e.scale = int32_t(intField(r, f)); return true;
        case 8: if (!isInt(f)) return false; e.precision = int32_t(intField(r, f)); return true;
        case 10: if (f.type != ThriftReader::Struct) return false; e.logicalType = readLogicalType(r); return true;
        default: return false;
        }
    });
    return e;
}

Statistics readStatistics(ThriftReader& r)
{
    Statistics s;
    std::optional<std::string> legacyMin, legacyMax;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (f.type != ThriftReader::Binary) return false; legacyMax = r.readString(); return true;
        case 2: if (f.type != ThriftReader::Binary) return false; legacyMin = r.readString(); return true;
        case 3: if (!isInt(f)) return false; s.nullCount = intField(r, f); return true;
        case 4: if (!isInt(f)) return false; s.distinctCount = intField(r, f); return true;
        case 5: if (f.type != ThriftReader::Binary) return false; s.max = r.readString(); return true;
        case 6: if (f.type != ThriftReader::Binary) return false; s.min = r.readString(); return true;
        default: return false;
        }
    });
    if (!s.min && !s.max && (legacyMin || legacyMax)) {
        s.min = legacyMin;
        s.max = legacyMax;
        s.legacyMinMax = true;
    }
    return s;
}

ColumnMetaData readColumnMetaData(ThriftReader& r)
{
    ColumnMetaData m;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (!isInt(f)) return false; m.type = PhysicalType(intField(r, f)); return true;
        case 2:
            readList(r, f, ThriftReader::I32, [&] { m.encodings.push_back(Encoding(r.readI32())); });
            return true;
        case 3:
            readList(r, f, ThriftReader::Binary, [&] { m.pathInSchema.push_back(r.readString()); });
            return true;
        case 4: if (!isInt(f)) return false; m.codec = Codec(intField(r, f)); return true;
        case 5: if (!isInt(f)) return false; m.numValues = intField(r, f); return true;
        case 6: if (!isInt(f)) return false; m.totalUncompressedSize = intField(r, f); return true;
        case 7: if (!isInt(f)) return false; m.totalCompressedSize = intField(r, f); return true;
        case 9: if (!isInt(f)) return false; m.dataPageOffset = intField(r, f); return true;
        case 10: if (!isInt(f)) return false; m.indexPageOffset = intField(r, f); return true;
        case 11: if (!isInt(f)) return false; m.dictionaryPageOffset = intField(r, f); return true;
        case 12: if (f.type != ThriftReader::Struct) return false; m.statistics = readStatistics(r); return true;
        default: return false;
        }
    });
    return m;
}

ColumnChunkMeta readColumnChunk(ThriftReader& r)
{
    ColumnChunkMeta c;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (f.type != ThriftReader::Binary) return false; c.filePath = r.readString(); return true;
        case 2: if (!isInt(f)) return false; c.fileOffset = intField(r, f); return true;
        case 3:
            if (f.type != ThriftReader::Struct) return false;
            c.meta = readColumnMetaData(r);
            c.hasMetaData = true;
            return true;
        case 8: case 9: c.encrypted = true; return false;
        default: return false;
        }
    });
    return c;
}

RowGroupMeta readRowGroup(ThriftReader& r)
{
    RowGroupMeta g;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1:
            readList(r, f, ThriftReader::Struct, [&] { g.columns.push_back(readColumnChunk(r)); });
            return true;
        case 2: if (!isInt(f)) return false; g.totalByteSize = intField(r, f); return true;
        case 3: if (!isInt(f)) return false; g.numRows = intField(r, f); return true;
        default: return false;
        }
    });
    return g;
}

} // namespace

Result<FileMetaData> decodeFileMetaData(const uint8_t* data, size_t size)
{
    ThriftReader r(data, size);
    FileMetaData md;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (!isInt(f)) return false; md.version = int32_t(intField(r, f)); return true;
        case 2:
            readList(r, f, ThriftReader::Struct, [&] { md.schema.push_back(readSchemaElement(r)); });
            return true;
        case 3: if (!isInt(f)) return false; md.numRows = intField(r, f); return true;
        case 4:
            readList(r, f, ThriftReader::Struct, [&] { md.rowGroups.push_back(readRowGroup(r)); });
            return true;
        case 5:
            readList(r, f, ThriftReader::Struct, [&] {
                KeyValue kv;
                readStruct(r, [&](const F& g) {
                    if (g.type != ThriftReader::Binary) return false;
                    if (g.id == 1) kv.key = r.readString();
                    else if (g.id == 2) kv.value = r.readString();
                    else return false;
                    return true;
                });
                md.keyValueMetadata.push_back(std::move(kv));
            });
            return true;
        case 6: if (f.type != ThriftReader::Binary) return false; md.createdBy = r.readString(); return true;
        case 8: case 9: md.encrypted = true; return false;
        default: return false;
        }
    });
    if (!r.ok())
        return makeError(ErrorKind::Corruption, "footer metadata is malformed (" + r.error() + ")");
    return md;
}

Result<PageHeader> decodePageHeader(const uint8_t* data, size_t size, size_t* headerSize)
{
    ThriftReader r(data, size);
    PageHeader h;
    bool haveType = false;
    readStruct(r, [&](const F& f) {
        switch (f.id) {
        case 1: if (!isInt(f)) return false; h.type = PageType(intField(r, f)); haveType = true; return true;
        case 2: if (!isInt(f)) return false; h.uncompressedPageSize = int32_t(intField(r, f)); return true;
        case 3: if (!isInt(f)) return false; h.compressedPageSize = int32_t(intField(r, f)); return true;
        case 5: {
            if (f.type != ThriftReader::Struct) return false;
            DataPageHeader d;
            readStruct(r, [&](const F& g) {
                if (!isInt(g)) return false;
                switch (g.id) {
                case 1: d.numValues = int32_t(intField(r, g)); return true;
                case 2: d.encoding = Encoding(intField(r, g)); return true;
                case 3: d.definitionLevelEncoding = Encoding(intField(r, g)); return true;
                case 4: d.repetitionLevelEncoding = Encoding(intField(r, g)); return true;
                default: return false;
                }
            });
            h.dataPage = d;
            return true;
        }
        case 7: {
            if (f.type != ThriftReader::Struct) return false;
            DictionaryPageHeader d;
            readStruct(r, [&](const F& g) {
                if (!isInt(g)) return false;
                if (g.id == 1) d.numValues = int32_t(intField(r, g));
                else if (g.id == 2) d.encoding = Encoding(intField(r, g));
                else return false;
                return true;
            });
            h.dictionaryPage = d;
            return true;
        }
        case 8: {
            if (f.type != ThriftReader::Struct) return false;
            DataPageHeaderV2 d;
            readStruct(r, [&](const F& g) {
                if (g.id == 7 && isBool(g)) { d.isCompressed = r.readBool(g); return true; }
                if (!isInt(g)) return false;
                switch (g.id) {
                case 1: d.numValues = int32_t(intField(r, g)); return true;
                case 2: d.numNulls = int32_t(intField(r, g)); return true;
                case 3: d.numRows = int32_t(intField(r, g)); return true;
                case 4: d.encoding = Encoding(intField(r, g)); return true;
                case 5: d.definitionLevelsByteLength = int32_t(intField(r, g)); return true;
                case 6: d.repetitionLevelsByteLength = int32_t(intField(r, g)); return true;
                default: return false;
                }
            });
            h.dataPageV2 = d;
            return true;
        }
        default: return false;
        }
    });
    if (!r.ok())
        return makeError(ErrorKind::Corruption, "page header is malformed (" + r.error() + ")");
    if (!haveType)
        return makeError(ErrorKind::Corruption, "page header has no page type");
    if (h.compressedPageSize < 0 || h.uncompressedPageSize < 0)
        return makeError(ErrorKind::Corruption, "page header has a negative page size");
    *headerSize = r.position();
    return h;
}

const char* physicalTypeName(PhysicalType t)
{
    switch (t) {
    case PhysicalType::Boolean: return "BOOLEAN";
    case PhysicalType::Int32: return "INT32";
    case PhysicalType::Int64: return "INT64";
    case PhysicalType::Int96: return "INT96";
    case PhysicalType::Float: return "FLOAT";
    case PhysicalType::Double: return "DOUBLE";
    case PhysicalType::ByteArray: return "BYTE_ARRAY";
    case PhysicalType::FixedLenByteArray: return "FIXED_LEN_BYTE_ARRAY";
    }
    return "unknown type";
}

const char* codecName(Codec c)
{
    switch (c) {
    case Codec::Uncompressed: return "UNCOMPRESSED";
    case Codec::Snappy: return "SNAPPY";
    case Codec::Gzip: return "GZIP";
    case Codec::Lzo: return "LZO";
    case Codec::Brotli: return "BROTLI";
    case Codec::Lz4: return "LZ4 (Hadoop framing)";
    case Codec::Zstd: return "ZSTD";
    case Codec::Lz4Raw: return "LZ4_RAW";
    }
    return "unknown codec";
}

const char* encodingName(Encoding e)
{
    switch (e) {
    case Encoding::Plain: return "PLAIN";
    case Encoding::PlainDictionary: return "PLAIN_DICTIONARY";
    case Encoding::Rle: return "RLE";
    case Encoding::BitPacked: return "BIT_PACKED";
    case Encoding::DeltaBinaryPacked: return "DELTA_BINARY_PACKED";
    case Encoding::DeltaLengthByteArray: return "DELTA_LENGTH_BYTE_ARRAY";
    case Encoding::DeltaByteArray: return "DELTA_BYTE_ARRAY";
    case Encoding::RleDictionary: return "RLE_DICTIONARY";
    case Encoding::ByteStreamSplit: return "BYTE_STREAM_SPLIT";
    }
    return "unknown encoding";
}

} // namespace lakeside::parquet
