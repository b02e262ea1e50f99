// SPDX-License-Identifier: Apache-2.0
#pragma once
// Opening a table by path or by a re-openable byte stream, with the format
// taken from the extension or given explicitly.
//
// CSV, TSV and NDJSON are built in. Other formats (Parquet) plug in with
// registerTableOpener() from their own library, so lakeside_tabular never
// links them: e.g. lakeside_parquet offers a function that registers itself,
// and the CLI or the GUI calls it once at start-up.
//
// Thread safety: openTable() may be called from any thread; registration is
// meant for start-up (it takes a lock, but openers registered late are only
// seen by later calls).

#include "api/types.h"
#include "tabular/tablesource.h"

#include <functional>
#include <memory>
#include <string>

namespace lakeside::tabular {

enum class TableFormat { Auto, Csv, Tsv, Ndjson, Parquet };

const char* tableFormatName(TableFormat format);
// By extension, case-insensitive: .csv, .tsv/.tab, .ndjson/.jsonl/.json,
// .parquet/.pq. Auto when unknown.
TableFormat formatFromPath(const std::string& path);
// "csv", "tsv", "ndjson", "parquet" (as typed on the command line); Auto when unknown.
TableFormat formatFromName(const std::string& name);

struct ReadOptions {
    TableFormat format = TableFormat::Auto; // Auto: from the path's extension
    // CSV/TSV: the first record names the columns. Without a header the
    // columns are called column_1, column_2, ...
    bool header = true;
    // CSV only: field delimiter (',' by default; ';' for some locales).
    char delimiter = ',';
};

// Opens a fresh stream over the same bytes each time it is called (a file, a
// downloaded object, an HTTP range reader). Sources call it again on rewind().
using ByteSourceFactory = std::function<Result<ByteSource>()>;

// A local file. NotFound / Io when it cannot be opened, InvalidArgument when the
// format is Auto and the extension says nothing, or when the header is malformed.
Result<std::unique_ptr<TableSource>> openTable(const std::string& path, const ReadOptions& options = {});
// Any byte stream; displayName is used in messages and (with format Auto) for
// its extension.
Result<std::unique_ptr<TableSource>> openTable(ByteSourceFactory bytes, const std::string& displayName,
                                               const ReadOptions& options = {});

using TableOpener = std::function<Result<std::unique_ptr<TableSource>>(const std::string& path,
                                                                      const ReadOptions& options)>;
// Makes openTable(path) handle `format` (replacing any earlier opener for it).
// The ByteSourceFactory overload stays limited to the built-in text formats.
void registerTableOpener(TableFormat format, TableOpener opener);

} // namespace lakeside::tabular
