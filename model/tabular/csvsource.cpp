// SPDX-License-Identifier: Apache-2.0
#include "tabular/csvsource.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lakeside::tabular {

Result<std::unique_ptr<TableSource>> CsvSource::open(ByteSourceFactory bytes, std::string name, char delimiter,
                                                     bool header, int64_t totalBytes)
{
    std::unique_ptr<CsvSource> src(new CsvSource(std::move(bytes), std::move(name), delimiter, header));
    src->m_totalBytes = totalBytes;
    LAKESIDE_RETURN_IF_ERROR(src->start());
    return std::unique_ptr<TableSource>(std::move(src));
}

CsvSource::CsvSource(ByteSourceFactory bytes, std::string name, char delimiter, bool header)
    : m_bytes(std::move(bytes))
    , m_name(std::move(name))
    , m_delimiter(delimiter)
    , m_quoting(delimiter != '\t')
    , m_header(header)
    , m_dialect(std::string("csv delimiter=") + delimiter + (header ? " header" : " no-header"))
{
    m_special[static_cast<unsigned char>(m_delimiter)] = true;
    m_special[static_cast<unsigned char>('\n')] = true;
    m_special[static_cast<unsigned char>('\r')] = true;
    if (m_quoting)
        m_special[static_cast<unsigned char>('"')] = true;
}

Status CsvSource::start()
{
    LAKESIDE_ASSIGN_OR_RETURN(ByteSource stream, m_bytes());
    m_reader = ChunkReader(std::move(stream));
    m_line = 1;
    m_rowIndex = 0;
    m_done = false;
    m_error.reset();
    m_pendingFirst = false;
    m_haveRecord = false;
    while (m_reader.size() < 3 && !m_reader.eof()) {
        auto r = m_reader.more();
        if (!r.ok())
            return fail(ErrorKind::Io, 0, -1, r.error().message);
    }
    if (m_reader.size() >= 3 && std::memcmp(m_reader.data(), "\xEF\xBB\xBF", 3) == 0)
        m_reader.consume(3);

    const bool firstOpen = m_schema.columns.empty();
    LAKESIDE_ASSIGN_OR_RETURN(bool any, readRecord());
    if (!any) {
        m_done = true;
        return Status::Ok();
    }
    if (!m_header) {
        if (firstOpen) {
            for (size_t i = 0; i < m_nfields; ++i)
                m_schema.columns.push_back(Column{"column_" + std::to_string(i + 1)});
        }
        m_pendingFirst = true;
        return Status::Ok();
    }
    if (!firstOpen)
        return Status::Ok(); // rewind: the header was checked on open
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < m_nfields; ++i) {
        std::string n(field(i));
        if (n.empty())
            n = "column_" + std::to_string(i + 1);
        auto [it, inserted] = seen.emplace(n, i);
        if (!inserted) {
            m_schema.columns.clear();
            return fail(ErrorKind::InvalidArgument, m_recordLine, -1,
                        "duplicate column name '" + n + "' (columns " + std::to_string(it->second + 1) + " and "
                            + std::to_string(i + 1) + ")");
        }
        m_schema.columns.push_back(Column{std::move(n)});
    }
    return Status::Ok();
}

Status CsvSource::rewind()
{
    return start();
}

std::optional<RowBookmark> CsvSource::bookmark() const
{
    if (!m_bytesAt || m_rowIndex == 0)
        return std::nullopt;
    return RowBookmark{m_recordOffset, m_rowIndex - 1, m_recordLine};
}

Status CsvSource::seek(const RowBookmark& where)
{
    if (!m_bytesAt)
        return TableSource::seek(where);
    LAKESIDE_ASSIGN_OR_RETURN(ByteSource stream, m_bytesAt(where.offset));
    // A seek fetches a row or two: read small pieces, not 1 MiB.
    m_reader = ChunkReader(std::move(stream), size_t(16) << 10, where.offset);
    m_line = where.line;
    m_rowIndex = where.index;
    m_done = false;
    m_error.reset();
    m_pendingFirst = false;
    m_haveRecord = false;
    return Status::Ok();
}

std::string_view CsvSource::field(size_t i) const
{
    const FieldRef& f = m_fields[i];
    if (f.scratch)
        return std::string_view(m_scratch).substr(f.offset, f.length);
    return std::string_view(m_window + f.offset, f.length);
}

