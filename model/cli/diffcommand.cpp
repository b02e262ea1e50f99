// SPDX-License-Identifier: Apache-2.0
// diff LEFT RIGHT (three-dot by default, --two-way for two-dot) | diff BRANCH (uncommitted)
#include "commands.h"
#include "output.h"
#include "uriargs.h"

#ifdef LAKESIDE_HAVE_TABULAR
#include "tablediffcommand.h"
#endif

namespace lakeside::cli {
namespace {

struct DiffArgs {
    std::vector<std::string> uris;
    bool twoWay = false;
    std::string prefix;
    std::string table;
    bool tableGiven = false; // --table, with or without a PATH
    std::vector<std::string> keys;
};

const char* marker(DiffType t)
{
    switch (t) {
    case DiffType::Added: return "+";
    case DiffType::Removed: return "-";
    case DiffType::Changed: return "~";
    case DiffType::PrefixChanged: return "~";
    case DiffType::Conflict: return "!";
    }
    return "?";
}

void printEntries(CommandContext& ctx, const std::vector<DiffEntry>& entries)
{
    if (entries.empty()) {
        ctx.out << "No changes.\n";
        return;
    }
    for (const DiffEntry& e : entries) ctx.out << marker(e.type) << ' ' << diffTypeName(e.type) << ' ' << e.path << '\n';
}

Status tableDiff(CommandContext& ctx, const TableDiffRequest& request)
{
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    if (ctx.env.tableDiff) return ctx.env.tableDiff(*backend, request, ctx.out, ctx.json());
#ifdef LAKESIDE_HAVE_TABULAR
    return renderTableDiff(*backend, request, ctx.out, ctx.json());
#else
    return makeError(ErrorKind::NotImplemented,
                     "table diff of '" + request.path + "' is not available in this lakeside-cli build");
#endif
}

// `diff --table lakefs://REPO/LEFT/PATH lakefs://REPO/RIGHT/PATH`: the form
// the issue and scripts use. The two paths may differ (CSV against Parquet).
Status runObjectTableDiff(CommandContext& ctx, DiffArgs a)
{
    if (!a.table.empty()) a.uris.insert(a.uris.begin(), a.table); // CLI11 took the first URI as --table's value
    if (a.uris.size() != 2)
        return ctx.usage("--table compares one table at two refs: lakefs://REPO/LEFT/PATH lakefs://REPO/RIGHT/PATH "
                         "(or --table PATH lakefs://REPO/LEFT lakefs://REPO/RIGHT)");
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri left, parseRefUri(ctx, a.uris[0], RefKind::AnyRef, PathNeed::Required));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri right, parseRefUri(ctx, a.uris[1], RefKind::AnyRef, PathNeed::Required));
    if (left.repository != right.repository)
        return makeError(ErrorKind::InvalidArgument, "cannot diff tables of two repositories ('" + left.repository +
                                                         "' and '" + right.repository + "')");
    TableDiffRequest request{left.repository, left.ref, right.ref, left.path, {}, a.keys};
    if (right.path != left.path) request.rightPath = right.path;
    return tableDiff(ctx, request);
}

Status runDiff(CommandContext& ctx, const DiffArgs& a)
{
    if (a.uris.size() > 2) return ctx.usage("diff takes one branch (uncommitted changes) or two refs");
    auto fetchAll = [&](auto&& call) {
        auto fetch = [&](const std::string& after, int amount) {
            DiffParams p;
            p.prefix = a.prefix;
            p.after = after;
            p.amount = amount;
            p.type = a.twoWay ? DiffKind::TwoDot : DiffKind::ThreeDot;
            return call(p);
        };
        auto key = [](const DiffEntry& e) { return e.path; };
        return gatherPages<DiffEntry>(fetch, key, 0);
    };

    if (a.tableGiven && (a.table.empty() || a.table.rfind("lakefs://", 0) == 0)) return runObjectTableDiff(ctx, a);
    if (a.uris.size() == 1) {
        if (a.tableGiven) return ctx.usage("--table compares two refs; give LEFT and RIGHT");
        LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uris[0], RefKind::Branch));
        LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
        LAKESIDE_ASSIGN_OR_RETURN(Page<DiffEntry> page, fetchAll([&](const DiffParams& p) {
            return backend->diffBranch(uri.repository, uri.ref, p);
        }));
        if (ctx.json()) {
            ctx.printJson(pageToJson(page));
            return {};
        }
        ctx.out << "Uncommitted changes on " << uri.toString() << "\n\n";
        printEntries(ctx, page.results);
        return {};
    }

    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri left, parseRefUri(ctx, a.uris[0], RefKind::AnyRef));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri right, parseRefUri(ctx, a.uris[1], RefKind::AnyRef));
    if (left.repository != right.repository)
        return makeError(ErrorKind::InvalidArgument, "cannot diff refs of two repositories ('" + left.repository + "' and '" +
                                                         right.repository + "')");
    if (a.tableGiven) {
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(a.table));
        return tableDiff(ctx, TableDiffRequest{left.repository, left.ref, right.ref, a.table, {}, a.keys});
    }
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Page<DiffEntry> page, fetchAll([&](const DiffParams& p) {
        return backend->diffRefs(left.repository, left.ref, right.ref, p);
    }));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    ctx.out << "Left ref: " << left.toString() << '\n' << "Right ref: " << right.toString() << "\n\n";
    printEntries(ctx, page.results);
    return {};
}

} // namespace

void addDiffCommand(CLI::App& app, CommandContext& ctx)
{
    auto args = std::make_shared<DiffArgs>();
    CLI::App* d = app.add_subcommand(
        "diff", "Show changes between two refs (what merging RIGHT into LEFT brings), or a branch's uncommitted changes");
    d->add_option("refs", args->uris, "lakefs://REPO/LEFT lakefs://REPO/RIGHT, or lakefs://REPO/BRANCH")->required()->expected(1, 2);
    d->add_flag("--two-way", args->twoWay, "Compare LEFT and RIGHT directly (two-dot) instead of from their merge base");
    d->add_option("--prefix", args->prefix, "Only paths under this prefix");
    CLI::Option* table =
        d->add_option("--table", args->table,
                      "Schema, row and cell diff of one table: lakefs://REPO/LEFT/PATH lakefs://REPO/RIGHT/PATH, "
                      "or --table PATH with LEFT and RIGHT refs")
            ->type_name("[PATH]")
            ->expected(0, 1);
    d->add_option("--key", args->keys, "With --table: key column(s) to match rows by (default: detected)")
        ->allow_extra_args(false)
        ->needs(table);
    onRun(d, ctx, [&ctx, args, table] {
        args->tableGiven = table->count() > 0;
        return runDiff(ctx, *args);
    });
}

} // namespace lakeside::cli
