// SPDX-License-Identifier: Apache-2.0
// fs ls | cat | stat | rm, and the registration of fs upload | download (fsupdown.cpp)
#include "commands.h"
#include "fstransfer.h"
#include "fsupdown.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct PathArgs {
    std::string uri;
    bool recursive = false;
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

Status runCat(CommandContext& ctx, const PathArgs& a)
{
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
    CLI::App* c = fsApp->add_subcommand("cat", "Write an object's content to stdout");
    c->add_option("uri", cat->uri, "lakefs://REPO/REF/PATH")->required();
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
