// SPDX-License-Identifier: Apache-2.0
#include "tabular/opentable.h"

#include "tabular/csvsource.h"
#include "tabular/filebytes.h"
#include "tabular/ndjsonsource.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>

namespace lakeside::tabular {
namespace {

std::mutex& registryMutex()
{
    static std::mutex m;
    return m;
}

std::map<TableFormat, TableOpener>& registry()
{
    static std::map<TableFormat, TableOpener> r;
    return r;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool endsWith(const std::string& s, const char* suffix)
{
    const std::string_view suf(suffix);
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

Result<std::unique_ptr<TableSource>> openText(ByteSourceFactory bytes, const std::string& displayName,
                                              const ReadOptions& options, TableFormat format, int64_t size = -1)
{
    switch (format) {
    case TableFormat::Csv:
        return CsvSource::open(std::move(bytes), displayName, options.delimiter, options.header, size);
    case TableFormat::Tsv:
        return CsvSource::open(std::move(bytes), displayName, '\t', options.header, size);
    case TableFormat::Ndjson:
        return NdjsonSource::open(std::move(bytes), displayName, size);
    default:
        break;
    }
    return makeError(ErrorKind::NotImplemented,
                     displayName + ": no reader for format '" + tableFormatName(format) + "'");
}

} // namespace

const char* tableFormatName(TableFormat format)
{
    switch (format) {
    case TableFormat::Auto: return "auto";
    case TableFormat::Csv: return "csv";
    case TableFormat::Tsv: return "tsv";
    case TableFormat::Ndjson: return "ndjson";
    case TableFormat::Parquet: return "parquet";
    }
    return "auto";
}

TableFormat formatFromPath(const std::string& path)
{
    const std::string p = lower(path);
    if (endsWith(p, ".csv"))
        return TableFormat::Csv;
    if (endsWith(p, ".tsv") || endsWith(p, ".tab"))
        return TableFormat::Tsv;
    if (endsWith(p, ".ndjson") || endsWith(p, ".jsonl") || endsWith(p, ".json"))
        return TableFormat::Ndjson;
    if (endsWith(p, ".parquet") || endsWith(p, ".pq"))
        return TableFormat::Parquet;
    return TableFormat::Auto;
}

TableFormat formatFromName(const std::string& name)
{
    const std::string n = lower(name);
    for (TableFormat f : {TableFormat::Csv, TableFormat::Tsv, TableFormat::Ndjson, TableFormat::Parquet}) {
        if (n == tableFormatName(f))
            return f;
    }
    if (n == "jsonl" || n == "json")
        return TableFormat::Ndjson;
    return TableFormat::Auto;
}

void registerTableOpener(TableFormat format, TableOpener opener)
{
    std::lock_guard<std::mutex> lock(registryMutex());
    registry()[format] = std::move(opener);
}

Result<std::unique_ptr<TableSource>> openTable(const std::string& path, const ReadOptions& options)
{
    TableFormat format = options.format == TableFormat::Auto ? formatFromPath(path) : options.format;
    if (format == TableFormat::Auto) {
        return makeError(ErrorKind::InvalidArgument,
                         path + ": cannot tell the table format from the file name; choose csv, tsv, ndjson or parquet");
    }
    {
        std::lock_guard<std::mutex> lock(registryMutex());
        auto it = registry().find(format);
        if (it != registry().end()) {
            TableOpener opener = it->second;
            return opener(path, options);
        }
    }
    // Fail early with NotFound/Io rather than on the first read.
    LAKESIDE_RETURN_IF_ERROR(fileBytes(path)());
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    auto src = openText(fileBytes(path), path, options, format, ec ? -1 : static_cast<int64_t>(size));
    if (src.ok()) {
        if (auto* csv = dynamic_cast<CsvSource*>(src->get()))
            csv->setSeekableBytes(fileBytesAt(path));
        else if (auto* ndjson = dynamic_cast<NdjsonSource*>(src->get()))
            ndjson->setSeekableBytes(fileBytesAt(path));
    }
    return src;
}

Result<std::unique_ptr<TableSource>> openTable(ByteSourceFactory bytes, const std::string& displayName,
                                               const ReadOptions& options)
{
    TableFormat format = options.format == TableFormat::Auto ? formatFromPath(displayName) : options.format;
    if (format == TableFormat::Auto) {
        return makeError(ErrorKind::InvalidArgument,
                         displayName + ": cannot tell the table format from the name; choose csv, tsv or ndjson");
    }
    return openText(std::move(bytes), displayName, options, format);
}

} // namespace lakeside::tabular
