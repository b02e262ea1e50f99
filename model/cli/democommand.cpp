// SPDX-License-Identifier: Apache-2.0
// demo [DIR]
#include "backendfactory.h"
#include "commands.h"
#include "demo/demo.h"
#include "logging/logging.h"

#include <map>

namespace lakeside::cli {
namespace {

struct DemoArgs {
    std::string dir;
};

Status runDemo(CommandContext& ctx, const DemoArgs& a)
{
    if (!a.dir.empty()) ctx.global.workspace = a.dir;
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());

    // One backend per demo persona, so the history shows several committers.
    // If a second handle cannot be opened, the main backend commits instead.
    std::map<std::string, std::unique_ptr<Backend>> personas;
    DemoOptions options;
    options.actAs = [&](const std::string& user) -> Backend* {
        auto it = personas.find(user);
        if (it == personas.end()) {
            GlobalOptions g = ctx.global;
            g.user = user;
            Result<std::unique_ptr<Backend>> opened = ctx.env.backendFactory ? ctx.env.backendFactory(g) : openBackend(g);
            if (!opened.ok()) logging::get("cli")->debug("demo: acting as {} failed: {}", user, opened.error().message);
            it = personas.emplace(user, opened.ok() ? std::move(opened).value() : nullptr).first;
        }
        return it->second.get();
    };
    bool printed = false;
    if (ctx.stderrIsTerminal() && !ctx.json()) {
        options.ctx.progress = [&](int64_t done, int64_t total) {
            printed = true;
            ctx.err << "\rcreating demo data: step " << done << " / " << total << std::flush;
        };
    }
    Status st = createDemoData(*backend, options);
    if (printed) ctx.err << '\n';
    if (!st.ok()) {
        Error e = st.error();
        if (e.kind == ErrorKind::Conflict)
            e.message += " (demo fills an empty workspace or one without the demo repositories; use another DIR)";
        return e;
    }
    if (ctx.json()) {
        Page<Repository> page;
        for (const std::string& name : demoRepositoryNames()) {
            LAKESIDE_ASSIGN_OR_RETURN(Repository r, backend->getRepository(name));
            page.results.push_back(r);
        }
        ctx.printJson(pageToJson(page));
        return {};
    }
    ctx.out << "Demo data products created in " << backend->describe() << ":\n";
    for (const std::string& name : demoRepositoryNames()) ctx.out << "  lakefs://" << name << '\n';
    ctx.out << "Try: lakeside-cli";
    if (!ctx.global.workspace.empty()) ctx.out << " --workspace " << ctx.global.workspace;
    ctx.out << " log lakefs://" << demoRepositoryNames().front() << "/main --oneline\n";
    return {};
}

} // namespace

void addDemoCommand(CLI::App& app, CommandContext& ctx)
{
    auto args = std::make_shared<DemoArgs>();
    CLI::App* d = app.add_subcommand("demo", "Fill a workspace with sample data products (history, branches, tags, merges)");
    d->add_option("dir", args->dir, "Workspace directory (default: the resolved workspace)");
    onRun(d, ctx, [&ctx, args] { return runDemo(ctx, *args); });
}

} // namespace lakeside::cli
