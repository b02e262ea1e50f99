// SPDX-License-Identifier: Apache-2.0
// commit, log, show commit
#include "commands.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct CommitArgs {
    std::string uri;
    std::string message;
    std::vector<std::string> meta;
    bool allowEmpty = false;
};

struct LogArgs {
    std::string uri;
    int amount = 0;
    std::string after;
    bool firstParent = false;
    bool oneline = false;
    std::vector<std::string> objects;
    std::vector<std::string> prefixes;
};

struct ShowArgs {
    std::string uri;
};

Status runCommit(CommandContext& ctx, const CommitArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::Branch));
    Result<Metadata> meta = parseMetadata(a.meta);
    if (!meta.ok()) return ctx.usage(meta.error().message);
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    CommitCreation c;
    c.message = a.message;
    c.metadata = *meta;
    c.allow_empty = a.allowEmpty;
    LAKESIDE_ASSIGN_OR_RETURN(Commit commit, backend->commit(uri.repository, uri.ref, c));
    if (ctx.json()) {
        ctx.printJson(commit);
        return {};
    }
    ctx.out << "Branch: " << uri.toString() << '\n'
            << "Commit for branch \"" << uri.ref << "\" completed.\n\n"
            << "ID: " << commit.id << '\n'
            << "Message: " << commit.message << '\n'
            << "Timestamp: " << formatTime(commit.creation_date) << '\n'
            << "Parents: ";
    for (size_t i = 0; i < commit.parents.size(); ++i) ctx.out << (i ? ", " : "") << commit.parents[i];
    ctx.out << '\n';
    return {};
}

Status runLog(CommandContext& ctx, const LogArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef));
    for (const std::string& p : a.objects) LAKESIDE_RETURN_IF_ERROR(validateObjectPath(p));
    if (a.amount < 0) return ctx.usage("--amount must not be negative");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    auto fetch = [&](const std::string& after, int amount) {
        LogParams p;
        p.after = after;
        p.amount = amount;
        p.first_parent = a.firstParent;
        p.objects = a.objects;
        p.prefixes = a.prefixes;
        return backend->logCommits(uri.repository, uri.ref, p);
    };
    auto key = [](const Commit& c) { return c.id; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<Commit> page, gatherPages<Commit>(fetch, key, a.amount, a.after));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    for (const Commit& c : page.results) {
        if (a.oneline) {
            const size_t nl = c.message.find('\n');
            ctx.out << c.id.substr(0, 12) << ' ' << c.message.substr(0, nl) << '\n';
        } else {
            printCommit(ctx.out, c);
        }
    }
    if (page.has_more) ctx.out << "(more commits: use --after " << page.next_offset << ")\n";
    return {};
}

Status runShowCommit(CommandContext& ctx, const ShowArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRefUri(ctx, a.uri, RefKind::AnyRef));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Commit c, backend->getCommit(uri.repository, uri.ref));
    if (ctx.json()) {
        ctx.printJson(c);
        return {};
    }
    printCommit(ctx.out, c);
    ctx.out << "Parents:       ";
    for (size_t i = 0; i < c.parents.size(); ++i) ctx.out << (i ? ", " : "") << c.parents[i];
    ctx.out << '\n' << "Meta range:    " << c.meta_range_id << '\n' << "Generation:    " << c.generation << '\n';
    return {};
}

} // namespace

void addCommitCommands(CLI::App& app, CommandContext& ctx)
{
    auto commit = std::make_shared<CommitArgs>();
    CLI::App* c = app.add_subcommand("commit", "Commit a branch's uncommitted changes");
    c->add_option("uri", commit->uri, "lakefs://REPO/BRANCH")->required();
    c->add_option("--message,-m", commit->message, "Commit message")->required();
    addMetaOption(c, commit->meta);
    c->add_flag("--allow-empty", commit->allowEmpty, "Commit even when nothing changed");
    onRun(c, ctx, [&ctx, commit] { return runCommit(ctx, *commit); });

    auto log = std::make_shared<LogArgs>();
    CLI::App* l = app.add_subcommand("log", "Show the commit history of a ref, newest first");
    l->add_option("uri", log->uri, "lakefs://REPO/REF")->required();
    l->add_option("--amount,-n", log->amount, "Show at most N commits (default: all)");
    l->add_option("--after", log->after, "Start after this commit id");
    l->add_flag("--first-parent", log->firstParent, "Follow only the first parent of merge commits");
    l->add_flag("--oneline", log->oneline, "One line per commit: short id and subject");
    l->add_option("--objects", log->objects, "Only commits that changed this exact path (repeatable)")->allow_extra_args(false);
    l->add_option("--prefixes", log->prefixes, "Only commits that changed something under this prefix (repeatable)")
        ->allow_extra_args(false);
    onRun(l, ctx, [&ctx, log] { return runLog(ctx, *log); });

    CLI::App* show = app.add_subcommand("show", "Show details of an object in a repository");
    show->require_subcommand(1);
    auto showCommit = std::make_shared<ShowArgs>();
    CLI::App* sc = show->add_subcommand("commit", "Show one commit: id, parents, committer, message, metadata");
    sc->add_option("uri", showCommit->uri, "lakefs://REPO/REF")->required();
    onRun(sc, ctx, [&ctx, showCommit] { return runShowCommit(ctx, *showCommit); });
}

} // namespace lakeside::cli
