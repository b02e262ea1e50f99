// SPDX-License-Identifier: Apache-2.0
// review create|list|approve|request-changes|merge|close (show: reviewshow.cpp).
// Pull requests through the Backend, so the same verbs work on the workspace
// (ReviewBackend) and on a lakeFS server's /pulls.
#include "commands.h"
#include "output.h"
#include "reviewoutput.h"
#include "uriargs.h"

#include <map>

namespace lakeside::cli {
namespace {

struct CreateArgs {
    std::string uri;
    std::string source;
    std::string destination;
    std::string title;
    std::string description;
};

struct ListArgs {
    std::string uri;
    std::string status = "open";
};

struct IdArgs {
    std::string uri;
    std::string id;
    std::string comment;
};

struct MergeArgs {
    std::string uri;
    std::string id;
    std::string strategy;
    std::string message;
    std::vector<std::string> resolve; // PATH=source|dest, one per occurrence
    bool squash = false;
};

// --resolve PATH=source|dest: how one conflicting path is decided (the review
// screen's "take source" / "take destination"); --strategy covers the rest.
Status parseResolutions(CommandContext& ctx, const std::vector<std::string>& pairs,
                        std::map<std::string, MergeStrategy>& out)
{
    for (const std::string& pair : pairs) {
        const size_t eq = pair.rfind('=');
        const std::string path = eq == std::string::npos ? std::string() : pair.substr(0, eq);
        const std::string side = eq == std::string::npos ? std::string() : pair.substr(eq + 1);
        if (path.empty() || (side != "source" && side != "dest"))
            return ctx.usage("--resolve '" + pair + "' must be PATH=source or PATH=dest");
        LAKESIDE_RETURN_IF_ERROR(validateObjectPath(path));
        out[path] = side == "source" ? MergeStrategy::SourceWins : MergeStrategy::DestWins;
    }
    return {};
}

// The pull request after a change, as every verb prints it: text lines or, with
// --json, lakeFS's PullRequest plus its reviews.
Status printPull(CommandContext& ctx, Backend& backend, const std::string& repo, const std::string& id,
                 const std::string& headline)
{
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, backend.getPull(repo, id));
    if (ctx.json()) {
        Result<std::vector<Review>> reviews = backend.listReviews(repo, id);
        ctx.printJson(pullWithReviewsJson(pr, reviews.ok() ? *reviews : std::vector<Review>{}));
        return {};
    }
    ctx.out << headline << '\n'
            << "ID: " << pr.id << '\n'
            << "Status: " << pullStatusName(pr.status) << '\n'
            << "Source: " << pr.source_branch << " -> " << pr.destination_branch << '\n'
            << "Title: " << pr.title << '\n';
    if (!pr.merged_commit_id.empty()) ctx.out << "Merged commit: " << pr.merged_commit_id << '\n';
    return {};
}

Status runCreate(CommandContext& ctx, const CreateArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(a.source));
    LAKESIDE_RETURN_IF_ERROR(validateBranchId(a.destination));
    if (a.title.empty()) return ctx.usage("--title must not be empty");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    PullRequestCreation c;
    c.title = a.title;
    c.description = a.description;
    c.source_branch = a.source;
    c.destination_branch = a.destination;
    LAKESIDE_ASSIGN_OR_RETURN(std::string id, backend->createPull(uri.repository, c));
    return printPull(ctx, *backend, uri.repository, id,
                     "Created pull request '" + a.source + "' into '" + a.destination + "' in repository '" +
                         uri.repository + "'");
}

Status runList(CommandContext& ctx, const ListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    // lakeFS filters by open, closed (merged included) and all; "merged" is
    // the closed ones that were merged, picked out here so it works on both.
    const std::string asked = a.status == "merged" ? "closed" : a.status;
    Page<PullRequest> page;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<PullRequest>(
        [&](const std::string& after) {
            ListParams p;
            p.after = after;
            p.amount = 1000;
            return backend->listPulls(uri.repository, asked, p);
        },
        [&](const PullRequest& pr) {
            if (a.status != "merged" || pr.status == PullStatus::Merged) page.results.push_back(pr);
            return true;
        }));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    if (page.results.empty()) {
        ctx.out << "No " << (a.status == "all" ? std::string() : a.status + " ") << "pull requests in repository '"
                << uri.repository << "'\n";
        return {};
    }
    printPullTable(ctx.out, page.results);
    return {};
}

Status runReview(CommandContext& ctx, const IdArgs& a, ReviewVerdict verdict)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(const std::string id, resolvePullId(*backend, uri.repository, a.id));
    Review r;
    r.verdict = verdict;
    r.comment = a.comment;
    LAKESIDE_RETURN_IF_ERROR(backend->addReview(uri.repository, id, r));
    const std::string done = verdict == ReviewVerdict::Approve ? "Approved" : "Requested changes on";
    return printPull(ctx, *backend, uri.repository, id, done + " pull request '" + id + "' as " + backend->userName());
}

