// SPDX-License-Identifier: Apache-2.0
#include "parquet/valuedecoders.h"

#include "parquet/rledecoder.h"

#include <algorithm>
#include <cstring>

namespace lakeside::parquet {

namespace {

// A page never legitimately expands past this when decoded (prefix sharing
// in DELTA_BYTE_ARRAY could otherwise multiply a small page without bound).
constexpr size_t kMaxDecodedPageBytes = size_t(512) << 20;

Error corrupt(const std::string& why) { return makeError(ErrorKind::Corruption, why); }

template <class T>
void appendRaw(std::vector<T>& v, const uint8_t* p, size_t n)
{
    const size_t old = v.size();
    v.resize(old + n);
    if (n)
        std::memcpy(v.data() + old, p, n * sizeof(T));
}

size_t fixedWidth(const ColumnData& out, int32_t typeLength)
{
    switch (out.type) {
    case PhysicalType::Int32: case PhysicalType::Float: return 4;
    case PhysicalType::Int64: case PhysicalType::Double: return 8;
    case PhysicalType::Int96: return 12;
    case PhysicalType::FixedLenByteArray: return size_t(typeLength);
    default: return 0;
    }
}

// DELTA_BINARY_PACKED, decoded into 64-bit integers with wrap-around
// arithmetic (int32 columns wrap the same way modulo 2^32).
class DeltaDecoder {
public:
    DeltaDecoder(const uint8_t* p, size_t n) : m_p(p), m_end(p + n), m_begin(p) {}

    Status decode(size_t count, std::vector<uint64_t>& out)
    {
        uint64_t blockSize, miniblocks, total, first;
        if (!varint(blockSize) || !varint(miniblocks) || !varint(total) || !varint(first))
            return corrupt("DELTA_BINARY_PACKED header is truncated");
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > (1u << 20))
            return corrupt("DELTA_BINARY_PACKED block size " + std::to_string(blockSize) + " is invalid");
        if (miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 8 != 0)
            return corrupt("DELTA_BINARY_PACKED has " + std::to_string(miniblocks)
                           + " miniblocks per block of " + std::to_string(blockSize));
        if (total < count)
            return corrupt("DELTA_BINARY_PACKED holds " + std::to_string(total) + " values, the page needs "
                           + std::to_string(count));
        const size_t perMini = size_t(blockSize / miniblocks);
        out.clear(); // no reserve(count): a tiny page may claim billions of values
        if (count == 0)
            return Status::Ok();
        uint64_t value = (first >> 1) ^ (~(first & 1) + 1);
        out.push_back(value);
        uint8_t widths[1024];
        uint64_t tmp[8];
        while (out.size() < count) {
            uint64_t minDeltaZ;
            if (!varint(minDeltaZ))
                return corrupt("DELTA_BINARY_PACKED block header is truncated");
            const uint64_t minDelta = (minDeltaZ >> 1) ^ (~(minDeltaZ & 1) + 1);
            if (size_t(m_end - m_p) < miniblocks || miniblocks > sizeof widths)
                return corrupt("DELTA_BINARY_PACKED miniblock widths are truncated");
            std::memcpy(widths, m_p, miniblocks);
            m_p += miniblocks;
            for (uint64_t m = 0; m < miniblocks && out.size() < count; ++m) {
                const int w = widths[m];
                if (w > 64)
                    return corrupt("DELTA_BINARY_PACKED miniblock bit width " + std::to_string(w) + " exceeds 64");
                const size_t bytes = perMini / 8 * size_t(w);
                if (size_t(m_end - m_p) < bytes)
                    return corrupt("DELTA_BINARY_PACKED miniblock is truncated");
                for (size_t g = 0; g < perMini / 8 && out.size() < count; ++g) {
                    unpack8(m_p + g * size_t(w), w, tmp);
                    const size_t k = std::min<size_t>(8, count - out.size());
                    for (size_t j = 0; j < k; ++j) {
                        value += minDelta + tmp[j];
                        out.push_back(value);
                    }
                }
                m_p += bytes;
            }
        }
        return Status::Ok();
    }
    size_t consumed() const { return size_t(m_p - m_begin); }

private:
    bool varint(uint64_t& v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end)
                return false;
            const uint8_t b = *m_p++;
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    const uint8_t* m_p;
    const uint8_t* m_end;
    const uint8_t* m_begin;
};

Status checkLengths(const std::vector<uint64_t>& lengths, size_t avail, const char* what)
{
    uint64_t sum = 0;
    for (uint64_t l : lengths) {
        if (l > avail || (sum += l) > avail)
            return corrupt(std::string(what) + " lengths exceed the page's " + std::to_string(avail) + " bytes");
    }
    return Status::Ok();
}

} // namespace

