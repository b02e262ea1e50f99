// SPDX-License-Identifier: Apache-2.0
#include "parquet/thriftreader.h"

#include <cstring>

namespace lakeside::parquet {

namespace {
constexpr int kMaxDepth = 48;

int64_t zigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }
} // namespace

void ThriftReader::fail(const std::string& why)
{
    if (m_error.empty())
        m_error = why + " at byte " + std::to_string(position());
    m_p = m_end; // nothing more is read after an error
}

uint64_t ThriftReader::readVarint()
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_p >= m_end) {
            fail("thrift: truncated varint");
            return 0;
        }
        const uint8_t b = *m_p++;
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    fail("thrift: varint longer than 10 bytes");
    return 0;
}

uint8_t ThriftReader::readByte()
{
    if (m_p >= m_end) {
        fail("thrift: truncated byte");
        return 0;
    }
    return *m_p++;
}

int32_t ThriftReader::readI32() { return int32_t(zigzag(readVarint())); }
int64_t ThriftReader::readI64() { return zigzag(readVarint()); }

double ThriftReader::readDouble()
{
    if (m_end - m_p < 8) {
        fail("thrift: truncated double");
        return 0;
    }
    double d;
    std::memcpy(&d, m_p, 8);
    m_p += 8;
    return d;
}

bool ThriftReader::readBinary(const uint8_t** data, uint32_t* size)
{
    const uint64_t n = readVarint();
    if (!ok())
        return false;
    if (n > uint64_t(m_end - m_p)) {
        fail("thrift: binary length " + std::to_string(n) + " exceeds the "
             + std::to_string(m_end - m_p) + " bytes left");
        return false;
    }
    *data = m_p;
    *size = uint32_t(n);
    m_p += n;
    return true;
}

std::string ThriftReader::readString()
{
    const uint8_t* d = nullptr;
    uint32_t n = 0;
    if (!readBinary(&d, &n))
        return {};
    return std::string(reinterpret_cast<const char*>(d), n);
}

void ThriftReader::beginStruct()
{
    if (m_depth + 1 >= kMaxDepth) {
        fail("thrift: structs nested deeper than " + std::to_string(kMaxDepth));
        return;
    }
    m_lastId[++m_depth] = 0;
}

void ThriftReader::endStruct()
{
    if (m_depth > 0)
        --m_depth;
}

ThriftReader::Field ThriftReader::nextField()
{
    Field f;
    if (!ok())
        return f;
    const uint8_t b = readByte();
    if (!ok() || b == 0)
        return f;
    f.type = b & 0x0f;
    const uint8_t delta = b >> 4;
    if (delta)
        f.id = int16_t(m_lastId[m_depth] + delta);
    else
        f.id = int16_t(readI32());
    if (f.type > Struct) {
        fail("thrift: unknown field type " + std::to_string(f.type));
        return Field{};
    }
    m_lastId[m_depth] = f.id;
    return f;
}

ThriftReader::ListHeader ThriftReader::readListHeader()
{
    ListHeader h;
    const uint8_t b = readByte();
    h.elemType = b & 0x0f;
    uint64_t size = b >> 4;
    if (size == 15)
        size = readVarint();
    if (!ok())
        return {};
    // Every element takes at least one byte, so a larger count is a lie.
    if (size > uint64_t(m_end - m_p)) {
        fail("thrift: list of " + std::to_string(size) + " elements exceeds the "
             + std::to_string(m_end - m_p) + " bytes left");
        return {};
    }
    h.size = uint32_t(size);
    return h;
}

void ThriftReader::skip(uint8_t type) { skipDepth(type, 0); }

void ThriftReader::skipDepth(uint8_t type, int depth)
{
    if (depth > kMaxDepth) {
        fail("thrift: values nested deeper than " + std::to_string(kMaxDepth));
        return;
    }
    switch (type) {
    case BoolTrue:
    case BoolFalse:
        return;
    case Byte:
        readByte();
        return;
    case I16:
    case I32:
    case I64:
        readVarint();
        return;
    case Double:
        readDouble();
        return;
    case Binary: {
        const uint8_t* d;
        uint32_t n;
        readBinary(&d, &n);
        return;
    }
    case List:
    case Set: {
        const ListHeader h = readListHeader();
        for (uint32_t i = 0; i < h.size && ok(); ++i) {
            if (h.elemType == BoolTrue || h.elemType == BoolFalse)
                readByte(); // booleans inside containers take a byte each
            else
                skipDepth(h.elemType, depth + 1);
        }
        return;
    }
    case Map: {
        const uint64_t n = readVarint();
        if (n == 0 || !ok())
            return;
        if (n > uint64_t(m_end - m_p)) {
            fail("thrift: map of " + std::to_string(n) + " entries exceeds the input");
            return;
        }
        const uint8_t kv = readByte();
        for (uint64_t i = 0; i < n && ok(); ++i) {
            for (const uint8_t t : {uint8_t(kv >> 4), uint8_t(kv & 0x0f)}) {
                if (t == BoolTrue || t == BoolFalse)
                    readByte();
                else
                    skipDepth(t, depth + 1);
            }
        }
        return;
    }
    case Struct: {
        beginStruct();
        for (Field f = nextField(); f.type != Stop && ok(); f = nextField())
            skipDepth(f.type, depth + 1);
        endStruct();
        return;
    }
    default:
        fail("thrift: cannot skip unknown type " + std::to_string(type));
    }
}

} // namespace lakeside::parquet
