// SPDX-License-Identifier: Apache-2.0
// fs ls | cat (also --table) | stat | rm, and the registration of fs upload | download (fsupdown.cpp)
#include "commands.h"
#include "fstransfer.h"
#include "fsupdown.h"
#include "output.h"
#include "uriargs.h"

#ifdef LAKESIDE_HAVE_TABULAR
#include "tabular/diffexport.h"
#include "tabular/opentable.h"
#endif
#ifdef LAKESIDE_HAVE_PARQUET
#include "parquet/parquettablesource.h"
#endif

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace lakeside::cli {
namespace {

struct PathArgs {
    std::string uri;
    bool recursive = false;
    bool table = false; // cat --table
    int64_t limit = -1; // cat --table --limit N; < 0: every row
};

Status runLs(CommandContext& ctx, const PathArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef, PathNeed::Optional));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    const std::string delimiter = a.recursive ? "" : "/";
    auto fetch = [&](const std::string& after, int amount) {
        ListParams p;
        p.prefix = uri.path;
        p.after = after;
        p.amount = amount;
        return backend->listObjects(uri.repository, uri.ref, p, delimiter);
    };
    auto key = [](const ObjectStats& s) { return s.path; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<ObjectStats> page, gatherPages<ObjectStats>(fetch, key, 0));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    // As lakectl: paths are shown relative to the "folder" the prefix names.
    const size_t slash = uri.path.rfind('/');
    const size_t trim = slash == std::string::npos ? 0 : slash + 1;
    std::vector<std::vector<std::string>> rows;
    for (const ObjectStats& s : page.results) {
        const std::string shown = s.path.substr(std::min(trim, s.path.size()));
        if (s.path_type == PathType::CommonPrefix) rows.push_back({"common_prefix", "", "", shown});
        else rows.push_back({"object", formatTime(s.mtime), humanSize(s.size_bytes), shown});
    }
    printTable(ctx.out, {}, rows);
    return {};
}

#ifdef LAKESIDE_HAVE_TABULAR
namespace fs = std::filesystem;

// Reads a text table from the backend in 1 MiB ranges, so `--limit 10` of a
// huge CSV downloads only its beginning. `failure` keeps the backend's error.
tabular::ByteSourceFactory rangedObject(Backend& backend, const LakeFsUri& uri, int64_t size,
                                        std::shared_ptr<std::string> failure)
{
    return [&backend, uri, size, failure]() -> Result<ByteSource> {
        struct State {
            int64_t next = 0; // next byte to fetch
            std::string buffer;
            size_t used = 0;
        };
        auto state = std::make_shared<State>();
        return ByteSource([&backend, uri, size, failure, state](char* buf, int64_t cap) -> int64_t {
            if (state->used == state->buffer.size()) {
                if (state->next >= size) return 0;
                constexpr int64_t kChunk = 1 << 20;
                state->buffer.clear();
                state->used = 0;
                const ByteRange range{state->next, std::min(size, state->next + kChunk) - 1};
                Status st = backend.getObject(uri.repository, uri.ref, uri.path, [&](const char* d, int64_t n) {
                    state->buffer.append(d, size_t(n));
                    return true;
                }, range);
                if (!st.ok() || state->buffer.empty()) {
                    *failure = st.ok() ? "the object ended before its stated size" : st.message();
                    return -1;
                }
                state->next += int64_t(state->buffer.size());
            }
            const size_t n = std::min(size_t(cap), state->buffer.size() - state->used);
            std::memcpy(buf, state->buffer.data() + state->used, n);
            state->used += n;
            return int64_t(n);
        });
    };
}

