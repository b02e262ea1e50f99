// SPDX-License-Identifier: Apache-2.0
// branch-protect add|delete|list: lakeFS's branch protection rules (glob
// patterns; direct writes and commits refused, merges allowed) plus Lakeside's
// approvals-per-rule option. Changes are read-modify-write guarded by the
// rules' ETag, so two concurrent edits never silently drop one another.
#include "commands.h"
#include "output.h"
#include "reviewoutput.h"
#include "uriargs.h"

#include <algorithm>

namespace lakeside::cli {
namespace {

struct RuleArgs {
    std::string uri;
    std::string pattern;
    int approvals = -1; // -1: not given
};

struct ListArgs {
    std::string uri;
};

Status printRules(CommandContext& ctx, const std::string& repo, const Backend::ProtectionRules& rules)
{
    if (ctx.json()) {
        ctx.printJson(protectionRulesJson(rules));
        return {};
    }
    if (rules.patterns.empty()) {
        ctx.out << "No branch protection rules in repository '" << repo << "'\n";
        return {};
    }
    std::vector<std::vector<std::string>> rows;
    for (const Json& r : protectionRulesJson(rules))
        rows.push_back({r["pattern"].get<std::string>(), std::to_string(r["required_approvals"].get<int>())});
    printTable(ctx.out, {"PATTERN", "REQUIRED APPROVALS"}, rows);
    return {};
}

Status stale(Error e, const std::string& repo)
{
    if (e.kind == ErrorKind::PreconditionFailed)
        e.message = "branch protection of repository '" + repo + "' changed while editing it; run the command again (" +
                    e.message + ")";
    return e;
}

Status runAdd(CommandContext& ctx, const RuleArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    if (a.pattern.empty()) return ctx.usage("the branch pattern must not be empty");
    if (a.approvals < -1) return ctx.usage("--required-approvals must be 0 or more");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Backend::ProtectionRules rules, backend->getBranchProtection(uri.repository));
    const bool existed = std::find(rules.patterns.begin(), rules.patterns.end(), a.pattern) != rules.patterns.end();
    if (!existed) rules.patterns.push_back(a.pattern);
    if (a.approvals > 0) rules.required_approvals[a.pattern] = a.approvals;
    else if (a.approvals == 0) rules.required_approvals.erase(a.pattern);
    if (Status st = backend->setBranchProtection(uri.repository, rules, rules.etag); !st.ok())
        return stale(st.error(), uri.repository);
    LAKESIDE_ASSIGN_OR_RETURN(Backend::ProtectionRules now, backend->getBranchProtection(uri.repository));
    if (!ctx.json()) {
        const int required = now.required_approvals.count(a.pattern) ? now.required_approvals.at(a.pattern) : 0;
        ctx.out << (existed ? "Updated" : "Added") << " branch protection rule '" << a.pattern << "' in repository '"
                << uri.repository << "': direct writes and commits refused, merges need " << required << " approval"
                << (required == 1 ? "" : "s") << '\n';
        return {};
    }
    return printRules(ctx, uri.repository, now);
}

Status runDelete(CommandContext& ctx, const RuleArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Backend::ProtectionRules rules, backend->getBranchProtection(uri.repository));
    auto it = std::find(rules.patterns.begin(), rules.patterns.end(), a.pattern);
    if (it == rules.patterns.end())
        return makeError(ErrorKind::NotFound,
                         "no branch protection rule '" + a.pattern + "' in repository '" + uri.repository + "'");
    rules.patterns.erase(it);
    rules.required_approvals.erase(a.pattern);
    if (Status st = backend->setBranchProtection(uri.repository, rules, rules.etag); !st.ok())
        return stale(st.error(), uri.repository);
    if (!ctx.json())
        ctx.out << "Deleted branch protection rule '" << a.pattern << "' in repository '" << uri.repository << "'\n";
    return {};
}

Status runList(CommandContext& ctx, const ListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(Backend::ProtectionRules rules, backend->getBranchProtection(uri.repository));
    return printRules(ctx, uri.repository, rules);
}

} // namespace

void addBranchProtectCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* bp = app.add_subcommand(
        "branch-protect", "Branch protection rules: matching branches refuse direct writes and commits, merges stay allowed");
    bp->require_subcommand(1);

    auto add = std::make_shared<RuleArgs>();
    CLI::App* a = bp->add_subcommand("add", "Protect branches matching a glob pattern (adding an existing one updates it)");
    a->add_option("repository", add->uri, "lakefs://REPO")->required();
    a->add_option("pattern", add->pattern, "Branch name glob, e.g. main or release-*")->required();
    a->add_option("--required-approvals", add->approvals,
                  "Approvals a review merge into a matching branch needs (Lakeside option; default 0)");
    onRun(a, ctx, [&ctx, add] { return runAdd(ctx, *add); });

    auto del = std::make_shared<RuleArgs>();
    CLI::App* d = bp->add_subcommand("delete", "Remove a protection rule");
    d->add_option("repository", del->uri, "lakefs://REPO")->required();
    d->add_option("pattern", del->pattern, "The rule's pattern, exactly as listed")->required();
    onRun(d, ctx, [&ctx, del] { return runDelete(ctx, *del); });

    auto list = std::make_shared<ListArgs>();
    CLI::App* l = bp->add_subcommand("list", "List the protection rules of a repository");
    l->add_option("repository", list->uri, "lakefs://REPO")->required();
    onRun(l, ctx, [&ctx, list] { return runList(ctx, *list); });
}

} // namespace lakeside::cli
