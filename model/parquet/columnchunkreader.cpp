// SPDX-License-Identifier: Apache-2.0
#include "parquet/columnchunkreader.h"

#include "parquet/codec.h"
#include "parquet/metadatadecoder.h"
#include "parquet/rledecoder.h"
#include "parquet/valuedecoders.h"

#include <algorithm>
#include <cstring>

namespace lakeside::parquet {

namespace {

constexpr size_t kMaxPageBytes = size_t(1) << 30;  // decompressed page size
constexpr int64_t kMaxPageValues = int64_t(1) << 27; // level slots in one page

Error corrupt(const std::string& why) { return makeError(ErrorKind::Corruption, why); }

int bitWidth(int v)
{
    int w = 0;
    while (v > 0) {
        ++w;
        v >>= 1;
    }
    return w;
}

class ChunkDecoder {
public:
    ChunkDecoder(const std::shared_ptr<const FileBuffer>& file, const ColumnDescriptor& col, const ColumnMetaData& meta)
        : m_file(file), m_col(col), m_meta(meta)
    {
        m_out.type = col.type;
        m_out.maxDef = col.maxDef;
        m_out.maxRep = col.maxRep;
        m_dict.type = col.type;
    }

    Result<ColumnData> run(ChunkLocation where, int64_t numRows)
    {
        size_t pos = where.begin;
        while (pos < where.end && m_out.numSlots < m_meta.numValues) {
            const size_t pageStart = pos;
            size_t headerSize = 0;
            auto header = decodePageHeader(m_file->data() + pos, where.end - pos, &headerSize);
            if (!header.ok())
                return at(pageStart, header.error().message);
            pos += headerSize;
            const PageHeader& h = *header;
            if (size_t(h.compressedPageSize) > where.end - pos)
                return at(pageStart, "page of " + std::to_string(h.compressedPageSize)
                                         + " bytes runs past the end of the column chunk");
            ValueSpan page{m_file->data() + pos, size_t(h.compressedPageSize), m_file};
            pos += size_t(h.compressedPageSize);
            Status st = Status::Ok();
            switch (h.type) {
            case PageType::DictionaryPage: st = dictionaryPage(h, page); break;
            case PageType::DataPage: st = dataPageV1(h, page); break;
            case PageType::DataPageV2: st = dataPageV2(h, page); break;
            case PageType::IndexPage: break;
            default:
                st = corrupt("unknown page type " + std::to_string(int(h.type)));
            }
            if (!st.ok())
                return Error{st.kind(), atMessage(pageStart, st.message())};
        }
        if (m_out.numSlots != m_meta.numValues)
            return corrupt("column chunk holds " + std::to_string(m_out.numSlots) + " values, its metadata says "
                           + std::to_string(m_meta.numValues));
        int64_t rows = m_out.numSlots;
        if (m_col.maxRep > 0)
            rows = std::count(m_out.repLevels.begin(), m_out.repLevels.end(), int16_t(0));
        if (rows != numRows)
            return corrupt("column chunk holds " + std::to_string(rows) + " rows, the row group has "
                           + std::to_string(numRows));
        if (!m_dict.owners.empty() && !m_out.bytes.empty())
            m_out.owners.insert(m_out.owners.end(), m_dict.owners.begin(), m_dict.owners.end());
        return std::move(m_out);
    }

private:
    std::string atMessage(size_t pageStart, const std::string& why)
    {
        return "page at byte " + std::to_string(pageStart) + ": " + why;
    }
    Error at(size_t pageStart, const std::string& why) { return corrupt(atMessage(pageStart, why)); }

    // Decompresses a span into an owned buffer (or returns it as is).
    Result<ValueSpan> inflate(const ValueSpan& in, int64_t uncompressedSize, bool compressed)
    {
        if (!compressed || m_meta.codec == Codec::Uncompressed)
            return in;
        if (uncompressedSize < 0 || size_t(uncompressedSize) > kMaxPageBytes)
            return Error{makeError(ErrorKind::NotImplemented, "page decompresses to "
                                       + std::to_string(uncompressedSize) + " bytes, more than the 1 GiB limit")};
        auto buf = std::shared_ptr<uint8_t[]>(new uint8_t[size_t(uncompressedSize) + 1]);
        LAKESIDE_RETURN_IF_ERROR(decompress(m_meta.codec, in.data, in.size, buf.get(), size_t(uncompressedSize)));
        return ValueSpan{buf.get(), size_t(uncompressedSize), buf};
    }

