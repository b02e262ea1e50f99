// SPDX-License-Identifier: Apache-2.0
#pragma once
// Newline-delimited JSON: one flat object per line. The first object's keys,
// in their order, are the columns. Strings become text, numbers keep their
// spelling, true/false become "true"/"false", null is a null cell, and nested
// arrays or objects become compact JSON text.
//
// Rejected, naming file and line: a line that is not valid JSON or not an
// object (InvalidArgument), a line whose key set differs from the first
// line's (InvalidArgument, listing missing and unexpected keys), invalid UTF-8
// (Corruption). Blank lines are skipped; keys may come in any order.

#include "tabular/chunkreader.h"
#include "tabular/opentable.h"
#include "tabular/tablesource.h"

#include <unordered_map>

namespace lakeside::tabular {

class NdjsonSource final : public TableSource {
public:
    // totalBytes: the stream's size when known (progress and row estimates), else -1.
    static Result<std::unique_ptr<TableSource>> open(ByteSourceFactory bytes, std::string name,
                                                     int64_t totalBytes = -1);

    const std::string& name() const override { return m_name; }
    const Schema& schema() const override { return m_schema; }
    Result<bool> next(Row& row) override;
    std::optional<int64_t> rowCountHint() const override { return std::nullopt; }
    Status rewind() override;
    std::pair<int64_t, int64_t> progress() const override { return {m_reader.consumedBytes(), m_totalBytes}; }
    std::optional<RowBookmark> bookmark() const override;
    Status seek(const RowBookmark& where) override;
    // Enables seek() (openTable sets it for local files).
    void setSeekableBytes(std::function<Result<ByteSource>(int64_t)> bytesAt) { m_bytesAt = std::move(bytesAt); }

private:
    NdjsonSource(ByteSourceFactory bytes, std::string name);
    Status start();
    // Next non-blank line, or false at the end.
    Result<bool> readLine(std::string_view& line);
    Status decode(std::string_view line, bool defineSchema);
    Error fail(ErrorKind kind, int64_t line, std::string_view reason);

    ByteSourceFactory m_bytes;
    int64_t m_totalBytes = -1;
    std::string m_name;
    Schema m_schema;
    std::unordered_map<std::string, size_t> m_index;
    ChunkReader m_reader;
    std::vector<std::string> m_values;
    std::vector<char> m_present;
    int64_t m_line = 0; // line of the last line read
    int64_t m_lineOffset = 0; // stream offset where that line starts
    std::function<Result<ByteSource>(int64_t)> m_bytesAt;
    int64_t m_rowIndex = 0;
    bool m_pendingFirst = false;
    bool m_done = false;
    std::optional<Error> m_error;
};

} // namespace lakeside::tabular