// fs cat --table: the rows of a CSV/TSV/NDJSON/Parquet object as CSV (header
// first, nulls as empty fields), or with --json {"columns": [...], "rows": [[...]]}.
Status runCatTable(CommandContext& ctx, const PathArgs& a)
{
#ifdef LAKESIDE_HAVE_PARQUET
    parquet::registerParquetTableOpener();
#endif
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef, PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    const tabular::TableFormat format = tabular::formatFromPath(uri.path);
    if (format == tabular::TableFormat::Auto)
        return makeError(ErrorKind::InvalidArgument,
                         "'" + uri.path + "' is not a table: fs cat --table reads .csv, .tsv, .ndjson/.jsonl and .parquet objects");
    LAKESIDE_ASSIGN_OR_RETURN(ObjectStats stat, backend->statObject(uri.repository, uri.ref, uri.path));
    tabular::ReadOptions options;
    options.format = format;
    TempFolder tmp("cat");
    auto failure = std::make_shared<std::string>();
    std::string copy; // the Parquet object's local copy, named as the object in messages
    auto fail = [&](Error e) -> Status {
        if (!failure->empty()) return makeError(ErrorKind::Io, uri.path + ": " + *failure);
        for (size_t at; !copy.empty() && (at = e.message.find(copy)) != std::string::npos;)
            e.message.replace(at, copy.size(), uri.path);
        return e;
    };
    Result<std::unique_ptr<tabular::TableSource>> opened = makeError(ErrorKind::Internal, "not opened");
    if (format == tabular::TableFormat::Parquet) {
        // The reader needs the footer first and then random access: a local copy.
        if (tmp.path().empty()) return makeError(ErrorKind::Io, "cannot create a temporary folder for " + uri.path);
        const fs::path local = tmp.path() / fs::path(uri.path).filename();
        LAKESIDE_RETURN_IF_ERROR(downloadToFile(*backend, uri.repository, uri.ref, uri.path, local));
        copy = local.string();
        opened = tabular::openTable(copy, options);
    } else {
        opened = tabular::openTable(rangedObject(*backend, uri, stat.size_bytes, failure), uri.path, options);
    }
    if (!opened.ok()) return fail(opened.error());
    tabular::TableSource& source = **opened;
    const auto& columns = source.schema().columns;
    Json rows = Json::array();
    if (!ctx.json()) {
        for (size_t c = 0; c < columns.size(); ++c) ctx.out << (c ? "," : "") << tabular::csvQuote(columns[c].name);
        ctx.out << '\n';
    }
    tabular::Row row;
    for (int64_t n = 0; a.limit < 0 || n < a.limit; ++n) {
        Result<bool> more = source.next(row);
        if (!more.ok()) {
            ctx.out.flush();
            return fail(more.error());
        }
        if (!*more) break;
        if (ctx.json()) {
            Json cells = Json::array();
            for (const tabular::Cell& cell : row.cells) cells.push_back(cell.null ? Json(nullptr) : Json(std::string(cell.text)));
            rows.push_back(std::move(cells));
            continue;
        }
        for (size_t c = 0; c < row.cells.size(); ++c)
            ctx.out << (c ? "," : "") << (row.cells[c].null ? std::string() : tabular::csvQuote(row.cells[c].text));
        ctx.out << '\n';
    }
    if (ctx.json()) {
        Json names = Json::array();
        for (const tabular::Column& c : columns) names.push_back(c.name);
        ctx.printJson(Json{{"path", uri.path}, {"columns", names}, {"rows", rows}});
    }
    return {};
}
#endif

Status runCat(CommandContext& ctx, const PathArgs& a)
{
    if (a.table) {
#ifdef LAKESIDE_HAVE_TABULAR
        return runCatTable(ctx, a);
#else
        return makeError(ErrorKind::NotImplemented, "this build of lakeside-cli cannot read tables");
#endif
    }
    if (a.limit >= 0) return ctx.usage("--limit needs --table");
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef, PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    return streamObject(*backend, uri.repository, uri.ref, uri.path, ctx.out);
}

Status runStat(CommandContext& ctx, const PathArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef, PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(ObjectStats st, backend->statObject(uri.repository, uri.ref, uri.path));
    if (ctx.json()) {
        ctx.printJson(st);
        return {};
    }
    ctx.out << "Path: " << st.path << '\n'
            << "Modified Time: " << formatTime(st.mtime) << '\n'
            << "Size: " << st.size_bytes << " bytes\n"
            << "Human Size: " << humanSize(st.size_bytes) << '\n'
            << "Physical Address: " << st.physical_address << '\n'
            << "Checksum: " << st.checksum << '\n'
            << "Content-Type: " << st.content_type << '\n';
    if (!st.metadata.empty()) {
        ctx.out << "Metadata:\n";
        for (const auto& [k, v] : st.metadata) ctx.out << "  " << k << " = " << v << '\n';
    }
    return {};
}

