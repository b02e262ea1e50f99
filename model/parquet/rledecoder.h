// SPDX-License-Identifier: Apache-2.0
#pragma once
// Bit unpacking and the RLE/bit-packed hybrid decoder used for definition
// and repetition levels, dictionary indices and RLE booleans. Reads only
// inside the span it is given. Thread safety: one decoder per thread.

#include <cstddef>
#include <cstdint>
#include <string>

namespace lakeside::parquet {

// Unpacks 8 values of `width` bits (LSB first) from `in`, which must hold
// `width` bytes. width <= 32 for the 32-bit form, <= 64 for the 64-bit one.
void unpack8(const uint8_t* in, int width, uint32_t* out);
void unpack8(const uint8_t* in, int width, uint64_t* out);

class RleDecoder {
public:
    RleDecoder(const uint8_t* data, size_t size, int bitWidth);

    // Decodes exactly n values into out; false (with error()) if the data
    // runs out or is malformed.
    bool get(uint32_t* out, size_t n);
    // Same, narrowing each value to int16 (levels); fails on values above maxValue.
    bool getLevels(int16_t* out, size_t n, int maxValue);
    const std::string& error() const { return m_error; }
    // Bytes consumed so far (whole runs).
    size_t consumed() const { return size_t(m_p - m_begin); }

private:
    bool nextRun();
    bool fail(const std::string& why);

    const uint8_t* m_begin;
    const uint8_t* m_p;
    const uint8_t* m_end;
    int m_width;
    // The current run.
    bool m_rle = false;
    uint32_t m_rleValue = 0;
    size_t m_left = 0;            // values left in the current run
    const uint8_t* m_packed = nullptr; // start of the current group of 8 (bit-packed)
    uint32_t m_buf[8] = {};
    int m_bufPos = 8;             // next value in m_buf
    std::string m_error;
};

} // namespace lakeside::parquet
