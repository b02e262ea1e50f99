// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: a growable window over a ByteSource, for the text readers. Parsers
// look at [data(), data()+size()), consume() what they have parsed, and call
// more() when a record runs past the window; more() moves the unconsumed tail
// to the front, so pointers into the window are invalidated by it.

#include "api/types.h"
#include "api/status.h"

#include <cstdint>
#include <string>

namespace lakeside::tabular {

class ChunkReader {
public:
    ChunkReader() = default;
    // chunk: bytes read at a time (smaller after a seek, where only a row or
    // two is wanted); startOffset: where in the stream the source begins.
    explicit ChunkReader(ByteSource source, size_t chunk = size_t(1) << 20, int64_t startOffset = 0);

    const char* data() const { return m_buf.data() + m_begin; }
    size_t size() const { return m_end - m_begin; }
    bool eof() const { return m_eof; }
    void consume(size_t n) { m_begin += n; m_consumed += static_cast<int64_t>(n); }
    // Reads more bytes after the current window (growing it if the window is
    // already full). Returns false at the end of the stream, an Io error when
    // the source reports one.
    Result<bool> more();
    int64_t consumedBytes() const { return m_consumed; }

private:
    ByteSource m_source;
    std::string m_buf;
    size_t m_begin = 0;
    size_t m_end = 0;
    bool m_eof = false;
    int64_t m_consumed = 0;
    size_t m_chunk = size_t(1) << 20;
};

// Offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or npos.
size_t invalidUtf8Offset(std::string_view text);

} // namespace lakeside::tabular
