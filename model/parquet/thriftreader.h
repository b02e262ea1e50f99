// SPDX-License-Identifier: Apache-2.0
#pragma once
// A bounds-checked reader for Thrift's compact protocol, just enough to
// decode Parquet's footer and page headers. It never reads past the span it
// was given: every length is checked against the bytes left, nesting depth is
// capped, and the first problem is remembered (later reads return zeroes) so
// decoders can read a whole struct and check ok() once.
// Thread safety: a reader is a cursor; use one per thread.

#include <cstddef>
#include <cstdint>
#include <string>

namespace lakeside::parquet {

class ThriftReader {
public:
    enum Type : uint8_t {
        Stop = 0, BoolTrue = 1, BoolFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6,
        Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12,
    };
    struct Field {
        int16_t id = 0;
        uint8_t type = Stop; // Stop ends the struct
    };
    struct ListHeader {
        uint8_t elemType = 0;
        uint32_t size = 0;
    };

    ThriftReader(const uint8_t* data, size_t size) : m_p(data), m_end(data + size), m_begin(data) {}

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    size_t position() const { return size_t(m_p - m_begin); }
    void fail(const std::string& why);

    // Struct framing: call beginStruct(), then nextField() until type == Stop,
    // reading or skip()ing each field, then endStruct().
    void beginStruct();
    Field nextField();
    void endStruct();

    bool readBool(const Field& f) { return f.type == BoolTrue; }
    int32_t readI32();
    int64_t readI64();
    double readDouble();
    std::string readString();
    // A binary field as a pointer into the input, valid as long as the input.
    bool readBinary(const uint8_t** data, uint32_t* size);
    ListHeader readListHeader();
    uint8_t readByte();
    // Skips one value of the given type (structs, lists and maps recursively).
    void skip(uint8_t type);

private:
    uint64_t readVarint();
    void skipDepth(uint8_t type, int depth);

    const uint8_t* m_p;
    const uint8_t* m_end;
    const uint8_t* m_begin;
    std::string m_error;
    int16_t m_lastId[64] = {};
    int m_depth = 0;
};

} // namespace lakeside::parquet
