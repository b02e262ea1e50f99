// SPDX-License-Identifier: Apache-2.0
#pragma once
// The command tree. Each add*Commands() registers its subcommands on the root
// app; a subcommand's parse callback only records what to run (ctx.action),
// so nothing runs unless the whole command line parsed.

#include "commandcontext.h"

#include <CLI/CLI.hpp>

#include <functional>

namespace lakeside::cli {

// Makes `sub` run `fn` once parsing has succeeded.
inline void onRun(CLI::App* sub, CommandContext& ctx, std::function<Status()> fn)
{
    sub->callback([&ctx, fn = std::move(fn)] { ctx.action = fn; });
}

// --meta KEY=VALUE, repeatable, one pair per occurrence (so it never swallows a positional).
inline CLI::Option* addMetaOption(CLI::App* sub, std::vector<std::string>& pairs)
{
    return sub->add_option("--meta", pairs, "Commit metadata KEY=VALUE (repeatable)")->allow_extra_args(false);
}

// `branch list` and `tag list`: gather pages of refs through `list(params)`,
// then print lakeFS's RefList JSON or a table headed `column` ("BRANCH", "TAG").
Status listRefs(CommandContext& ctx, const std::function<Result<Page<Ref>>(const ListParams&)>& list,
                int amount, const std::string& after, const char* column, const char* plural);

void addRepoCommands(CLI::App& app, CommandContext& ctx);   // repo create|list|delete
void addBranchCommands(CLI::App& app, CommandContext& ctx); // branch create|list|delete|reset|revert
void addTagCommands(CLI::App& app, CommandContext& ctx);    // tag create|list|delete
void addFsCommands(CLI::App& app, CommandContext& ctx);     // fs upload|ls|cat|stat|rm|download
void addImportCommand(CLI::App& app, CommandContext& ctx);  // import
void addCommitCommands(CLI::App& app, CommandContext& ctx); // commit, log, show commit
void addDiffCommand(CLI::App& app, CommandContext& ctx);    // diff
void addMergeCommands(CLI::App& app, CommandContext& ctx);  // merge, find-merge-base, cherry-pick
void addDemoCommand(CLI::App& app, CommandContext& ctx);    // demo
void addFsckCommand(CLI::App& app, CommandContext& ctx);    // fsck
void addServeCommand(CLI::App& app, CommandContext& ctx);   // serve (when built with the server)
// When built with lakeside_review:
void addReviewCommands(CLI::App& app, CommandContext& ctx);        // review create|list|show|approve|request-changes|merge|close
void addReviewShowCommand(CLI::App& review, CommandContext& ctx);  // review show (registered by addReviewCommands)
void addActionsCommands(CLI::App& app, CommandContext& ctx);       // actions validate, actions runs list|describe
void addBranchProtectCommands(CLI::App& app, CommandContext& ctx); // branch-protect add|delete|list

} // namespace lakeside::cli
