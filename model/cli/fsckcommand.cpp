// SPDX-License-Identifier: Apache-2.0
// fsck [lakefs://REPO]: verify the local workspace's commits, trees and blobs.
// The one command that is not a Backend call: lakeFS has no such endpoint.
#include "commands.h"
#include "uriargs.h"

#ifdef LAKESIDE_HAVE_LOCAL
#include "engine/engine.h"
#include "local/localbackend.h"
#endif
#ifdef LAKESIDE_HAVE_REVIEW
#include "review/reviewbackend.h"
#endif

namespace lakeside::cli {
namespace {

struct FsckArgs {
    std::string uri;
};

Status runFsck(CommandContext& ctx, const FsckArgs& a)
{
    std::string repo;
    if (!a.uri.empty()) {
        LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
        repo = uri.repository;
    }
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
#ifdef LAKESIDE_HAVE_LOCAL
    Backend* engine = backend;
#ifdef LAKESIDE_HAVE_REVIEW
    // The workspace is opened behind merge review; fsck checks the engine under it.
    if (auto* reviewed = dynamic_cast<ReviewBackend*>(backend)) engine = &reviewed->inner();
#endif
    auto* local = dynamic_cast<LocalBackend*>(engine);
    if (!local)
        return makeError(ErrorKind::NotImplemented, "fsck checks a local workspace only, not " + backend->describe());
    OpContext op;
    bool printed = false;
    if (ctx.stderrIsTerminal() && !ctx.json())
        op.progress = [&](int64_t done, int64_t total) {
            printed = true;
            ctx.err << "\rchecking: " << done;
            if (total >= 0) ctx.err << " / " << total;
            ctx.err << std::flush;
        };
    Result<FsckReport> report = local->fsck(repo, op);
    if (printed) ctx.err << '\n';
    if (!report.ok()) return report.error();
    const FsckReport& r = *report;
    if (ctx.json()) {
        ctx.printJson(Json{{"repositories", r.repositories}, {"commits", r.commits}, {"trees", r.trees},
                           {"entries", r.entries}, {"objects", r.objects}, {"problems", r.problems},
                           {"clean", r.clean()}});
    } else {
        ctx.out << "Checked " << r.repositories << " repositories, " << r.commits << " commits, " << r.trees
                << " trees, " << r.entries << " entries and " << r.objects << " objects in " << local->workspaceDir()
                << '\n';
        for (const std::string& p : r.problems) ctx.out << "problem: " << p << '\n';
        if (r.clean()) ctx.out << "No problems found.\n";
    }
    if (!r.clean())
        return makeError(ErrorKind::Corruption, "fsck found " + std::to_string(r.problems.size()) + " problem" +
                                                    (r.problems.size() == 1 ? "" : "s") + " in " + local->workspaceDir());
    return {};
#else
    return makeError(ErrorKind::NotImplemented, "fsck is not available for " + backend->describe());
#endif
}

} // namespace

void addFsckCommand(CLI::App& app, CommandContext& ctx)
{
    auto args = std::make_shared<FsckArgs>();
    CLI::App* f = app.add_subcommand("fsck", "Check the local workspace for missing or corrupt data (local workspace only)");
    f->add_option("uri", args->uri, "lakefs://REPO (default: every repository)");
    onRun(f, ctx, [&ctx, args] { return runFsck(ctx, *args); });
}

} // namespace lakeside::cli
