// SPDX-License-Identifier: Apache-2.0
// CsvSource's raw-record shortcut (TableSource::skipIfRecordEquals): a
// record that is byte-for-byte a record another CSV source with the same
// dialect and header already returned is consumed without being split.
//
// Why that is exact: the parser's decisions within a record depend only on
// the record's own bytes once it ends with its line feed (a CR or a closing
// quote looks one byte ahead, and that byte is still inside the record), so
// equal bytes give equal fields, the same field count, the same UTF-8 verdict
// and the same repeated-header verdict (same column names). A record that the
// other source rejected never reaches here (its next() failed instead), and a
// record that differs in any byte, CRLF against LF included, goes through
// next() and is checked there. Line numbers: every line feed in a record is
// either inside a quoted field or its terminator, and parse() counts both.
#include "tabular/csvsource.h"

#include <cstring>

namespace lakeside::tabular {
namespace {

// Line feeds in p[0..n): memchr, since there are rarely any (they would be
// inside quoted fields) and a byte loop cost as much as the rest of the skip.
int64_t lineFeedsBefore(const char* p, size_t n)
{
    int64_t count = 0;
    const char* end = p + n;
    while (const void* hit = p < end ? std::memchr(p, '\n', static_cast<size_t>(end - p)) : nullptr) {
        ++count;
        p = static_cast<const char*>(hit) + 1;
    }
    return count;
}

} // namespace

std::optional<std::string_view> CsvSource::rawRecord() const
{
    if (!m_haveRecord || m_done || m_error)
        return std::nullopt;
    return std::string_view(m_window, m_recordSize);
}

Result<bool> CsvSource::skipIfRecordEquals(std::string_view raw, Row& row)
{
    // A headerless source's first record was parsed on open: let next() hand it out.
    if (m_error || m_done || m_pendingFirst || raw.empty() || raw.back() != '\n')
        return false;
    // The record may run past the window (a chunk boundary): read on. more()
    // keeps the unconsumed bytes, so the position does not move.
    while (m_reader.size() < raw.size() && !m_reader.eof()) {
        auto r = m_reader.more();
        if (!r.ok())
            return fail(ErrorKind::Io, m_line, -1, "read error");
    }
    if (m_reader.size() < raw.size() || std::memcmp(m_reader.data(), raw.data(), raw.size()) != 0)
        return false;
    m_window = m_reader.data();
    m_recordSize = raw.size();
    m_recordOffset = m_reader.consumedBytes();
    m_reader.consume(raw.size());
    m_recordLine = m_line;
    m_line += 1 + lineFeedsBefore(raw.data(), raw.size() - 1);
    m_haveRecord = true;
    row.index = m_rowIndex++;
    row.line = m_recordLine;
    row.rowGroup = -1;
    return true;
}

} // namespace lakeside::tabular
