// SPDX-License-Identifier: Apache-2.0
// tag create | list | delete
#include "commands.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct CreateArgs {
    std::string uri;
    std::string ref;
};

struct ListArgs {
    std::string uri;
    int amount = 0;
    std::string after;
};

struct DeleteArgs {
    std::string uri;
    bool yes = false; // accepted for lakectl compatibility; tags hold no data, so no confirmation is needed
};

Status runCreate(CommandContext& ctx, const CreateArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Tag));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri target, parseRefUri(ctx, a.ref, RefKind::AnyRef));
    if (target.repository != uri.repository)
        return makeError(ErrorKind::InvalidArgument, "the ref '" + a.ref + "' is in another repository than the tag '" + a.uri + "'");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Ref tag, backend->createTag(uri.repository, uri.ref, target.ref));
    if (ctx.json()) {
        ctx.printJson(tag);
        return {};
    }
    ctx.out << "Created tag '" << tag.id << "' (" << tag.commit_id << ")\n";
    return {};
}

Status runList(CommandContext& ctx, const ListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    return listRefs(
        ctx, [&](const ListParams& p) { return backend->listTags(uri.repository, p); }, a.amount, a.after, "TAG", "tags");
}

Status runDelete(CommandContext& ctx, const DeleteArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Tag));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_RETURN_IF_ERROR(backend->deleteTag(uri.repository, uri.ref));
    if (!ctx.json()) ctx.out << "Deleted tag '" << uri.ref << "' in repository '" << uri.repository << "'\n";
    return {};
}

} // namespace

void addTagCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* tag = app.add_subcommand("tag", "Create, list and delete tags");
    tag->require_subcommand(1);

    auto create = std::make_shared<CreateArgs>();
    CLI::App* c = tag->add_subcommand("create", "Tag the commit a ref points to");
    c->add_option("uri", create->uri, "lakefs://REPO/TAG")->required();
    c->add_option("ref", create->ref, "lakefs://REPO/REF to tag")->required();
    onRun(c, ctx, [&ctx, create] { return runCreate(ctx, *create); });

    auto list = std::make_shared<ListArgs>();
    CLI::App* l = tag->add_subcommand("list", "List the tags of a repository");
    l->add_option("uri", list->uri, "lakefs://REPO")->required();
    l->add_option("--amount", list->amount, "Show at most N tags (default: all)");
    l->add_option("--after", list->after, "Start after this tag");
    onRun(l, ctx, [&ctx, list] { return runList(ctx, *list); });

    auto del = std::make_shared<DeleteArgs>();
    CLI::App* d = tag->add_subcommand("delete", "Delete a tag (the commit stays)");
    d->add_option("uri", del->uri, "lakefs://REPO/TAG")->required();
    d->add_flag("--yes,-y", del->yes, "Accepted for lakectl compatibility");
    onRun(d, ctx, [&ctx, del] { return runDelete(ctx, *del); });
}

} // namespace lakeside::cli
