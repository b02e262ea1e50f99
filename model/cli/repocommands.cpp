// SPDX-License-Identifier: Apache-2.0
// repo create | list | delete
#include "commands.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct CreateArgs {
    std::string uri;
    std::string defaultBranch = "main";
    std::string storageNamespace;
};

struct ListArgs {
    int amount = 0;
    std::string after;
};

struct DeleteArgs {
    std::string uri;
    bool yes = false;
};

Status runCreate(CommandContext& ctx, const CreateArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(a.defaultBranch));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    RepositoryCreation c;
    c.name = uri.repository;
    c.default_branch = a.defaultBranch;
    c.storage_namespace = a.storageNamespace;
    LAKESIDE_ASSIGN_OR_RETURN(Repository repo, backend->createRepository(c));
    if (ctx.json()) {
        ctx.printJson(repo);
        return {};
    }
    ctx.out << "Repository: lakefs://" << repo.id << '\n'
            << "Repository '" << repo.id << "' created:\n"
            << "storage namespace: " << repo.storage_namespace << '\n'
            << "default branch: " << repo.default_branch << '\n'
            << "timestamp: " << repo.creation_date << '\n';
    return {};
}

Status runList(CommandContext& ctx, const ListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    auto fetch = [&](const std::string& after, int amount) {
        ListParams p;
        p.after = after;
        p.amount = amount;
        return backend->listRepositories(p);
    };
    auto key = [](const Repository& r) { return r.id; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<Repository> page, gatherPages<Repository>(fetch, key, a.amount, a.after));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    std::vector<std::vector<std::string>> rows;
    for (const Repository& r : page.results)
        rows.push_back({r.id, formatTime(r.creation_date), r.default_branch, r.storage_namespace});
    printTable(ctx.out, {"REPOSITORY", "CREATION DATE", "DEFAULT REF NAME", "STORAGE NAMESPACE"}, rows);
    if (page.has_more)
        ctx.out << "(more repositories: use --after " << page.next_offset << ")\n";
    return {};
}

Status runDelete(CommandContext& ctx, const DeleteArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    if (!a.yes)
        return ctx.usage("deleting repository '" + uri.repository +
                         "' removes all its branches, tags and commits; pass --yes to confirm");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_RETURN_IF_ERROR(backend->deleteRepository(uri.repository));
    if (!ctx.json()) ctx.out << "Deleted repository '" << uri.repository << "'\n";
    return {};
}

} // namespace

void addRepoCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* repo = app.add_subcommand("repo", "Create, list and delete repositories");
    repo->require_subcommand(1);

    auto create = std::make_shared<CreateArgs>();
    CLI::App* c = repo->add_subcommand("create", "Create a repository with an initial commit on its default branch");
    c->add_option("uri", create->uri, "lakefs://REPO")->required();
    c->add_option("--default-branch,-d", create->defaultBranch, "Name of the default branch")->capture_default_str();
    c->add_option("--storage-namespace", create->storageNamespace,
                  "Where the data lives (lakeFS: s3://..., local: chosen by the workspace)");
    onRun(c, ctx, [&ctx, create] { return runCreate(ctx, *create); });

    auto list = std::make_shared<ListArgs>();
    CLI::App* l = repo->add_subcommand("list", "List repositories");
    l->add_option("--amount", list->amount, "Show at most N repositories (default: all)");
    l->add_option("--after", list->after, "Start after this repository id");
    onRun(l, ctx, [&ctx, list] { return runList(ctx, *list); });

    auto del = std::make_shared<DeleteArgs>();
    CLI::App* d = repo->add_subcommand("delete", "Delete a repository and everything in it");
    d->add_option("uri", del->uri, "lakefs://REPO")->required();
    d->add_flag("--yes,-y", del->yes, "Confirm the deletion");
    onRun(d, ctx, [&ctx, del] { return runDelete(ctx, *del); });
}

} // namespace lakeside::cli