Status runRm(CommandContext& ctx, const PathArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch, PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    if (!a.recursive) {
        // The API's delete is idempotent; a user who names a missing path wants to hear it.
        LAKESIDE_RETURN_IF_ERROR(backend->statObject(uri.repository, uri.ref, uri.path));
        LAKESIDE_RETURN_IF_ERROR(backend->deleteObject(uri.repository, uri.ref, uri.path));
        if (!ctx.json()) ctx.out << "deleted " << uri.toString() << '\n';
        return {};
    }
    auto fetch = [&](const std::string& after, int amount) {
        ListParams p;
        p.prefix = uri.path;
        p.after = after;
        p.amount = amount;
        return backend->listObjects(uri.repository, uri.ref, p, "");
    };
    auto key = [](const ObjectStats& s) { return s.path; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<ObjectStats> page, gatherPages<ObjectStats>(fetch, key, 0));
    if (page.results.empty()) return makeError(ErrorKind::NotFound, "no objects under " + uri.toString());
    size_t deleted = 0;
    for (size_t i = 0; i < page.results.size(); i += 1000) {
        std::vector<std::string> batch;
        for (size_t j = i; j < std::min(page.results.size(), i + 1000); ++j) batch.push_back(page.results[j].path);
        LAKESIDE_ASSIGN_OR_RETURN(std::vector<ObjectError> errors, backend->deleteObjects(uri.repository, uri.ref, batch));
        if (!errors.empty()) {
            Error e = makeError(ErrorKind::Internal, "could not delete " + std::to_string(errors.size()) + " object(s) under " +
                                                         uri.toString() + ": " + errors.front().path + ": " + errors.front().message);
            return e;
        }
        deleted += batch.size();
        if (!ctx.json())
            for (const std::string& p : batch) ctx.out << "deleted " << p << '\n';
    }
    if (!ctx.json()) ctx.out << deleted << " object" << (deleted == 1 ? "" : "s") << " deleted\n";
    return {};
}

} // namespace

void addFsCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* fsApp = app.add_subcommand("fs", "Upload, list, read, download and delete objects");
    fsApp->require_subcommand(1);

    auto up = std::make_shared<UploadArgs>();
    CLI::App* u = fsApp->add_subcommand("upload", "Upload a file (or a folder with -r) to a branch");
    u->add_option("--source,-s", up->source, "Local file or folder")->required();
    u->add_option("uri", up->uri, "lakefs://REPO/BRANCH/PATH")->required();
    u->add_flag("--recursive,-r", up->recursive, "Upload every file under the folder below PATH/");
    onRun(u, ctx, [&ctx, up] { return runUpload(ctx, *up); });

    auto ls = std::make_shared<PathArgs>();
    CLI::App* l = fsApp->add_subcommand("ls", "List objects and common prefixes under a path");
    l->add_option("uri", ls->uri, "lakefs://REPO/REF/[PREFIX]")->required();
    l->add_flag("--recursive,-r", ls->recursive, "List every object below the prefix");
    onRun(l, ctx, [&ctx, ls] { return runLs(ctx, *ls); });

    auto cat = std::make_shared<PathArgs>();
    CLI::App* c = fsApp->add_subcommand("cat", "Write an object's content to stdout (or its rows as CSV with --table)");
    c->add_option("uri", cat->uri, "lakefs://REPO/REF/PATH")->required();
    c->add_flag("--table", cat->table, "Print a CSV/TSV/NDJSON/Parquet table's rows as CSV (header first)");
    c->add_option("--limit", cat->limit, "With --table: print at most N rows")->check(CLI::NonNegativeNumber);
    onRun(c, ctx, [&ctx, cat] { return runCat(ctx, *cat); });

    auto stat = std::make_shared<PathArgs>();
    CLI::App* s = fsApp->add_subcommand("stat", "Show an object's size, checksum, type and metadata");
    s->add_option("uri", stat->uri, "lakefs://REPO/REF/PATH")->required();
    onRun(s, ctx, [&ctx, stat] { return runStat(ctx, *stat); });

    auto rm = std::make_shared<PathArgs>();
    CLI::App* r = fsApp->add_subcommand("rm", "Delete an object (or everything under a prefix with -r) on a branch");
    r->add_option("uri", rm->uri, "lakefs://REPO/BRANCH/PATH")->required();
    r->add_flag("--recursive,-r", rm->recursive, "Delete every object under PATH");
    onRun(r, ctx, [&ctx, rm] { return runRm(ctx, *rm); });

    auto down = std::make_shared<DownloadArgs>();
    CLI::App* d = fsApp->add_subcommand("download", "Download an object (or everything under a prefix with -r)");
    d->add_option("uri", down->uri, "lakefs://REPO/REF/PATH")->required();
    d->add_option("dest", down->dest, "Local file or folder (default: the current folder)");
    d->add_flag("--recursive,-r", down->recursive, "Download every object under PATH/ into DEST");
    onRun(d, ctx, [&ctx, down] { return runDownload(ctx, *down); });
}

} // namespace lakeside::cli
