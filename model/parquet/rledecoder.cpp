// SPDX-License-Identifier: Apache-2.0
#include "parquet/rledecoder.h"

#include <algorithm>
#include <cstring>

namespace lakeside::parquet {

void unpack8(const uint8_t* in, int width, uint32_t* out)
{
    if (width == 0) {
        std::fill(out, out + 8, 0u);
        return;
    }
    uint64_t words[5] = {};
    std::memcpy(words, in, size_t(width)); // 8 values x width bits = width bytes
    const uint64_t mask = width == 32 ? 0xffffffffull : ((1ull << width) - 1);
    for (int j = 0; j < 8; ++j) {
        const int bit = j * width;
        const int w = bit >> 6, off = bit & 63;
        uint64_t v = words[w] >> off;
        if (off + width > 64)
            v |= words[w + 1] << (64 - off);
        out[j] = uint32_t(v & mask);
    }
}

void unpack8(const uint8_t* in, int width, uint64_t* out)
{
    if (width == 0) {
        std::fill(out, out + 8, 0ull);
        return;
    }
    uint64_t words[9] = {};
    std::memcpy(words, in, size_t(width));
    const uint64_t mask = width == 64 ? ~0ull : ((1ull << width) - 1);
    for (int j = 0; j < 8; ++j) {
        const int bit = j * width;
        const int w = bit >> 6, off = bit & 63;
        uint64_t v = words[w] >> off;
        if (off && off + width > 64)
            v |= words[w + 1] << (64 - off);
        out[j] = v & mask;
    }
}

RleDecoder::RleDecoder(const uint8_t* data, size_t size, int bitWidth)
    : m_begin(data), m_p(data), m_end(data + size), m_width(bitWidth)
{
    if (bitWidth < 0 || bitWidth > 32)
        fail("RLE bit width " + std::to_string(bitWidth) + " is out of range");
}

bool RleDecoder::fail(const std::string& why)
{
    if (m_error.empty())
        m_error = why;
    m_p = m_end;
    m_left = 0;
    return false;
}

bool RleDecoder::nextRun()
{
    if (!m_error.empty())
        return false;
    uint64_t header = 0;
    for (int shift = 0;; shift += 7) {
        if (m_p >= m_end)
            return fail("RLE data ends before all values were decoded");
        if (shift > 35)
            return fail("RLE run header is too long");
        const uint8_t b = *m_p++;
        header |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    if (header & 1) {
        const uint64_t groups = header >> 1;
        if (groups == 0)
            return fail("RLE bit-packed run is empty");
        m_rle = false;
        m_left = size_t(groups * 8);
        m_packed = m_p;
        m_bufPos = 8;
        // Writers may end the last run early; only whole groups present count.
        const uint64_t bytes = groups * uint64_t(m_width);
        const size_t avail = size_t(m_end - m_p);
        if (bytes > avail) {
            if (m_width == 0)
                return fail("RLE run is malformed");
            m_left = (avail / size_t(m_width)) * 8;
            m_p = m_end;
            if (m_left == 0)
                return fail("RLE bit-packed run is truncated");
        } else {
            m_p += bytes;
        }
    } else {
        m_rle = true;
        m_left = size_t(header >> 1);
        if (m_left == 0)
            return fail("RLE run has length zero");
        const int nbytes = (m_width + 7) / 8;
        if (m_end - m_p < nbytes)
            return fail("RLE run value is truncated");
        uint32_t v = 0;
        for (int i = 0; i < nbytes; ++i)
            v |= uint32_t(m_p[i]) << (8 * i);
        m_p += nbytes;
        if (m_width < 32 && (v >> m_width))
            return fail("RLE run value " + std::to_string(v) + " does not fit in "
                        + std::to_string(m_width) + " bits");
        m_rleValue = v;
    }
    return true;
}

bool RleDecoder::get(uint32_t* out, size_t n)
{
    while (n > 0) {
        if (m_left == 0 && !nextRun())
            return false;
        if (m_rle) {
            const size_t k = std::min(n, m_left);
            std::fill(out, out + k, m_rleValue);
            out += k;
            n -= k;
            m_left -= k;
            continue;
        }
        // Bit-packed: drain the buffered group, then whole groups directly.
        while (n > 0 && m_left > 0) {
            if (m_bufPos == 8 && n >= 8 && m_left >= 8) {
                unpack8(m_packed, m_width, out);
                m_packed += m_width;
                out += 8;
                n -= 8;
                m_left -= 8;
                continue;
            }
            if (m_bufPos == 8) {
                unpack8(m_packed, m_width, m_buf);
                m_packed += m_width;
                m_bufPos = 0;
            }
            *out++ = m_buf[m_bufPos++];
            --n;
            --m_left;
        }
    }
    return true;
}

bool RleDecoder::getLevels(int16_t* out, size_t n, int maxValue)
{
    uint32_t tmp[256];
    while (n > 0) {
        const size_t k = std::min<size_t>(n, 256);
        if (!get(tmp, k))
            return false;
        for (size_t i = 0; i < k; ++i) {
            if (tmp[i] > uint32_t(maxValue))
                return fail("level " + std::to_string(tmp[i]) + " exceeds the column's maximum "
                            + std::to_string(maxValue));
            out[i] = int16_t(tmp[i]);
        }
        out += k;
        n -= k;
    }
    return true;
}

} // namespace lakeside::parquet