    Status dictionaryPage(const PageHeader& h, const ValueSpan& page)
    {
        if (!h.dictionaryPage)
            return corrupt("dictionary page has no dictionary header");
        if (m_haveDict)
            return corrupt("column chunk has a second dictionary page");
        const auto& d = *h.dictionaryPage;
        if (d.encoding != Encoding::Plain && d.encoding != Encoding::PlainDictionary)
            return makeError(ErrorKind::NotImplemented, std::string("dictionary encoding ")
                                 + encodingName(d.encoding) + " is not supported");
        if (d.numValues < 0)
            return corrupt("dictionary page has a negative value count");
        LAKESIDE_ASSIGN_OR_RETURN(ValueSpan data, inflate(page, h.uncompressedPageSize, true));
        LAKESIDE_RETURN_IF_ERROR(decodePlain(data, size_t(d.numValues), m_col.typeLength, m_dict));
        m_haveDict = true;
        return Status::Ok();
    }

    Status checkSlots(int64_t n)
    {
        if (n < 0 || n > kMaxPageValues)
            return corrupt("page claims " + std::to_string(n) + " values");
        if (n > m_meta.numValues - m_out.numSlots)
            return corrupt("pages hold more values than the column chunk's " + std::to_string(m_meta.numValues));
        return Status::Ok();
    }

    // Decodes n levels from an RLE run of the given bytes, appended to out.
    Status levels(const uint8_t* p, size_t size, int64_t n, int maxLevel, std::vector<int16_t>& out, const char* what)
    {
        const size_t old = out.size();
        out.resize(old + size_t(n));
        RleDecoder dec(p, size, bitWidth(maxLevel));
        if (!dec.getLevels(out.data() + old, size_t(n), maxLevel))
            return corrupt(std::string(what) + " levels: " + dec.error());
        return Status::Ok();
    }

    size_t countValues(size_t firstSlot, int64_t n) const
    {
        if (m_col.maxDef == 0)
            return size_t(n);
        const int16_t* d = m_out.defLevels.data() + firstSlot;
        size_t c = 0;
        for (int64_t i = 0; i < n; ++i)
            c += d[i] == m_col.maxDef;
        return c;
    }

    Status dataPageV1(const PageHeader& h, const ValueSpan& page)
    {
        if (!h.dataPage)
            return corrupt("data page has no data page header");
        const auto& d = *h.dataPage;
        LAKESIDE_RETURN_IF_ERROR(checkSlots(d.numValues));
        LAKESIDE_ASSIGN_OR_RETURN(ValueSpan data, inflate(page, h.uncompressedPageSize, true));
        const uint8_t* p = data.data;
        size_t left = data.size;
        auto lengthPrefixed = [&](int maxLevel, Encoding enc, std::vector<int16_t>& out, const char* what) -> Status {
            if (enc != Encoding::Rle)
                return makeError(ErrorKind::NotImplemented, std::string(what) + " level encoding "
                                     + encodingName(enc) + " is not supported");
            if (left < 4)
                return corrupt(std::string(what) + " levels: length prefix is missing");
            uint32_t len;
            std::memcpy(&len, p, 4);
            if (len > left - 4)
                return corrupt(std::string(what) + " levels: length " + std::to_string(len) + " exceeds the page");
            LAKESIDE_RETURN_IF_ERROR(levels(p + 4, len, d.numValues, maxLevel, out, what));
            p += 4 + len;
            left -= 4 + len;
            return Status::Ok();
        };
        const size_t firstSlot = size_t(m_out.numSlots);
        if (m_col.maxRep > 0)
            LAKESIDE_RETURN_IF_ERROR(lengthPrefixed(m_col.maxRep, d.repetitionLevelEncoding, m_out.repLevels, "repetition"));
        if (m_col.maxDef > 0)
            LAKESIDE_RETURN_IF_ERROR(lengthPrefixed(m_col.maxDef, d.definitionLevelEncoding, m_out.defLevels, "definition"));
        const size_t count = countValues(firstSlot, d.numValues);
        m_out.numSlots += d.numValues;
        return values(d.encoding, ValueSpan{p, left, data.owner}, count);
    }