std::string CsvSource::columnLabel(int fieldIndex) const
{
    if (fieldIndex < 0)
        return {};
    if (fieldIndex < m_schema.size())
        return m_schema.columns[static_cast<size_t>(fieldIndex)].name;
    return "field " + std::to_string(fieldIndex + 1);
}

Error CsvSource::fail(ErrorKind kind, int64_t line, int fieldIndex, std::string_view reason)
{
    SourcePosition where;
    where.file = m_name;
    where.line = line;
    where.column = columnLabel(fieldIndex);
    Error e = sourceError(kind, where, reason);
    m_error = e;
    return e;
}

namespace {

// The first delimiter, quote (when quoting), CR or LF in p[i..n), or n. Runs
// 16 bytes at a time where SSE2 exists: fields are short, and a byte-wise
// table walk was the largest single cost of reading a big file.
size_t scanPlain(const char* p, size_t i, size_t n, char delim, bool quoting, const bool* special)
{
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delim);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i qt = _mm_set1_epi8(quoting ? '"' : '\n');
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, qt)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        i += 16;
    }
#else
    (void)delim;
    (void)quoting;
#endif
    while (i < n && !special[static_cast<unsigned char>(p[i])])
        ++i;
    return i;
}

} // namespace

// Parses one record from p[0..n). NeedMore when the record may continue past
// n and the stream is not at its end; the caller then re-parses from the start
// with a larger window (records are short, so re-parsing is cheap).
CsvSource::Parse CsvSource::parse(const char* p, size_t n, bool eof, size_t& consumed, int64_t& newlines)
{
    size_t i = 0;
    newlines = 0;
    const char delim = m_delimiter;
    while (true) {
        FieldRef f;
        if (m_quoting && i < n && p[i] == '"') {
            const int64_t openLine = m_line + newlines;
            const size_t start = i + 1;
            size_t j = start;
            bool escaped = false;
            size_t close;
            while (true) {
                const void* q = j < n ? std::memchr(p + j, '"', n - j) : nullptr;
                if (!q) {
                    if (!eof)
                        return Parse::NeedMore;
                    m_parseError = fail(ErrorKind::InvalidArgument, openLine, static_cast<int>(m_nfields),
                                        "unterminated quoted field (the quote opens on this line)");
                    return Parse::Failed;
                }
                const size_t k = static_cast<size_t>(static_cast<const char*>(q) - p);
                if (k + 1 >= n && !eof)
                    return Parse::NeedMore; // a doubled quote may straddle the window
                if (k + 1 < n && p[k + 1] == '"') {
                    escaped = true;
                    j = k + 2;
                    continue;
                }
                close = k;
                break;
            }
            newlines += std::count(p + start, p + close, '\n');
            f.quoted = true;
            if (escaped) {
                f.scratch = true;
                f.offset = static_cast<uint32_t>(m_scratch.size());
                for (size_t k = start; k < close; ++k) {
                    m_scratch.push_back(p[k]);
                    if (p[k] == '"')
                        ++k; // skip the second quote of a pair
                }
                f.length = static_cast<uint32_t>(m_scratch.size() - f.offset);
            } else {
                f.offset = static_cast<uint32_t>(start);
                f.length = static_cast<uint32_t>(close - start);
            }
            i = close + 1;
            if (i >= n) {
                if (!eof)
                    return Parse::NeedMore;
                addField(f);
                consumed = i;
                return Parse::Complete;
            }
            const char c = p[i];
            if (c == delim) {
                addField(f);
                ++i;
                continue;
            }
            if (c == '\n' || (c == '\r' && i + 1 < n && p[i + 1] == '\n')) {
                addField(f);
                i += c == '\r' ? 2 : 1;
                ++newlines;
                consumed = i;
                return Parse::Complete;
            }
            if (c == '\r' && i + 1 >= n && !eof)
                return Parse::NeedMore;
            m_parseError = fail(ErrorKind::InvalidArgument, m_line + newlines, static_cast<int>(m_nfields),
                                std::string("unexpected character '") + c + "' after a closing quote");
            return Parse::Failed;
        }
        const size_t start = i;
        while (true) {
            i = scanPlain(p, i, n, delim, m_quoting, m_special);
            // A lone CR (not followed by LF) is data, not a line end.
            if (i < n && p[i] == '\r') {
                if (i + 1 >= n && !eof)
                    return Parse::NeedMore;
                if (i + 1 >= n || p[i + 1] != '\n') {
                    ++i;
                    continue;
                }
            }
            break;
        }
        f.offset = static_cast<uint32_t>(start);
        f.length = static_cast<uint32_t>(i - start);
        if (i >= n) {
            if (!eof)
                return Parse::NeedMore;
            addField(f);
            consumed = i;
            return Parse::Complete;
        }
        const char c = p[i];
        if (c == '"') {
            m_parseError = fail(ErrorKind::InvalidArgument, m_line + newlines, static_cast<int>(m_nfields),
                                "quote character inside an unquoted field (quote the whole field and double the "
                                "quote)");
            return Parse::Failed;
        }
        addField(f);
        if (c == delim) {
            ++i;
            continue;
        }
        i += c == '\r' ? 2 : 1;
        ++newlines;
        consumed = i;
        return Parse::Complete;
    }
}