Status decodePlain(const ValueSpan& in, size_t count, int32_t typeLength, ColumnData& out)
{
    const uint8_t* p = in.data;
    const size_t n = in.size;
    if (out.type == PhysicalType::Boolean) {
        if ((count + 7) / 8 > n)
            return corrupt("PLAIN booleans need " + std::to_string((count + 7) / 8) + " bytes, page has "
                           + std::to_string(n));
        const size_t old = out.bools.size();
        out.bools.resize(old + count);
        for (size_t i = 0; i < count; ++i)
            out.bools[old + i] = (p[i >> 3] >> (i & 7)) & 1;
        return Status::Ok();
    }
    if (out.type == PhysicalType::ByteArray) {
        size_t pos = 0;
        out.bytes.reserve(out.bytes.size() + std::min(count, n / 4)); // each value takes >= 4 bytes
        for (size_t i = 0; i < count; ++i) {
            if (n - pos < 4)
                return corrupt("PLAIN byte array " + std::to_string(i) + " of " + std::to_string(count)
                               + ": length is cut off by the end of the page");
            uint32_t len;
            std::memcpy(&len, p + pos, 4);
            pos += 4;
            if (len > n - pos)
                return corrupt("PLAIN byte array " + std::to_string(i) + " claims " + std::to_string(len)
                               + " bytes, only " + std::to_string(n - pos) + " are left in the page");
            out.bytes.emplace_back(reinterpret_cast<const char*>(p + pos), len);
            pos += len;
        }
        if (count && in.owner)
            out.owners.push_back(in.owner);
        return Status::Ok();
    }
    const size_t w = fixedWidth(out, typeLength);
    if (w == 0 || count > n / w)
        return corrupt("PLAIN page holds " + std::to_string(n) + " bytes, too few for "
                       + std::to_string(count) + " values of " + std::to_string(w) + " bytes");
    switch (out.type) {
    case PhysicalType::Int32: appendRaw(out.i32, p, count); break;
    case PhysicalType::Int64: appendRaw(out.i64, p, count); break;
    case PhysicalType::Float: appendRaw(out.f32, p, count); break;
    case PhysicalType::Double: appendRaw(out.f64, p, count); break;
    default:
        out.bytes.reserve(out.bytes.size() + count);
        for (size_t i = 0; i < count; ++i)
            out.bytes.emplace_back(reinterpret_cast<const char*>(p + i * w), w);
        if (count && in.owner)
            out.owners.push_back(in.owner);
    }
    return Status::Ok();
}

Status decodeRleBooleans(const ValueSpan& in, size_t count, ColumnData& out)
{
    if (in.size < 4)
        return corrupt("RLE booleans: length prefix is missing");
    uint32_t len;
    std::memcpy(&len, in.data, 4);
    if (len > in.size - 4)
        return corrupt("RLE booleans: length " + std::to_string(len) + " exceeds the page");
    RleDecoder dec(in.data + 4, len, 1);
    std::vector<uint32_t> tmp(count);
    if (!dec.get(tmp.data(), count))
        return corrupt("RLE booleans: " + dec.error());
    const size_t old = out.bools.size();
    out.bools.resize(old + count);
    for (size_t i = 0; i < count; ++i)
        out.bools[old + i] = uint8_t(tmp[i]);
    return Status::Ok();
}

Status decodeDeltaBinaryPacked(const ValueSpan& in, size_t count, ColumnData& out)
{
    if (out.type != PhysicalType::Int32 && out.type != PhysicalType::Int64)
        return corrupt(std::string("DELTA_BINARY_PACKED is not valid for ") + physicalTypeName(out.type));
    std::vector<uint64_t> v;
    DeltaDecoder dec(in.data, in.size);
    LAKESIDE_RETURN_IF_ERROR(dec.decode(count, v));
    if (out.type == PhysicalType::Int32) {
        out.i32.reserve(out.i32.size() + count);
        for (uint64_t x : v)
            out.i32.push_back(int32_t(uint32_t(x)));
    } else {
        out.i64.reserve(out.i64.size() + count);
        for (uint64_t x : v)
            out.i64.push_back(int64_t(x));
    }
    return Status::Ok();
}

Status decodeDeltaLengthByteArray(const ValueSpan& in, size_t count, ColumnData& out)
{
    if (out.type != PhysicalType::ByteArray)
        return corrupt(std::string("DELTA_LENGTH_BYTE_ARRAY is not valid for ") + physicalTypeName(out.type));
    std::vector<uint64_t> lengths;
    DeltaDecoder dec(in.data, in.size);
    LAKESIDE_RETURN_IF_ERROR(dec.decode(count, lengths));
    const uint8_t* p = in.data + dec.consumed();
    const size_t avail = in.size - dec.consumed();
    LAKESIDE_RETURN_IF_ERROR(checkLengths(lengths, avail, "DELTA_LENGTH_BYTE_ARRAY"));
    out.bytes.reserve(out.bytes.size() + count);
    for (uint64_t l : lengths) {
        out.bytes.emplace_back(reinterpret_cast<const char*>(p), size_t(l));
        p += l;
    }
    if (count && in.owner)
        out.owners.push_back(in.owner);
    return Status::Ok();
}

