// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include "commands.h"
#include "logging/logging.h"
#include "output.h"

#include <exception>

namespace lakeside::cli {
namespace {

constexpr const char* kDescription =
    "lakeside-cli: versioned data products from the command line.\n"
    "Repositories, branches, commits, diffs and merges with lakectl's verbs and lakefs://REPO/REF/PATH URIs,\n"
    "merge review (review requests, pre-merge checks, branch protection),\n"
    "over the local workspace (default) or a lakeFS server.";

constexpr const char* kFooter =
    "Workspace: --workspace DIR, else $LAKESIDE_WORKSPACE, else $XDG_DATA_HOME/lakeside/workspace.\n"
    "Exit status: 0 success, 1 the operation failed, 2 usage error.\n"
    "Run 'lakeside-cli COMMAND --help' for a command's options.";

void addGlobalOptions(CLI::App& app, CommandContext& ctx)
{
    app.set_version_flag("--version", std::string("lakeside-cli ") + LAKESIDE_VERSION);
    CLI::Option* workspace = app.add_option("--workspace", ctx.global.workspace, "Local workspace directory")->type_name("DIR");
    app.add_flag("--json", ctx.global.json, "Print results as lakeFS API JSON (errors as {\"message\": ...} on stderr)");
    app.add_option("--log-level", ctx.global.logLevel, "Log verbosity on stderr and in the log file")
        ->type_name("LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
        ->capture_default_str();
    app.add_option("--remote", ctx.global.remote,
                   "Talk to a lakeFS server instead: NAME is 'lakectl' (~/.lakectl.yaml), a lakectl-style YAML file, "
                   "or ~/.config/lakeside/remotes/NAME.yaml")
        ->type_name("NAME")
        ->excludes(workspace);
}

// CLI11 says "A subcommand is required" for `lakeside-cli frobnicate`; name
// the word it did not know and the commands it would have taken instead.
bool reportUnknownCommand(CLI::App& app, std::ostream& err)
{
    CLI::App* deepest = &app;
    while (!deepest->get_subcommands().empty()) deepest = deepest->get_subcommands().front();
    if (deepest->get_require_subcommand_min() == 0) return false;
    const std::vector<std::string> rest = app.remaining(true);
    if (rest.empty() || rest.front().empty() || rest.front()[0] == '-') return false;
    std::string known;
    for (const CLI::App* sub : deepest->get_subcommands({}))
        known += (known.empty() ? "" : ", ") + sub->get_name();
    std::string where = deepest == &app ? std::string("lakeside-cli") : "lakeside-cli " + deepest->get_name();
    err << "Error: unknown command '" << rest.front() << "' for " << where << " (commands: " << known << ")\n"
        << "Run with --help for more information.\n";
    return true;
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const CliEnvironment& env)
{
    CommandContext ctx(out, err, env);
    CLI::App app{kDescription, "lakeside-cli"};
    app.footer(kFooter);
    // Global options may follow the command words too (`repo list --json`).
    app.fallthrough();
    app.require_subcommand(1);
    addGlobalOptions(app, ctx);
    addRepoCommands(app, ctx);
    addBranchCommands(app, ctx);
    addTagCommands(app, ctx);
    addFsCommands(app, ctx);
    addImportCommand(app, ctx);
    addCommitCommands(app, ctx);
    addDiffCommand(app, ctx);
    addMergeCommands(app, ctx);
    addDemoCommand(app, ctx);
    addFsckCommand(app, ctx);
#ifdef LAKESIDE_HAVE_REVIEW
    addReviewCommands(app, ctx);
    addActionsCommands(app, ctx);
    addBranchProtectCommands(app, ctx);
#endif
#ifdef LAKESIDE_HAVE_SERVER
    addServeCommand(app, ctx);
#endif

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 consumes from the back
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        if (reportUnknownCommand(app, err)) return kExitUsage;
        return app.exit(e, out, err) == 0 ? kExitOk : kExitUsage;
    }

    logging::Options logOptions;
    logOptions.appName = "lakeside-cli";
    logOptions.level = ctx.global.logLevel;
    logging::init(logOptions);

    if (!ctx.action) {
        err << app.help();
        return kExitUsage;
    }
    Status st;
    try {
        st = ctx.action();
    } catch (const std::exception& e) {
        // Commands return errors as values; this is a last guard so that a
        // library exception still ends in a message and exit 1, never a crash.
        st = makeError(ErrorKind::Internal, std::string("unexpected error: ") + e.what());
    }
    out.flush();
    if (st.ok()) return kExitOk;
    logging::get("cli")->debug("command failed ({}): {}", errorKindName(st.kind()), st.message());
    printError(err, st.error(), ctx.json());
    if (ctx.usageFailed()) {
        if (!ctx.json()) err << "Run with --help for more information.\n";
        return kExitUsage;
    }
    return kExitError;
}

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err, const CliEnvironment& env)
{
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return runCli(args, out, err, env);
}

} // namespace lakeside::cli