    Status dataPageV2(const PageHeader& h, const ValueSpan& page)
    {
        if (!h.dataPageV2)
            return corrupt("data page v2 has no data page header");
        const auto& d = *h.dataPageV2;
        LAKESIDE_RETURN_IF_ERROR(checkSlots(d.numValues));
        if (d.repetitionLevelsByteLength < 0 || d.definitionLevelsByteLength < 0
            || int64_t(d.repetitionLevelsByteLength) + d.definitionLevelsByteLength > int64_t(page.size))
            return corrupt("level lengths exceed the page");
        const size_t firstSlot = size_t(m_out.numSlots);
        const uint8_t* p = page.data;
        if (m_col.maxRep > 0)
            LAKESIDE_RETURN_IF_ERROR(levels(p, size_t(d.repetitionLevelsByteLength), d.numValues, m_col.maxRep,
                                            m_out.repLevels, "repetition"));
        p += d.repetitionLevelsByteLength;
        if (m_col.maxDef > 0)
            LAKESIDE_RETURN_IF_ERROR(levels(p, size_t(d.definitionLevelsByteLength), d.numValues, m_col.maxDef,
                                            m_out.defLevels, "definition"));
        p += d.definitionLevelsByteLength;
        const size_t levelBytes = size_t(d.repetitionLevelsByteLength) + size_t(d.definitionLevelsByteLength);
        const int64_t uncompressedValues = int64_t(h.uncompressedPageSize) - int64_t(levelBytes);
        ValueSpan rest{p, page.size - levelBytes, page.owner};
        LAKESIDE_ASSIGN_OR_RETURN(ValueSpan data, inflate(rest, uncompressedValues, d.isCompressed));
        const size_t count = countValues(firstSlot, d.numValues);
        m_out.numSlots += d.numValues;
        return values(d.encoding, data, count);
    }

    Status values(Encoding enc, const ValueSpan& data, size_t count)
    {
        switch (enc) {
        case Encoding::Plain:
            return decodePlain(data, count, m_col.typeLength, m_out);
        case Encoding::PlainDictionary:
        case Encoding::RleDictionary:
            if (!m_haveDict)
                return corrupt("dictionary-encoded page without a dictionary page");
            return decodeDictionaryIndices(data, count, m_dict, m_out);
        case Encoding::Rle:
            if (m_col.type != PhysicalType::Boolean)
                return corrupt(std::string("RLE values are only valid for BOOLEAN, not ") + physicalTypeName(m_col.type));
            return decodeRleBooleans(data, count, m_out);
        case Encoding::DeltaBinaryPacked:
            return decodeDeltaBinaryPacked(data, count, m_out);
        case Encoding::DeltaLengthByteArray:
            return decodeDeltaLengthByteArray(data, count, m_out);
        case Encoding::DeltaByteArray:
            return decodeDeltaByteArray(data, count, m_out);
        case Encoding::ByteStreamSplit:
            return decodeByteStreamSplit(data, count, m_col.typeLength, m_out);
        default:
            return makeError(ErrorKind::NotImplemented, std::string("value encoding ") + encodingName(enc)
                                 + " (" + std::to_string(int(enc)) + ") is not supported");
        }
    }

    const std::shared_ptr<const FileBuffer>& m_file;
    const ColumnDescriptor& m_col;
    const ColumnMetaData& m_meta;
    ColumnData m_out;
    ColumnData m_dict;
    bool m_haveDict = false;
};

} // namespace

Result<ColumnData> readColumnChunk(const std::shared_ptr<const FileBuffer>& file, ChunkLocation where,
                                   const ColumnDescriptor& column, const ColumnMetaData& meta, int64_t numRows)
{
    if (where.begin > where.end || where.end > file->size())
        return corrupt("column chunk bytes lie outside the file");
    ChunkDecoder dec(file, column, meta);
    return dec.run(where, numRows);
}

} // namespace lakeside::parquet
