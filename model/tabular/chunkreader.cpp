// SPDX-License-Identifier: Apache-2.0
#include "tabular/chunkreader.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lakeside::tabular {

ChunkReader::ChunkReader(ByteSource source, size_t chunk, int64_t startOffset)
    : m_source(std::move(source))
    , m_consumed(startOffset)
    , m_chunk(chunk)
{
}

Result<bool> ChunkReader::more()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_buf.size() - m_end < m_chunk / 2)
        m_buf.resize(std::max(m_chunk, m_buf.size() * 2));
    while (true) {
        const int64_t n = m_source(m_buf.data() + m_end, static_cast<int64_t>(m_buf.size() - m_end));
        if (n < 0)
            return makeError(ErrorKind::Io, "read error");
        if (n == 0) {
            m_eof = true;
            return false;
        }
        m_end += static_cast<size_t>(n);
        return true;
    }
}

size_t invalidUtf8Offset(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        // ASCII fast path, 16 or 8 bytes at a time.
#if defined(__SSE2__)
        if (i + 16 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
            if (_mm_movemask_epi8(v) == 0) {
                i += 16;
                continue;
            }
        }
#endif
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

} // namespace lakeside::tabular