Result<bool> CsvSource::readRecord()
{
    while (true) {
        m_nfields = 0;
        m_scratch.clear();
        if (m_reader.size() == 0) {
            auto r = m_reader.more();
            if (!r.ok())
                return fail(ErrorKind::Io, m_line, -1, "read error");
            if (!r.value())
                return false;
            continue;
        }
        size_t consumed = 0;
        int64_t newlines = 0;
        const Parse outcome = parse(m_reader.data(), m_reader.size(), m_reader.eof(), consumed, newlines);
        if (outcome == Parse::Failed)
            return m_parseError;
        if (outcome == Parse::NeedMore) {
            auto r = m_reader.more();
            if (!r.ok())
                return fail(ErrorKind::Io, m_line, -1, "read error");
            continue; // at the end of the stream, eof() is now set and the record completes
        }
        m_window = m_reader.data();
        m_recordSize = consumed;
        const std::string_view bytes(m_window, consumed);
        const size_t bad = invalidUtf8Offset(bytes);
        if (bad != std::string_view::npos) {
            int fieldIndex = 0;
            for (size_t k = 0; k < m_nfields; ++k) {
                if (!m_fields[k].scratch && m_fields[k].offset <= bad)
                    fieldIndex = static_cast<int>(k);
            }
            const int64_t line = m_line + std::count(m_window, m_window + bad, '\n');
            return fail(ErrorKind::Corruption, line, fieldIndex,
                        "invalid UTF-8 (byte " + std::to_string(bad + 1) + " of the record)");
        }
        m_recordOffset = m_reader.consumedBytes();
        m_reader.consume(consumed);
        m_recordLine = m_line;
        m_line += newlines;
        // A blank line carries no data in a multi-column table.
        if (m_schema.size() > 1 && m_nfields == 1 && !m_fields[0].quoted && m_fields[0].length == 0)
            continue;
        return true;
    }
}

Result<bool> CsvSource::next(Row& row)
{
    if (m_error)
        return *m_error;
    if (m_done)
        return false;
    if (m_pendingFirst) {
        m_pendingFirst = false;
    } else {
        auto r = readRecord();
        if (!r.ok())
            return r.error();
        if (!r.value()) {
            m_done = true;
            return false;
        }
    }
    const size_t ncols = m_schema.columns.size();
    if (m_nfields != ncols) {
        return fail(ErrorKind::InvalidArgument, m_recordLine, -1,
                    std::to_string(m_nfields) + (m_nfields == 1 ? " field" : " fields")
                        + ", but the header has " + std::to_string(ncols) + " columns");
    }
    if (m_header && ncols > 0 && field(0) == m_schema.columns[0].name) {
        bool same = true;
        for (size_t i = 1; i < ncols && same; ++i)
            same = field(i) == m_schema.columns[i].name;
        if (same)
            return fail(ErrorKind::InvalidArgument, m_recordLine, -1, "the header line is repeated here");
    }
    row.cells.resize(ncols);
    for (size_t i = 0; i < ncols; ++i) {
        const std::string_view v = field(i);
        row.cells[i].text = v;
        row.cells[i].null = v.empty();
    }
    row.index = m_rowIndex++;
    row.line = m_recordLine;
    row.rowGroup = -1;
    m_haveRecord = true;
    return true;
}

} // namespace lakeside::tabular