Status decodeDeltaByteArray(const ValueSpan& in, size_t count, ColumnData& out)
{
    if (out.type != PhysicalType::ByteArray && out.type != PhysicalType::FixedLenByteArray)
        return corrupt(std::string("DELTA_BYTE_ARRAY is not valid for ") + physicalTypeName(out.type));
    std::vector<uint64_t> prefixes, suffixes;
    DeltaDecoder pre(in.data, in.size);
    LAKESIDE_RETURN_IF_ERROR(pre.decode(count, prefixes));
    DeltaDecoder suf(in.data + pre.consumed(), in.size - pre.consumed());
    LAKESIDE_RETURN_IF_ERROR(suf.decode(count, suffixes));
    const size_t start = pre.consumed() + suf.consumed();
    const uint8_t* p = in.data + start;
    const size_t avail = in.size - start;
    LAKESIDE_RETURN_IF_ERROR(checkLengths(suffixes, avail, "DELTA_BYTE_ARRAY suffix"));
    // Each value is the previous value's prefix plus its suffix.
    uint64_t total = 0, prevLen = 0;
    for (size_t i = 0; i < count; ++i) {
        if (prefixes[i] > prevLen)
            return corrupt("DELTA_BYTE_ARRAY value " + std::to_string(i) + " shares a prefix of "
                           + std::to_string(prefixes[i]) + " bytes with a value of " + std::to_string(prevLen));
        prevLen = prefixes[i] + suffixes[i];
        total += prevLen;
        if (total > kMaxDecodedPageBytes)
            return makeError(ErrorKind::NotImplemented, "DELTA_BYTE_ARRAY page decodes to more than "
                                 + std::to_string(kMaxDecodedPageBytes >> 20) + " MiB");
    }
    auto buf = std::make_shared<std::vector<char>>(size_t(total));
    char* w = buf->data();
    const char* prev = w;
    out.bytes.reserve(out.bytes.size() + count);
    for (size_t i = 0; i < count; ++i) {
        const char* begin = w;
        std::memcpy(w, prev, size_t(prefixes[i]));
        w += prefixes[i];
        std::memcpy(w, p, size_t(suffixes[i]));
        w += suffixes[i];
        p += suffixes[i];
        out.bytes.emplace_back(begin, size_t(w - begin));
        prev = begin;
    }
    if (out.type == PhysicalType::FixedLenByteArray) {
        const size_t width = out.bytes.empty() ? 0 : out.bytes.front().size();
        for (const auto& b : out.bytes)
            if (b.size() != width)
                return corrupt("DELTA_BYTE_ARRAY fixed-length values differ in length");
    }
    out.owners.push_back(std::move(buf));
    return Status::Ok();
}

Status decodeByteStreamSplit(const ValueSpan& in, size_t count, int32_t typeLength, ColumnData& out)
{
    const size_t w = fixedWidth(out, typeLength);
    if (w == 0 || out.type == PhysicalType::Int96)
        return corrupt(std::string("BYTE_STREAM_SPLIT is not valid for ") + physicalTypeName(out.type));
    if (count > in.size / w)
        return corrupt("BYTE_STREAM_SPLIT page holds " + std::to_string(in.size) + " bytes, too few for "
                       + std::to_string(count) + " values");
    // Streams are laid out for the page's full value count (in.size / w).
    const size_t stride = in.size / w;
    auto buf = std::make_shared<std::vector<uint8_t>>(count * w);
    uint8_t* dst = buf->data();
    for (size_t k = 0; k < w; ++k) {
        const uint8_t* src = in.data + k * stride;
        for (size_t i = 0; i < count; ++i)
            dst[i * w + k] = src[i];
    }
    ValueSpan plain{buf->data(), buf->size(), buf};
    return decodePlain(plain, count, typeLength, out);
}

Status decodeDictionaryIndices(const ValueSpan& in, size_t count, const ColumnData& dict, ColumnData& out)
{
    if (in.size < 1)
        return corrupt("dictionary indices: bit width byte is missing");
    const int width = in.data[0];
    if (width > 32)
        return corrupt("dictionary indices: bit width " + std::to_string(width) + " exceeds 32");
    std::vector<uint32_t> idx(count);
    RleDecoder dec(in.data + 1, in.size - 1, width);
    if (!dec.get(idx.data(), count))
        return corrupt("dictionary indices: " + dec.error());
    const size_t dictSize = dict.numValues();
    uint32_t maxIdx = 0;
    for (uint32_t i : idx)
        maxIdx = std::max(maxIdx, i);
    if (count && maxIdx >= dictSize)
        return corrupt("dictionary index " + std::to_string(maxIdx) + " is outside the dictionary of "
                       + std::to_string(dictSize) + " values");
    auto gather = [&](auto& dst, const auto& src) {
        const size_t old = dst.size();
        dst.resize(old + count);
        auto* o = dst.data() + old;
        for (size_t i = 0; i < count; ++i)
            o[i] = src[idx[i]];
    };
    switch (out.type) {
    case PhysicalType::Boolean: gather(out.bools, dict.bools); break;
    case PhysicalType::Int32: gather(out.i32, dict.i32); break;
    case PhysicalType::Int64: gather(out.i64, dict.i64); break;
    case PhysicalType::Float: gather(out.f32, dict.f32); break;
    case PhysicalType::Double: gather(out.f64, dict.f64); break;
    default: gather(out.bytes, dict.bytes); break;
    }
    return Status::Ok();
}

} // namespace lakeside::parquet
