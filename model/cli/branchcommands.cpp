// SPDX-License-Identifier: Apache-2.0
// branch create | list | delete | reset | revert
#include "commands.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct CreateArgs {
    std::string uri;
    std::string source;
};

struct ListArgs {
    std::string uri;
    int amount = 0;
    std::string after;
};

struct DeleteArgs {
    std::string uri;
    bool yes = false;
};

struct ResetArgs {
    std::string uri;
    std::string prefix;
    std::string object;
    bool yes = false;
};

struct RevertArgs {
    std::string uri;
    std::vector<std::string> refs;
    int parentNumber = 0;
    bool allowEmpty = false;
};

Status runCreate(CommandContext& ctx, const CreateArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri source, parseRefUri(ctx, a.source, RefKind::AnyRef));
    if (source.repository != uri.repository)
        return makeError(ErrorKind::InvalidArgument, "the source '" + a.source +
                                                         "' is in another repository than the new branch '" + a.uri + "'");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Ref ref, backend->createBranch(uri.repository, uri.ref, source.ref));
    if (ctx.json()) {
        ctx.printJson(ref);
        return {};
    }
    ctx.out << "Source ref: " << source.toString() << '\n'
            << "created branch '" << ref.id << "' " << ref.commit_id << '\n';
    return {};
}

Status runList(CommandContext& ctx, const ListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    return listRefs(
        ctx, [&](const ListParams& p) { return backend->listBranches(uri.repository, p); }, a.amount, a.after, "BRANCH", "branches");
}

Status runDelete(CommandContext& ctx, const DeleteArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch));
    if (!a.yes)
        return ctx.usage("deleting branch '" + uri.ref + "' drops its uncommitted changes; pass --yes to confirm");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    // Say it plainly before the backend does: the default branch is never deleted.
    LAKESIDE_ASSIGN_OR_RETURN(Repository repo, backend->getRepository(uri.repository));
    if (repo.default_branch == uri.ref)
        return makeError(ErrorKind::Forbidden, "cannot delete '" + uri.ref + "': it is the default branch of repository '" +
                                                   uri.repository + "'");
    LAKESIDE_RETURN_IF_ERROR(backend->deleteBranch(uri.repository, uri.ref));
    if (!ctx.json()) ctx.out << "Deleted branch '" << uri.ref << "' in repository '" << uri.repository << "'\n";
    return {};
}

Status runReset(CommandContext& ctx, const ResetArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch));
    ResetType type = ResetType::Reset;
    std::string path;
    if (!a.prefix.empty()) {
        type = ResetType::CommonPrefix;
        path = a.prefix;
    } else if (!a.object.empty()) {
        type = ResetType::Object;
        path = a.object;
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
    }
    if (!a.yes) {
        const std::string what = type == ResetType::Reset ? "all uncommitted changes" : "uncommitted changes under '" + path + "'";
        return ctx.usage("resetting branch '" + uri.ref + "' discards " + what + "; pass --yes to confirm");
    }
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_RETURN_IF_ERROR(backend->resetBranch(uri.repository, uri.ref, type, path));
    if (!ctx.json()) {
        ctx.out << "Branch: " << uri.toString() << '\n';
        if (type == ResetType::Reset) ctx.out << "Discarded all uncommitted changes\n";
        else ctx.out << "Discarded uncommitted changes of '" << path << "'\n";
    }
    return {};
}

Status runRevert(CommandContext& ctx, const RevertArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch));
    std::vector<std::string> refs;
    for (const std::string& r : a.refs) {
        if (r.rfind("lakefs://", 0) == 0) {
            LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri u, parseRefUri(ctx, r, RefKind::AnyRef));
            if (u.repository != uri.repository)
                return makeError(ErrorKind::InvalidArgument, "commit '" + r + "' is in another repository than '" + a.uri + "'");
            refs.push_back(u.ref);
        } else {
            LAKESIDE_RETURN_IF_ERROR(validateRef(r));
            refs.push_back(r);
        }
    }
    if (a.parentNumber < 0) return ctx.usage("--parent-number must be 1 or more");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    Json commits = Json::array();
    for (const std::string& r : refs) {
        LAKESIDE_ASSIGN_OR_RETURN(Commit c, backend->revertBranch(uri.repository, uri.ref, r, a.parentNumber, {}, a.allowEmpty));
        if (ctx.json()) {
            commits.push_back(c);
        } else {
            ctx.out << "Branch: " << uri.toString() << '\n'
                    << "commit " << r << " successfully reverted: new commit " << c.id << '\n';
        }
    }
    if (ctx.json()) ctx.printJson(commits.size() == 1 ? commits[0] : commits);
    return {};
}

} // namespace

void addBranchCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* branch = app.add_subcommand("branch", "Create, list, delete, reset and revert branches");
    branch->require_subcommand(1);

    auto create = std::make_shared<CreateArgs>();
    CLI::App* c = branch->add_subcommand("create", "Create a branch from any ref");
    c->add_option("uri", create->uri, "lakefs://REPO/BRANCH")->required();
    c->add_option("--source,-s", create->source, "lakefs://REPO/REF to branch from")->required();
    onRun(c, ctx, [&ctx, create] { return runCreate(ctx, *create); });

    auto list = std::make_shared<ListArgs>();
    CLI::App* l = branch->add_subcommand("list", "List the branches of a repository");
    l->add_option("uri", list->uri, "lakefs://REPO")->required();
    l->add_option("--amount", list->amount, "Show at most N branches (default: all)");
    l->add_option("--after", list->after, "Start after this branch name");
    onRun(l, ctx, [&ctx, list] { return runList(ctx, *list); });

    auto del = std::make_shared<DeleteArgs>();
    CLI::App* d = branch->add_subcommand("delete", "Delete a branch (never the default branch)");
    d->add_option("uri", del->uri, "lakefs://REPO/BRANCH")->required();
    d->add_flag("--yes,-y", del->yes, "Confirm the deletion");
    onRun(d, ctx, [&ctx, del] { return runDelete(ctx, *del); });

    auto reset = std::make_shared<ResetArgs>();
    CLI::App* r = branch->add_subcommand("reset", "Discard uncommitted changes (all, one object or a prefix)");
    r->add_option("uri", reset->uri, "lakefs://REPO/BRANCH")->required();
    CLI::Option* prefix = r->add_option("--prefix", reset->prefix, "Discard changes under this path prefix only");
    CLI::Option* object = r->add_option("--object", reset->object, "Discard changes of this object only");
    prefix->excludes(object);
    r->add_flag("--yes,-y", reset->yes, "Confirm the reset");
    onRun(r, ctx, [&ctx, reset] { return runReset(ctx, *reset); });

    auto revert = std::make_shared<RevertArgs>();
    CLI::App* v = branch->add_subcommand("revert", "Undo commits with new commits on the branch");
    v->add_option("uri", revert->uri, "lakefs://REPO/BRANCH")->required();
    v->add_option("commits", revert->refs, "Commits to revert (ids, prefixes or refs such as main~1)")->required();
    v->add_option("--parent-number,-m", revert->parentNumber, "For a merge commit: the parent (1-based) to revert against");
    v->add_flag("--allow-empty", revert->allowEmpty, "Create the commit even when it changes nothing");
    onRun(v, ctx, [&ctx, revert] { return runRevert(ctx, *revert); });
}

} // namespace lakeside::cli
