// SPDX-License-Identifier: Apache-2.0
// import --from DIR | --from lakefs://REPO/REF/[PREFIX]  lakefs://REPO/BRANCH/[PREFIX]
#include "commands.h"
#include "output.h"
#include "uriargs.h"

#include <filesystem>

namespace lakeside::cli {
namespace {

struct ImportArgs {
    std::string from;
    std::string uri;
    std::string message;
    std::vector<std::string> meta;
};

// "\rimported 1200 / 5000 objects" on a terminal; nothing when stderr is a file or pipe.
OpContext progressContext(CommandContext& ctx, bool& printed)
{
    OpContext op;
    if (!ctx.stderrIsTerminal() || ctx.json()) return op;
    op.progress = [&ctx, &printed](int64_t done, int64_t total) {
        printed = true;
        ctx.err << "\rimporting: " << done;
        if (total >= 0) ctx.err << " / " << total;
        ctx.err << " objects" << std::flush;
    };
    return op;
}

Status runImport(CommandContext& ctx, const ImportArgs& a)
{
    const bool fromRef = a.from.rfind("lakefs://", 0) == 0;
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri dest, parseRefUri(ctx, a.uri, RefKind::Branch, fromRef ? PathNeed::Required : PathNeed::Optional));
    Result<Metadata> meta = parseMetadata(a.meta);
    if (!meta.ok()) return ctx.usage(meta.error().message);
    CommitCreation c;
    c.message = a.message.empty() ? "Import from " + a.from : a.message;
    c.metadata = *meta;

    std::optional<LakeFsUri> source;
    if (fromRef) {
        LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri s, parseRefUri(ctx, a.from, RefKind::AnyRef, PathNeed::Optional));
        source = s;
    } else {
        std::error_code ec;
        if (!std::filesystem::is_directory(a.from, ec))
            return makeError(ErrorKind::Io, "cannot import '" + a.from + "': " +
                                                (std::filesystem::exists(a.from, ec) ? "not a folder" : "no such folder"));
    }
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    bool printed = false;
    const OpContext op = progressContext(ctx, printed);
    Result<Commit> commit = source
        ? backend->importFromRef(dest.repository, dest.ref, dest.path, source->repository, source->ref, source->path, c, op)
        : backend->importLocalFolder(dest.repository, dest.ref, std::filesystem::absolute(a.from).string(), dest.path, c, op);
    if (printed) ctx.err << '\n';
    if (!commit.ok()) return commit.error();
    if (ctx.json()) {
        ctx.printJson(*commit);
        return {};
    }
    ctx.out << "Imported " << a.from << " into " << dest.toString() << '\n' << '\n';
    printCommit(ctx.out, *commit);
    return {};
}

} // namespace

void addImportCommand(CLI::App& app, CommandContext& ctx)
{
    auto args = std::make_shared<ImportArgs>();
    CLI::App* i = app.add_subcommand("import", "Import a local folder, or onboard another data product, with one commit");
    i->add_option("--from", args->from, "Local folder, or lakefs://REPO/REF/[PREFIX] of another data product (linked, not copied)")
        ->required();
    i->add_option("uri", args->uri, "lakefs://REPO/BRANCH/[PREFIX]; the import replaces everything under PREFIX")->required();
    i->add_option("--message,-m", args->message, "Commit message (default: \"Import from SOURCE\")");
    addMetaOption(i, args->meta);
    onRun(i, ctx, [&ctx, args] { return runImport(ctx, *args); });
}

} // namespace lakeside::cli
