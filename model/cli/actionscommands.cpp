// SPDX-License-Identifier: Apache-2.0
// actions validate FILE | actions runs list | actions runs describe
// Validation reads the file the way the hooks would (model/review/actionconfig.h)
// and then checks what lakeFS and the embedded engine would reject only when
// the hook runs: unknown events and hook types, missing webhook urls, and
// malformed `lakeside_check` properties.
#include "commands.h"
#include "output.h"
#include "reviewoutput.h"
#include "uriargs.h"

#include "review/actionconfig.h"

#include <fstream>
#include <set>
#include <sstream>

namespace lakeside::cli {
namespace {

struct ValidateArgs {
    std::string file;
};

struct RunsListArgs {
    std::string uri;
    std::string branch;
    std::string commit;
    int amount = 0;
    std::string after;
};

struct DescribeArgs {
    std::string uri;
    std::string runId;
};

const std::set<std::string>& lakeFsEvents()
{
    static const std::set<std::string> events = {
        "prepare-commit",     "pre-commit",         "post-commit",       "pre-merge",         "post-merge",
        "pre-create-branch",  "post-create-branch", "pre-delete-branch", "post-delete-branch", "pre-create-tag",
        "post-create-tag",    "pre-delete-tag",     "post-delete-tag",   "pre-revert",        "post-revert",
        "pre-cherry-pick",    "post-cherry-pick"};
    return events;
}

bool isWholeNumber(const std::string& s)
{
    if (s.empty() || s.size() > 18) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

void checkBuiltin(const review::HookSpec& h, std::vector<std::string>& errors)
{
    static const std::set<std::string> known = {"paths",    "allowed_formats", "path_patterns", "max_size_bytes",
                                                "required_columns", "not_null", "unique",   "min_rows", "max_rows"};
    static const std::set<std::string> numbers = {"max_size_bytes", "min_rows", "max_rows"};
    const std::string where = "hook '" + h.id + "': ";
    for (const auto& [key, value] : h.properties) {
        if (!known.count(key)) {
            std::string list;
            for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
            errors.push_back(where + "unknown lakeside_check property '" + key + "' (known: " + list + ")");
        } else if (numbers.count(key) && !isWholeNumber(value.scalar)) {
            errors.push_back(where + "property '" + key + "' must be a whole number, not '" + value.scalar + "'");
        } else if (key == "required_columns" && value.map.empty() && value.list.empty()) {
            errors.push_back(where + "property 'required_columns' must map column names to types (or list names)");
        }
    }
    if (h.properties.empty()) errors.push_back(where + "lakeside_check needs at least one property to check");
}

// What parseAction accepts but a run would reject (errors) or not run (notes).
void checkAction(const review::ActionSpec& a, std::vector<std::string>& errors, std::vector<std::string>& notes)
{
    for (const auto& [event, spec] : a.on) {
        if (!lakeFsEvents().count(event)) {
            errors.push_back("unknown event '" + event + "'");
            continue;
        }
        if (event.find("-tag") != std::string::npos && !spec.branches.empty())
            errors.push_back("event '" + event + "' cannot have 'branches' (tag events match no branch)");
        if (event != "pre-commit" && event != "pre-merge")
            notes.push_back("event '" + event + "' is not run by Lakeside's embedded engine (a lakeFS server runs it)");
    }
    for (const review::HookSpec& h : a.hooks) {
        const auto has = [&](const char* k) { return h.properties.count(k) > 0; };
        if (h.type == "webhook") {
            if (!has("url")) errors.push_back("hook '" + h.id + "': webhook needs a 'url' property");
        } else if (h.type == "lakeside_check") {
            checkBuiltin(h, errors);
        } else if (h.type == "lua" || h.type == "airflow") {
            if (h.type == "lua" && !has("script") && !has("script_path"))
                errors.push_back("hook '" + h.id + "': lua needs a 'script' or 'script_path' property");
            if (h.type == "airflow")
                for (const char* k : {"url", "dag_id", "username", "password"})
                    if (!has(k)) errors.push_back("hook '" + h.id + "': airflow needs a '" + std::string(k) + "' property");
            notes.push_back("hook '" + h.id + "': type '" + h.type +
                            "' runs on a lakeFS server only; on the embedded engine it fails as not supported");
        } else {
            errors.push_back("hook '" + h.id + "': unknown hook type '" + h.type +
                             "' (webhook, lua, airflow, or Lakeside's lakeside_check)");
        }
    }
}

Status runValidate(CommandContext& ctx, const ValidateArgs& a)
{
    std::ifstream in(a.file, std::ios::binary);
    if (!in) return makeError(ErrorKind::NotFound, "action file '" + a.file + "': cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    Result<review::ActionSpec> parsed = review::parseAction(a.file, text.str());
    std::vector<std::string> errors, notes;
    if (!parsed.ok()) errors.push_back(parsed.error().message);
    else checkAction(*parsed, errors, notes);

    if (ctx.json()) {
        Json j{{"file", a.file}, {"valid", errors.empty()}, {"errors", errors}, {"notes", notes}};
        if (parsed.ok()) {
            j["name"] = parsed->name;
            Json hooks = Json::array();
            for (const auto& h : parsed->hooks) hooks.push_back(Json{{"id", h.id}, {"type", h.type}});
            j["hooks"] = hooks;
        }
        ctx.printJson(j);
    } else if (errors.empty()) {
        ctx.out << a.file << ": valid action '" << parsed->name << "' (" << parsed->hooks.size() << " hook"
                << (parsed->hooks.size() == 1 ? "" : "s") << "; on";
        for (const auto& [event, spec] : parsed->on) {
            ctx.out << ' ' << event;
            if (!spec.branches.empty()) {
                ctx.out << " [";
                for (size_t i = 0; i < spec.branches.size(); ++i) ctx.out << (i ? ", " : "") << spec.branches[i];
                ctx.out << ']';
            }
        }
        ctx.out << ")\n";
        for (const std::string& n : notes) ctx.out << "note: " << n << '\n';
    }
    if (errors.empty()) return {};
    if (!parsed.ok()) return parsed.error(); // already "action file 'F': why"
    std::string msg = "action file '" + a.file + "' is invalid (" + std::to_string(errors.size()) + " problem" +
                      (errors.size() == 1 ? "" : "s") + "):";
    for (const std::string& e : errors) msg += "\n  " + a.file + ": " + e;
    return makeError(ErrorKind::InvalidArgument, msg);
}

Status runRunsList(CommandContext& ctx, const RunsListArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    if (!a.branch.empty()) LAKESIDE_RETURN_IF_ERROR(validateBranchId(a.branch));
    if (a.amount < 0) return ctx.usage("--amount must be positive");
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    auto fetch = [&](const std::string& after, int amount) {
        ListParams p;
        p.after = after;
        p.amount = amount;
        return backend->listActionRuns(uri.repository, a.branch, a.commit, p);
    };
    auto key = [](const ActionRun& r) { return r.run_id; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<ActionRun> page, gatherPages<ActionRun>(fetch, key, a.amount, a.after));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    if (page.results.empty()) {
        ctx.out << "No action runs in repository '" << uri.repository << "'"
                << (a.branch.empty() ? std::string() : " on branch '" + a.branch + "'") << '\n';
        return {};
    }
    printRunTable(ctx.out, page.results);
    if (page.has_more) ctx.out << "(more runs: use --after " << page.next_offset << ")\n";
    return {};
}

Status runDescribe(CommandContext& ctx, const DescribeArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(ActionRun run, backend->getActionRun(uri.repository, a.runId));
    LAKESIDE_ASSIGN_OR_RETURN(std::vector<HookRun> hooks, allHookRuns(*backend, uri.repository, a.runId));
    auto output = [&](const HookRun& h) { return backend->getHookOutput(uri.repository, a.runId, h.hook_run_id); };
    if (ctx.json()) {
        // lakeFS's HookRunList; each hook also carries its log as "output".
        Page<HookRun> page;
        page.results = hooks;
        Json j = pageToJson(page);
        for (size_t i = 0; i < hooks.size(); ++i) {
            Result<std::string> log = output(hooks[i]);
            j["results"][i]["output"] = log.ok() ? *log : std::string();
        }
        ctx.printJson(j);
        return {};
    }
    ctx.out << "Run ID:     " << run.run_id << '\n'
            << "Event:      " << run.event_type << '\n'
            << "Branch:     " << run.branch << '\n'
            << "Commit ID:  " << run.commit_id << '\n'
            << "Status:     " << run.status << '\n'
            << "Start time: " << run.start_time << '\n'
            << "End time:   " << run.end_time << '\n'
            << "\nHooks (" << hooks.size() << "):\n";
    printHookRuns(ctx.out, hooks, output);
    return {};
}

} // namespace

void addActionsCommands(CLI::App& app, CommandContext& ctx)
{
    CLI::App* actions = app.add_subcommand("actions", "lakeFS actions: validate action files, inspect hook runs");
    actions->require_subcommand(1);

    auto validate = std::make_shared<ValidateArgs>();
    CLI::App* v = actions->add_subcommand("validate", "Check a local action file (_lakefs_actions/*.yaml format)");
    v->add_option("file", validate->file, "Action YAML file")->required();
    onRun(v, ctx, [&ctx, validate] { return runValidate(ctx, *validate); });

    CLI::App* runs = actions->add_subcommand("runs", "Hook runs of pre-commit and pre-merge events");
    runs->require_subcommand(1);

    auto list = std::make_shared<RunsListArgs>();
    CLI::App* l = runs->add_subcommand("list", "List action runs, newest first (every page unless --amount)");
    l->add_option("repository", list->uri, "lakefs://REPO")->required();
    l->add_option("--branch", list->branch, "Only runs on this branch (a merge's destination)");
    l->add_option("--commit", list->commit, "Only runs for this commit id");
    l->add_option("--amount", list->amount, "At most this many runs");
    l->add_option("--after", list->after, "Start after this run id");
    onRun(l, ctx, [&ctx, list] { return runRunsList(ctx, *list); });

    auto describe = std::make_shared<DescribeArgs>();
    CLI::App* d = runs->add_subcommand("describe", "Show one run's hooks with status and output");
    d->add_option("repository", describe->uri, "lakefs://REPO")->required();
    d->add_option("run_id", describe->runId, "Run id (from 'actions runs list' or a blocked merge)")->required();
    onRun(d, ctx, [&ctx, describe] { return runDescribe(ctx, *describe); });
}

} // namespace lakeside::cli
