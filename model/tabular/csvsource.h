// SPDX-License-Identifier: Apache-2.0
#pragma once
// RFC 4180 CSV, and TSV (same reader with a tab delimiter and no quoting, as
// IANA's text/tab-separated-values has none).
//
// Accepted: quoted fields with doubled quotes, delimiters and newlines inside
// quotes, LF or CRLF line ends, a UTF-8 byte-order mark, a missing final
// newline. Blank lines are skipped when the table has more than one column.
// Rejected with InvalidArgument, naming file, line and column: a record whose
// field count differs from the header's, a quote inside an unquoted field,
// text after a closing quote, an unterminated quote, a repeated header line,
// duplicate column names. Invalid UTF-8 is Corruption.

#include "tabular/chunkreader.h"
#include "tabular/opentable.h"
#include "tabular/tablesource.h"

namespace lakeside::tabular {

class CsvSource final : public TableSource {
public:
    // totalBytes: the stream's size when known (progress and row estimates), else -1.
    static Result<std::unique_ptr<TableSource>> open(ByteSourceFactory bytes, std::string name, char delimiter,
                                                     bool header, int64_t totalBytes = -1);

    const std::string& name() const override { return m_name; }
    const Schema& schema() const override { return m_schema; }
    Result<bool> next(Row& row) override;
    std::optional<int64_t> rowCountHint() const override { return std::nullopt; }
    Status rewind() override;
    std::pair<int64_t, int64_t> progress() const override { return {m_reader.consumedBytes(), m_totalBytes}; }
    std::optional<RowBookmark> bookmark() const override;
    Status seek(const RowBookmark& where) override;
    // Raw records: the dialect is the delimiter (which implies quoting) and
    // whether there is a header line (which decides the repeated-header check).
    std::string_view rawDialect() const override { return m_dialect; }
    std::optional<std::string_view> rawRecord() const override;
    Result<bool> skipIfRecordEquals(std::string_view raw, Row& row) override;
    // Enables seek() (openTable sets it for local files).
    void setSeekableBytes(std::function<Result<ByteSource>(int64_t)> bytesAt) { m_bytesAt = std::move(bytesAt); }

private:
    struct FieldRef {
        uint32_t offset = 0; // into the reader window, or into m_scratch
        uint32_t length = 0;
        bool scratch = false;
        bool quoted = false;
    };
    enum class Parse { Complete, NeedMore, Failed };

    CsvSource(ByteSourceFactory bytes, std::string name, char delimiter, bool header);
    Status start();
    Result<bool> readRecord();
    Parse parse(const char* p, size_t n, bool eof, size_t& consumed, int64_t& newlines);
    std::string_view field(size_t i) const;
    void addField(const FieldRef& f)
    {
        if (m_nfields == m_fields.size())
            m_fields.resize(m_fields.size() * 2 + 8);
        m_fields[m_nfields++] = f;
    }
    Error fail(ErrorKind kind, int64_t line, int fieldIndex, std::string_view reason);
    std::string columnLabel(int fieldIndex) const;

    ByteSourceFactory m_bytes;
    int64_t m_totalBytes = -1;
    std::string m_name;
    char m_delimiter;
    bool m_quoting;
    bool m_header;
    bool m_special[256] = {};
    Schema m_schema;

    ChunkReader m_reader;
    std::vector<FieldRef> m_fields; // the first m_nfields are the current record's
    size_t m_nfields = 0;
    std::string m_scratch;
    const char* m_window = nullptr; // m_reader.data() for the current record
    size_t m_recordSize = 0;        // bytes of the current record, line end included
    bool m_haveRecord = false;      // next()/skipIfRecordEquals() returned a row
    std::string m_dialect;
    int64_t m_line = 1;       // line at the reader's current position
    int64_t m_recordLine = 0; // line where the current record starts
    int64_t m_recordOffset = 0; // stream offset where the current record starts
    std::function<Result<ByteSource>(int64_t)> m_bytesAt;
    int64_t m_rowIndex = 0;
    bool m_pendingFirst = false; // headerless: the first record is already parsed
    bool m_done = false;
    std::optional<Error> m_error;
    Error m_parseError;
};

} // namespace lakeside::tabular
