// SPDX-License-Identifier: Apache-2.0
// fsck [lakefs://REPO]: verify the local workspace's stored objects and records.
// The one command that is not a Backend call: lakeFS has no such endpoint.
#include "commands.h"
#include "uriargs.h"

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
    return makeError(ErrorKind::NotImplemented, "fsck is not available for " + backend->describe());
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
