// SPDX-License-Identifier: Apache-2.0
// merge, find-merge-base, cherry-pick
#include "commands.h"
#include "output.h"
#include "uriargs.h"

namespace lakeside::cli {
namespace {

struct MergeArgs {
    std::string source;
    std::string dest;
    std::string strategy;
    std::string message;
    std::vector<std::string> meta;
    bool squash = false;
    bool allowEmpty = false;
};

struct BaseArgs {
    std::string a;
    std::string b;
};

struct PickArgs {
    std::string commit;
    std::string branch;
    int parentNumber = 0;
};

Status sameRepository(const LakeFsUri& a, const LakeFsUri& b)
{
    if (a.repository == b.repository) return {};
    return makeError(ErrorKind::InvalidArgument,
                     "'" + a.toString() + "' and '" + b.toString() + "' are in different repositories");
}

// lakeFS answers a conflict without paths; ask the three-dot diff for them then.
std::vector<std::string> conflictingPaths(Backend& backend, const LakeFsUri& source, const LakeFsUri& dest)
{
    std::vector<std::string> paths;
    Status st = forEachPage<DiffEntry>(
        [&](const std::string& after) {
            DiffParams p;
            p.after = after;
            p.amount = 1000;
            return backend.diffRefs(dest.repository, dest.ref, source.ref, p);
        },
        [&](const DiffEntry& e) {
            if (e.type == DiffType::Conflict) paths.push_back(e.path);
            return true;
        });
    (void)st; // best effort: the merge error itself is what the user must see
    return paths;
}

Status runMerge(CommandContext& ctx, const MergeArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri source, parseRefUri(ctx, a.source, RefKind::AnyRef));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri dest, parseRefUri(ctx, a.dest, RefKind::Branch));
    LAKESIDE_RETURN_IF_ERROR(sameRepository(source, dest));
    Result<Metadata> meta = parseMetadata(a.meta);
    if (!meta.ok()) return ctx.usage(meta.error().message);
    MergeParams p;
    p.message = a.message;
    p.metadata = *meta;
    p.strategy = a.strategy == "dest-wins" ? MergeStrategy::DestWins
               : a.strategy == "source-wins" ? MergeStrategy::SourceWins : MergeStrategy::None;
    p.squash_merge = a.squash;
    p.allow_empty = a.allowEmpty;
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    Result<MergeResult> merged = backend->merge(source.repository, source.ref, dest.ref, p);
    if (!merged.ok()) {
        Error e = merged.error();
        if (e.kind != ErrorKind::Conflict) return e;
        if (e.conflicts.empty()) e.conflicts = conflictingPaths(*backend, source, dest);
        e.message = "merging '" + source.ref + "' into '" + dest.ref + "' in repository '" + dest.repository + "' found " +
                    std::to_string(e.conflicts.size()) + " conflict" + (e.conflicts.size() == 1 ? "" : "s") + "; '" +
                    dest.ref + "' is unchanged. Resolve them, or merge with --strategy dest-wins|source-wins (" +
                    e.message + ")";
        return e;
    }
    if (ctx.json()) {
        ctx.printJson(mergeResultJson(*merged));
        return {};
    }
    ctx.out << "Source: " << source.toString() << '\n'
            << "Destination: " << dest.toString() << '\n'
            << "Merged \"" << source.ref << "\" into \"" << dest.ref << "\" to get \"" << merged->reference << "\".\n";
    return {};
}

Status runFindMergeBase(CommandContext& ctx, const BaseArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri left, parseRefUri(ctx, a.a, RefKind::AnyRef));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri right, parseRefUri(ctx, a.b, RefKind::AnyRef));
    LAKESIDE_RETURN_IF_ERROR(sameRepository(left, right));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(FindMergeBaseResult r, backend->findMergeBase(left.repository, left.ref, right.ref));
    if (ctx.json()) {
        ctx.printJson(findMergeBaseJson(r));
        return {};
    }
    ctx.out << "Source:       " << left.toString() << " (" << r.source_commit_id << ")\n"
            << "Destination:  " << right.toString() << " (" << r.destination_commit_id << ")\n"
            << "Merge base:   " << r.base_commit_id << '\n';
    return {};
}

Status runCherryPick(CommandContext& ctx, const PickArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri commit, parseRefUri(ctx, a.commit, RefKind::AnyRef));
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri branch, parseRefUri(ctx, a.branch, RefKind::Branch));
    LAKESIDE_RETURN_IF_ERROR(sameRepository(commit, branch));
    if (a.parentNumber < 0) return ctx.usage("--parent-number must be 1 or more");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Commit c, backend->cherryPick(branch.repository, branch.ref, commit.ref, a.parentNumber));
    if (ctx.json()) {
        ctx.printJson(c);
        return {};
    }
    ctx.out << "Branch: " << branch.toString() << '\n'
            << "commit " << commit.ref << " successfully cherry-picked\n\n";
    printCommit(ctx.out, c);
    return {};
}

} // namespace

void addMergeCommands(CLI::App& app, CommandContext& ctx)
{
    auto merge = std::make_shared<MergeArgs>();
    CLI::App* m = app.add_subcommand("merge", "Merge a ref into a branch (three-way, always a merge commit)");
    m->add_option("source", merge->source, "lakefs://REPO/SOURCE_REF")->required();
    m->add_option("destination", merge->dest, "lakefs://REPO/DESTINATION_BRANCH")->required();
    m->add_option("--strategy", merge->strategy, "How to decide conflicts (default: report them and merge nothing)")
        ->check(CLI::IsMember({"dest-wins", "source-wins"}));
    m->add_option("--message,-m", merge->message, "Commit message (default: \"Merge 'SOURCE' into 'DEST'\")");
    addMetaOption(m, merge->meta);
    m->add_flag("--squash", merge->squash, "One-parent merge commit");
    m->add_flag("--allow-empty", merge->allowEmpty, "Merge even when the source brings no changes");
    onRun(m, ctx, [&ctx, merge] { return runMerge(ctx, *merge); });

    auto base = std::make_shared<BaseArgs>();
    CLI::App* b = app.add_subcommand("find-merge-base", "Show the best common ancestor of two refs");
    b->add_option("source", base->a, "lakefs://REPO/REF")->required();
    b->add_option("destination", base->b, "lakefs://REPO/REF")->required();
    onRun(b, ctx, [&ctx, base] { return runFindMergeBase(ctx, *base); });

    auto pick = std::make_shared<PickArgs>();
    CLI::App* c = app.add_subcommand("cherry-pick", "Apply one commit's changes to a branch as a new commit");
    c->add_option("commit", pick->commit, "lakefs://REPO/COMMIT_REF")->required();
    c->add_option("branch", pick->branch, "lakefs://REPO/BRANCH")->required();
    c->add_option("--parent-number,-m", pick->parentNumber, "For a merge commit: the parent (1-based) to diff against");
    onRun(c, ctx, [&ctx, pick] { return runCherryPick(ctx, *pick); });
}

} // namespace lakeside::cli
