// SPDX-License-Identifier: Apache-2.0
#include "tabular/ndjsonsource.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace lakeside::tabular {

using Json = nlohmann::ordered_json;

Result<std::unique_ptr<TableSource>> NdjsonSource::open(ByteSourceFactory bytes, std::string name, int64_t totalBytes)
{
    std::unique_ptr<NdjsonSource> src(new NdjsonSource(std::move(bytes), std::move(name)));
    src->m_totalBytes = totalBytes;
    LAKESIDE_RETURN_IF_ERROR(src->start());
    return std::unique_ptr<TableSource>(std::move(src));
}

NdjsonSource::NdjsonSource(ByteSourceFactory bytes, std::string name)
    : m_bytes(std::move(bytes))
    , m_name(std::move(name))
{
}

Error NdjsonSource::fail(ErrorKind kind, int64_t line, std::string_view reason)
{
    SourcePosition where;
    where.file = m_name;
    where.line = line;
    Error e = sourceError(kind, where, reason);
    m_error = e;
    return e;
}

Status NdjsonSource::start()
{
    LAKESIDE_ASSIGN_OR_RETURN(ByteSource stream, m_bytes());
    m_reader = ChunkReader(std::move(stream));
    m_line = 0;
    m_rowIndex = 0;
    m_done = false;
    m_error.reset();
    m_pendingFirst = false;
    std::string_view line;
    LAKESIDE_ASSIGN_OR_RETURN(bool any, readLine(line));
    if (!any) {
        m_done = true;
        return Status::Ok();
    }
    LAKESIDE_RETURN_IF_ERROR(decode(line, m_schema.columns.empty()));
    m_pendingFirst = true;
    return Status::Ok();
}

Status NdjsonSource::rewind()
{
    return start();
}

std::optional<RowBookmark> NdjsonSource::bookmark() const
{
    if (!m_bytesAt || m_rowIndex == 0)
        return std::nullopt;
    return RowBookmark{m_lineOffset, m_rowIndex - 1, m_line};
}

Status NdjsonSource::seek(const RowBookmark& where)
{
    if (!m_bytesAt)
        return TableSource::seek(where);
    LAKESIDE_ASSIGN_OR_RETURN(ByteSource stream, m_bytesAt(where.offset));
    m_reader = ChunkReader(std::move(stream), size_t(16) << 10, where.offset);
    m_line = where.line - 1; // readLine() counts the bookmarked line again
    m_rowIndex = where.index;
    m_done = false;
    m_error.reset();
    m_pendingFirst = false;
    return Status::Ok();
}

Result<bool> NdjsonSource::readLine(std::string_view& line)
{
    size_t scanned = 0;
    while (true) {
        const char* p = m_reader.data();
        const size_t n = m_reader.size();
        const void* nl = scanned < n ? std::memchr(p + scanned, '\n', n - scanned) : nullptr;
        size_t len;
        size_t take;
        if (nl) {
            len = static_cast<size_t>(static_cast<const char*>(nl) - p);
            take = len + 1;
        } else if (m_reader.eof()) {
            if (n == 0)
                return false;
            len = n;
            take = n;
        } else {
            scanned = n;
            auto r = m_reader.more();
            if (!r.ok())
                return fail(ErrorKind::Io, m_line + 1, "read error");
            continue;
        }
        ++m_line;
        std::string_view l(p, len);
        m_lineOffset = m_reader.consumedBytes();
        m_reader.consume(take);
        scanned = 0;
        if (!l.empty() && l.back() == '\r')
            l.remove_suffix(1);
        if (m_line == 1 && l.size() >= 3 && std::memcmp(l.data(), "\xEF\xBB\xBF", 3) == 0)
            l.remove_prefix(3);
        if (l.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        line = l;
        return true;
    }
}

Status NdjsonSource::decode(std::string_view line, bool defineSchema)
{
    const size_t bad = invalidUtf8Offset(line);
    if (bad != std::string_view::npos)
        return fail(ErrorKind::Corruption, m_line, "invalid UTF-8 at byte " + std::to_string(bad + 1));
    Json doc = Json::parse(line.begin(), line.end(), nullptr, false);
    if (doc.is_discarded())
        return fail(ErrorKind::InvalidArgument, m_line, "not valid JSON");
    if (!doc.is_object())
        return fail(ErrorKind::InvalidArgument, m_line, "expected a JSON object, found " + std::string(doc.type_name()));
    if (defineSchema) {
        m_schema.columns.clear();
        m_index.clear();
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            m_index.emplace(it.key(), m_schema.columns.size());
            m_schema.columns.push_back(Column{it.key()});
        }
    }
    const size_t ncols = m_schema.columns.size();
    m_values.assign(ncols, std::string());
    m_present.assign(ncols, 0);
    std::string unexpected;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        auto pos = m_index.find(it.key());
        if (pos == m_index.end()) {
            unexpected += (unexpected.empty() ? "'" : ", '") + it.key() + "'";
            continue;
        }
        const Json& v = it.value();
        std::string& out = m_values[pos->second];
        m_present[pos->second] = v.is_null() ? 2 : 1;
        if (v.is_string())
            out = v.get_ref<const std::string&>();
        else if (v.is_boolean())
            out = v.get<bool>() ? "true" : "false";
        else if (!v.is_null())
            out = v.dump(); // numbers keep a JSON spelling; nested values become JSON text
    }
    std::string missing;
    for (size_t i = 0; i < ncols; ++i) {
        if (!m_present[i])
            missing += (missing.empty() ? "'" : ", '") + m_schema.columns[i].name + "'";
    }
    if (!missing.empty() || !unexpected.empty()) {
        std::string reason = "the keys differ from the first record's";
        if (!missing.empty())
            reason += "; missing " + missing;
        if (!unexpected.empty())
            reason += "; unexpected " + unexpected;
        return fail(ErrorKind::InvalidArgument, m_line, reason);
    }
    return Status::Ok();
}

Result<bool> NdjsonSource::next(Row& row)
{
    if (m_error)
        return *m_error;
    if (m_done)
        return false;
    if (m_pendingFirst) {
        m_pendingFirst = false;
    } else {
        std::string_view line;
        LAKESIDE_ASSIGN_OR_RETURN(bool any, readLine(line));
        if (!any) {
            m_done = true;
            return false;
        }
        LAKESIDE_RETURN_IF_ERROR(decode(line, false));
    }
    const size_t ncols = m_schema.columns.size();
    row.cells.resize(ncols);
    for (size_t i = 0; i < ncols; ++i) {
        row.cells[i].text = m_values[i];
        row.cells[i].null = m_present[i] == 2;
    }
    row.index = m_rowIndex++;
    row.line = m_line;
    row.rowGroup = -1;
    return true;
}

} // namespace lakeside::tabular
