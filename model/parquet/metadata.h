// SPDX-License-Identifier: Apache-2.0
#pragma once
// Parquet's footer and page headers as plain value types: the subset of
// parquet.thrift that Lakeside reads. Enum values are the file format's own.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lakeside::parquet {

enum class PhysicalType : int32_t {
    Boolean = 0, Int32 = 1, Int64 = 2, Int96 = 3, Float = 4, Double = 5,
    ByteArray = 6, FixedLenByteArray = 7,
};

enum class Repetition : int32_t { Required = 0, Optional = 1, Repeated = 2 };

enum class ConvertedType : int32_t {
    None = -1, Utf8 = 0, Map = 1, MapKeyValue = 2, List = 3, Enum = 4, Decimal = 5,
    Date = 6, TimeMillis = 7, TimeMicros = 8, TimestampMillis = 9, TimestampMicros = 10,
    Uint8 = 11, Uint16 = 12, Uint32 = 13, Uint64 = 14, Int8 = 15, Int16 = 16,
    Int32 = 17, Int64 = 18, Json = 19, Bson = 20, Interval = 21,
};

enum class Encoding : int32_t {
    Plain = 0, PlainDictionary = 2, Rle = 3, BitPacked = 4, DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6, DeltaByteArray = 7, RleDictionary = 8, ByteStreamSplit = 9,
};

enum class Codec : int32_t {
    Uncompressed = 0, Snappy = 1, Gzip = 2, Lzo = 3, Brotli = 4, Lz4 = 5, Zstd = 6, Lz4Raw = 7,
};

enum class PageType : int32_t { DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3 };

enum class TimeUnit : int32_t { Millis = 1, Micros = 2, Nanos = 3 };

// The LogicalType union; kind None when the file has none.
struct LogicalType {
    enum Kind : int32_t {
        None = 0, String = 1, Map = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, Time = 7,
        Timestamp = 8, Integer = 10, Unknown = 11, Json = 12, Bson = 13, Uuid = 14, Float16 = 15,
        Other = 99,
    };
    Kind kind = None;
    int32_t scale = 0, precision = 0;  // Decimal
    bool adjustedToUtc = false;        // Time, Timestamp
    TimeUnit unit = TimeUnit::Millis;  // Time, Timestamp
    int32_t bitWidth = 0;              // Integer
    bool isSigned = true;              // Integer
};

struct SchemaElement {
    std::optional<PhysicalType> type; // absent for groups
    int32_t typeLength = 0;
    std::optional<Repetition> repetition; // absent only for the root
    std::string name;
    int32_t numChildren = 0;
    ConvertedType convertedType = ConvertedType::None;
    int32_t scale = 0, precision = 0;
    LogicalType logicalType;
};

struct Statistics {
    std::optional<std::string> min, max; // min_value/max_value, else the legacy min/max
    bool legacyMinMax = false;           // true if min/max came from the deprecated fields
    std::optional<int64_t> nullCount, distinctCount;
};

struct ColumnMetaData {
    PhysicalType type = PhysicalType::Boolean;
    std::vector<Encoding> encodings;
    std::vector<std::string> pathInSchema;
    Codec codec = Codec::Uncompressed;
    int64_t numValues = 0;
    int64_t totalUncompressedSize = 0;
    int64_t totalCompressedSize = 0;
    int64_t dataPageOffset = 0;
    std::optional<int64_t> dictionaryPageOffset;
    std::optional<int64_t> indexPageOffset;
    std::optional<Statistics> statistics;
};

struct ColumnChunkMeta {
    std::string filePath; // non-empty: data lives in another file (unsupported)
    int64_t fileOffset = 0;
    bool hasMetaData = false;
    bool encrypted = false;
    ColumnMetaData meta;
};

struct RowGroupMeta {
    std::vector<ColumnChunkMeta> columns;
    int64_t totalByteSize = 0;
    int64_t numRows = 0;
};

struct KeyValue {
    std::string key, value;
};

struct FileMetaData {
    int32_t version = 0;
    std::vector<SchemaElement> schema;
    int64_t numRows = 0;
    std::vector<RowGroupMeta> rowGroups;
    std::vector<KeyValue> keyValueMetadata;
    std::string createdBy;
    bool encrypted = false;
};

struct DataPageHeader {
    int32_t numValues = 0;
    Encoding encoding = Encoding::Plain;
    Encoding definitionLevelEncoding = Encoding::Rle;
    Encoding repetitionLevelEncoding = Encoding::Rle;
};

struct DataPageHeaderV2 {
    int32_t numValues = 0, numNulls = 0, numRows = 0;
    Encoding encoding = Encoding::Plain;
    int32_t definitionLevelsByteLength = 0, repetitionLevelsByteLength = 0;
    bool isCompressed = true;
};

struct DictionaryPageHeader {
    int32_t numValues = 0;
    Encoding encoding = Encoding::Plain;
};

struct PageHeader {
    PageType type = PageType::DataPage;
    int32_t uncompressedPageSize = 0;
    int32_t compressedPageSize = 0;
    std::optional<DataPageHeader> dataPage;
    std::optional<DataPageHeaderV2> dataPageV2;
    std::optional<DictionaryPageHeader> dictionaryPage;
};

// Names for messages ("INT64", "ZSTD", "DELTA_BYTE_ARRAY").
const char* physicalTypeName(PhysicalType t);
const char* codecName(Codec c);
const char* encodingName(Encoding e);

} // namespace lakeside::parquet
