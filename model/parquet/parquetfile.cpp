// SPDX-License-Identifier: Apache-2.0
#include "parquet/parquetfile.h"

#include "parquet/columnchunkreader.h"
#include "parquet/metadatadecoder.h"

#include <cstring>

namespace lakeside::parquet {

namespace {

constexpr int64_t kMaxValuesPerChunk = int64_t(1) << 31;

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
uint64_t fmix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

} // namespace

Fingerprint hashBytes(const uint8_t* data, size_t size, uint64_t seed)
{
    constexpr uint64_t P1 = 0x9e3779b185ebca87ull, P2 = 0xc2b2ae3d27d4eb4full;
    constexpr uint64_t P3 = 0x165667b19e3779f9ull, P4 = 0x27d4eb2f165667c5ull;
    uint64_t a = seed ^ P3, b = seed ^ P4;
    size_t i = 0;
    for (; i + 16 <= size; i += 16) {
        uint64_t w0, w1;
        std::memcpy(&w0, data + i, 8);
        std::memcpy(&w1, data + i + 8, 8);
        a = rotl(a ^ (w0 * P1), 31) * P2;
        b = rotl(b ^ (w1 * P2), 29) * P1;
    }
    uint64_t t[2] = {0, 0};
    if (size > i)
        std::memcpy(t, data + i, size - i);
    a = rotl(a ^ (t[0] * P1), 31) * P2;
    b = rotl(b ^ (t[1] * P2), 29) * P1;
    a ^= uint64_t(size);
    b ^= uint64_t(size) * P3;
    const uint64_t fa = fmix(a + b), fb = fmix(b ^ rotl(a, 17));
    return {fa, fb};
}

Result<std::shared_ptr<const ParquetFile>> ParquetFile::open(const std::string& path)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto bytes, FileBuffer::map(path));
    return fromBuffer(std::move(bytes), path);
}

Result<std::shared_ptr<const ParquetFile>> ParquetFile::fromBuffer(std::shared_ptr<const FileBuffer> bytes,
                                                                   const std::string& name)
{
    auto fail = [&](ErrorKind kind, const std::string& why) { return makeError(kind, name + ": " + why); };
    const uint8_t* d = bytes->data();
    const size_t n = bytes->size();
    if (n < 12)
        return fail(ErrorKind::Corruption, "not a Parquet file (" + std::to_string(n) + " bytes, too short)");
    if (std::memcmp(d + n - 4, "PARE", 4) == 0)
        return fail(ErrorKind::NotImplemented, "encrypted Parquet files are not supported");
    if (std::memcmp(d, "PAR1", 4) != 0 || std::memcmp(d + n - 4, "PAR1", 4) != 0)
        return fail(ErrorKind::Corruption, "not a Parquet file (the PAR1 magic is missing at the start or end; "
                                           "the file may be truncated)");
    uint32_t footerLen;
    std::memcpy(&footerLen, d + n - 8, 4);
    if (footerLen == 0 || footerLen > n - 12)
        return fail(ErrorKind::Corruption, "footer length " + std::to_string(footerLen)
                                               + " does not fit in a file of " + std::to_string(n) + " bytes");
    std::shared_ptr<ParquetFile> f(new ParquetFile);
    f->m_name = name;
    f->m_dataEnd = n - 8 - footerLen;
    auto meta = decodeFileMetaData(d + f->m_dataEnd, footerLen);
    if (!meta.ok())
        return fail(meta.error().kind, meta.error().message);
    f->m_meta = std::move(meta).value();
    f->m_bytes = std::move(bytes);
    if (auto st = f->validate(); !st.ok())
        return fail(st.kind(), st.message());
    return std::shared_ptr<const ParquetFile>(std::move(f));
}

Status ParquetFile::validate()
{
    if (m_meta.encrypted)
        return makeError(ErrorKind::NotImplemented, "encrypted Parquet files are not supported");
    auto schema = Schema::build(m_meta.schema);
    if (!schema.ok())
        return schema.error();
    m_schema = std::move(schema).value();
    const size_t ncols = m_schema.columns().size();
    int64_t rows = 0;
    for (size_t g = 0; g < m_meta.rowGroups.size(); ++g) {
        const RowGroupMeta& rg = m_meta.rowGroups[g];
        const std::string at = "row group " + std::to_string(g) + ": ";
        if (rg.columns.size() != ncols)
            return makeError(ErrorKind::Corruption, at + "has " + std::to_string(rg.columns.size())
                                 + " column chunks, the schema has " + std::to_string(ncols) + " columns");
        if (rg.numRows < 0 || rg.numRows > kMaxValuesPerChunk)
            return makeError(ErrorKind::Corruption, at + "has an invalid row count " + std::to_string(rg.numRows));
        m_firstRow.push_back(rows);
        rows += rg.numRows;
    }
    if (rows != m_meta.numRows)
        return makeError(ErrorKind::Corruption, "footer says " + std::to_string(m_meta.numRows)
                             + " rows, the row groups hold " + std::to_string(rows));
    return Status::Ok();
}