Status runMerge(CommandContext& ctx, const MergeArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(const std::string id, resolvePullId(*backend, uri.repository, a.id));
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest before, backend->getPull(uri.repository, id));
    MergeParams p;
    p.message = a.message;
    p.strategy = a.strategy == "dest-wins" ? MergeStrategy::DestWins
               : a.strategy == "source-wins" ? MergeStrategy::SourceWins : MergeStrategy::None;
    p.squash_merge = a.squash;
    LAKESIDE_RETURN_IF_ERROR(parseResolutions(ctx, a.resolve, p.resolutions));
    Result<MergeResult> merged = backend->mergePull(uri.repository, id, p);
    if (!merged.ok()) return explainBlockedMerge(*backend, uri.repository, before, merged.error());
    return printPull(ctx, *backend, uri.repository, id,
                     "Merged pull request '" + id + "': '" + before.source_branch + "' into '" +
                         before.destination_branch + "' to get '" + merged->reference + "'");
}

Status runClose(CommandContext& ctx, const IdArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(const std::string id, resolvePullId(*backend, uri.repository, a.id));
    PullRequestUpdate u;
    u.status = PullStatus::Closed;
    LAKESIDE_RETURN_IF_ERROR(backend->updatePull(uri.repository, id, u));
    return printPull(ctx, *backend, uri.repository, id, "Closed pull request '" + id + "'");
}

void addIdOptions(CLI::App* sub, IdArgs& a)
{
    sub->add_option("repository", a.uri, "lakefs://REPO")->required();
    sub->add_option("id", a.id, "Pull request id, or a unique prefix of one (see 'review list')")->required();
}

} // namespace

void addReviewCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* review = app.add_subcommand("review", "Review requests (lakeFS pull requests): create, review, merge");
    review->require_subcommand(1);

    auto create = std::make_shared<CreateArgs>();
    CLI::App* c = review->add_subcommand("create", "Open a review request to merge a branch into another");
    c->add_option("repository", create->uri, "lakefs://REPO")->required();
    c->add_option("--source", create->source, "Branch with the changes")->required();
    c->add_option("--destination", create->destination, "Branch to merge into")->required();
    c->add_option("--title", create->title, "Title")->required();
    c->add_option("--description", create->description, "Description");
    onRun(c, ctx, [&ctx, create] { return runCreate(ctx, *create); });

    auto list = std::make_shared<ListArgs>();
    CLI::App* l = review->add_subcommand("list", "List review requests (every page)");
    l->add_option("repository", list->uri, "lakefs://REPO")->required();
    l->add_option("--status", list->status, "Which requests (closed includes merged)")
        ->check(CLI::IsMember({"open", "closed", "merged", "all"}))
        ->capture_default_str();
    onRun(l, ctx, [&ctx, list] { return runList(ctx, *list); });

    addReviewShowCommand(*review, ctx);

    auto approve = std::make_shared<IdArgs>();
    CLI::App* ap = review->add_subcommand("approve", "Approve a review request");
    addIdOptions(ap, *approve);
    ap->add_option("-m,--message", approve->comment, "Comment");
    onRun(ap, ctx, [&ctx, approve] { return runReview(ctx, *approve, ReviewVerdict::Approve); });

    auto changes = std::make_shared<IdArgs>();
    CLI::App* rc = review->add_subcommand("request-changes", "Request changes; blocks the merge until a later approval");
    addIdOptions(rc, *changes);
    rc->add_option("-m,--message", changes->comment, "Comment");
    onRun(rc, ctx, [&ctx, changes] { return runReview(ctx, *changes, ReviewVerdict::RequestChanges); });

    auto merge = std::make_shared<MergeArgs>();
    CLI::App* m = review->add_subcommand(
        "merge", "Merge a review request: runs pre-merge checks, needs the approvals branch protection asks for");
    m->add_option("repository", merge->uri, "lakefs://REPO")->required();
    m->add_option("id", merge->id, "Pull request id, or a unique prefix of one")->required();
    m->add_option("--strategy", merge->strategy, "How to decide conflicts (default: report them and merge nothing)")
        ->check(CLI::IsMember({"dest-wins", "source-wins"}));
    m->add_option("--message,-m", merge->message, "Commit message (default: \"Merge pull request ID: TITLE\")");
    m->add_option("--resolve", merge->resolve, "Decide one conflicting path: PATH=source or PATH=dest (repeatable)")
        ->allow_extra_args(false);
    m->add_flag("--squash", merge->squash, "One-parent merge commit");
    onRun(m, ctx, [&ctx, merge] { return runMerge(ctx, *merge); });

    auto close = std::make_shared<IdArgs>();
    CLI::App* cl = review->add_subcommand("close", "Close a review request without merging");
    addIdOptions(cl, *close);
    onRun(cl, ctx, [&ctx, close] { return runClose(ctx, *close); });
}

} // namespace lakeside::cli