std::string ParquetFile::where(int rowGroup, int column) const
{
    return "column '" + m_schema.columns()[size_t(column)].path + "', row group " + std::to_string(rowGroup) + ": ";
}

Result<std::pair<int64_t, int64_t>> ParquetFile::chunkRange(int rowGroup, int column) const
{
    auto r = chunkRangeBare(rowGroup, column);
    if (!r.ok())
        return makeError(r.error().kind, m_name + ": " + where(rowGroup, column) + r.error().message);
    return r;
}

Result<std::pair<int64_t, int64_t>> ParquetFile::chunkRangeBare(int rowGroup, int column) const
{
    const ColumnChunkMeta& c = chunk(rowGroup, column);
    const ColumnDescriptor& col = m_schema.columns()[size_t(column)];
    auto fail = [&](ErrorKind kind, const std::string& why) { return makeError(kind, why); };
    if (c.encrypted)
        return fail(ErrorKind::NotImplemented, "encrypted columns are not supported");
    if (!c.filePath.empty())
        return fail(ErrorKind::NotImplemented, "data stored in another file ('" + c.filePath + "') is not supported");
    if (!c.hasMetaData)
        return fail(ErrorKind::Corruption, "column chunk has no metadata");
    const ColumnMetaData& m = c.meta;
    if (m.type != col.type)
        return fail(ErrorKind::Corruption, std::string("chunk type ") + physicalTypeName(m.type)
                                               + " differs from the schema's " + physicalTypeName(col.type));
    if (m.numValues < 0 || m.numValues > kMaxValuesPerChunk)
        return fail(ErrorKind::Corruption, "invalid value count " + std::to_string(m.numValues));
    int64_t begin = m.dataPageOffset;
    if (m.dictionaryPageOffset && *m.dictionaryPageOffset > 0 && *m.dictionaryPageOffset < begin)
        begin = *m.dictionaryPageOffset;
    const int64_t size = m.totalCompressedSize;
    if (begin < 4 || size < 0 || uint64_t(begin) > m_dataEnd || uint64_t(size) > m_dataEnd - uint64_t(begin))
        return fail(ErrorKind::Corruption, "chunk bytes [" + std::to_string(begin) + ", +" + std::to_string(size)
                                               + ") lie outside the file's data (" + std::to_string(m_dataEnd)
                                               + " bytes); the file may be truncated");
    return std::pair<int64_t, int64_t>(begin, begin + size);
}

Result<Fingerprint> ParquetFile::chunkFingerprint(int rowGroup, int column) const
{
    LAKESIDE_ASSIGN_OR_RETURN(auto range, chunkRange(rowGroup, column));
    const auto& m = chunk(rowGroup, column).meta;
    return hashBytes(m_bytes->data() + range.first, size_t(range.second - range.first),
                     uint64_t(m.type) * 1000003u + uint64_t(m.codec));
}

Result<Fingerprint> ParquetFile::rowGroupFingerprint(int rowGroup, const std::vector<int>& columns) const
{
    std::vector<uint64_t> words{uint64_t(rowGroupNumRows(rowGroup))};
    auto add = [&](int c) -> Status {
        LAKESIDE_ASSIGN_OR_RETURN(Fingerprint f, chunkFingerprint(rowGroup, c));
        words.push_back(f[0]);
        words.push_back(f[1]);
        return Status::Ok();
    };
    if (columns.empty()) {
        for (size_t c = 0; c < m_schema.columns().size(); ++c)
            LAKESIDE_RETURN_IF_ERROR(add(int(c)));
    } else {
        for (int c : columns)
            LAKESIDE_RETURN_IF_ERROR(add(c));
    }
    return hashBytes(reinterpret_cast<const uint8_t*>(words.data()), words.size() * 8, 7);
}

Result<ColumnData> ParquetFile::decodeColumn(int rowGroup, int column) const
{
    LAKESIDE_ASSIGN_OR_RETURN(auto range, chunkRangeBare(rowGroup, column));
    return readColumnChunk(m_bytes, ChunkLocation{size_t(range.first), size_t(range.second)},
                           m_schema.columns()[size_t(column)], chunk(rowGroup, column).meta,
                           rowGroupNumRows(rowGroup));
}

Result<ColumnData> ParquetFile::readColumn(int rowGroup, int column) const
{
    auto data = decodeColumn(rowGroup, column);
    if (!data.ok())
        return makeError(data.error().kind, m_name + ": " + where(rowGroup, column) + data.error().message);
    return data;
}

} // namespace lakeside::parquet
