// SPDX-License-Identifier: Apache-2.0
// review show: everything a reviewer decides on, in one place: the request
// and its reviews, the approvals branch protection asks for, what the merge
// would bring (three-dot diff destination...source), conflicts, and the
// latest pre-merge check run for the source's head with each hook's log.
#include "commands.h"
#include "output.h"
#include "reviewoutput.h"
#include "uriargs.h"

#include <algorithm>
#include <map>
#include <optional>

namespace lakeside::cli {
namespace {

constexpr size_t kListedChanges = 50; // text output lists this many paths, then points to `diff`

struct ShowArgs {
    std::string uri;
    std::string id;
};

struct MergePreview {
    std::vector<DiffEntry> entries;
    std::map<DiffType, int> counts;
    std::vector<std::string> conflicts;
    std::string error; // the diff could not be computed (e.g. the source branch was deleted)
};

MergePreview previewMerge(Backend& backend, const std::string& repo, const PullRequest& pr)
{
    MergePreview m;
    Status st = forEachPage<DiffEntry>(
        [&](const std::string& after) {
            DiffParams p;
            p.after = after;
            p.amount = 1000;
            p.type = DiffKind::ThreeDot;
            return backend.diffRefs(repo, pr.destination_branch, pr.source_branch, p);
        },
        [&](const DiffEntry& e) {
            ++m.counts[e.type];
            if (e.type == DiffType::Conflict) m.conflicts.push_back(e.path);
            m.entries.push_back(e);
            return true;
        });
    if (!st.ok()) m.error = st.message();
    return m;
}

struct Checks {
    std::optional<ActionRun> run;
    std::vector<HookRun> hooks;
    std::string sourceHead;
};

// The newest pre-merge run into the destination for the source's current head:
// what the checks said about exactly what would be merged now.
Checks latestChecks(Backend& backend, const std::string& repo, const PullRequest& pr)
{
    Checks c;
    Result<Ref> head = backend.getBranch(repo, pr.source_branch);
    if (!head.ok()) return c;
    c.sourceHead = head->commit_id;
    (void)forEachPage<ActionRun>(
        [&](const std::string& after) {
            ListParams p;
            p.after = after;
            p.amount = 1000;
            return backend.listActionRuns(repo, pr.destination_branch, c.sourceHead, p);
        },
        [&](const ActionRun& r) {
            if (r.event_type != "pre-merge") return true;
            c.run = r; // runs are listed newest first
            return false;
        }); // best effort: a backend without actions simply shows no checks
    if (c.run) {
        Result<std::vector<HookRun>> hooks = allHookRuns(backend, repo, c.run->run_id);
        if (hooks.ok()) c.hooks = *hooks;
    }
    return c;
}

// Why `review merge` would refuse now, in the order it checks (a check that
// has not run yet is no blocker: it runs as part of the merge).
std::vector<std::string> mergeBlockers(const PullRequest& pr, const std::vector<Review>& reviews, int required,
                                       const MergePreview& m, const Checks& c)
{
    std::vector<std::string> blockers;
    if (pr.status != PullStatus::Open) return {"the request is " + std::string(pullStatusName(pr.status))};
    if (c.run && c.run->status == "failed")
        blockers.push_back("pre-merge checks failed (run " + c.run->run_id + ")");
    std::vector<std::string> approvers;
    std::string changesBy;
    for (const Review& r : reviews) {
        if (r.verdict == ReviewVerdict::Approve) {
            changesBy.clear();
            if (std::find(approvers.begin(), approvers.end(), r.author) == approvers.end()) approvers.push_back(r.author);
        } else if (r.verdict == ReviewVerdict::RequestChanges) {
            changesBy = r.author;
        }
    }
    if (!changesBy.empty()) blockers.push_back(changesBy + " requested changes after the latest approval");
    if (static_cast<int>(approvers.size()) < required)
        blockers.push_back(std::to_string(approvers.size()) + " of " + std::to_string(required) + " required approvals");
    if (!m.conflicts.empty())
        blockers.push_back(std::to_string(m.conflicts.size()) + " unresolved conflict" + (m.conflicts.size() == 1 ? "" : "s"));
    return blockers;
}

Json showJson(const PullRequest& pr, const std::vector<Review>& reviews, int required, const MergePreview& m,
              const Checks& c)
{
    Json j = pullWithReviewsJson(pr, reviews);
    j["required_approvals"] = required;
    Json summary = Json::object();
    for (DiffType t : {DiffType::Added, DiffType::Removed, DiffType::Changed, DiffType::Conflict})
        summary[diffTypeName(t)] = m.counts.count(t) ? m.counts.at(t) : 0;
    j["merge_summary"] = summary;
    j["conflicts"] = m.conflicts;
    j["pre_merge_run"] = c.run ? Json(*c.run) : Json(nullptr);
    j["pre_merge_hooks"] = c.hooks;
    const std::vector<std::string> blockers = mergeBlockers(pr, reviews, required, m, c);
    j["mergeable"] = blockers.empty();
    j["merge_blockers"] = blockers;
    return j;
}

void printText(std::ostream& out, Backend& backend, const std::string& repo, const PullRequest& pr,
               const std::vector<Review>& reviews, int required, const MergePreview& m, const Checks& c)
{
    out << "Pull request " << pr.id << '\n'
        << "Title:       " << pr.title << '\n'
        << "Status:      " << pullStatusName(pr.status) << '\n'
        << "Author:      " << pr.author << '\n'
        << "Source:      " << pr.source_branch << " -> " << pr.destination_branch << '\n'
        << "Created:     " << pr.creation_date << '\n';
    if (!pr.closed_date.empty()) out << "Closed:      " << pr.closed_date << '\n';
    if (!pr.merged_commit_id.empty()) out << "Merged as:   " << pr.merged_commit_id << '\n';
    if (!pr.description.empty()) out << '\n' << pr.description << '\n';

    out << "\nReviews (" << reviews.size() << "):\n";
    int approvals = 0;
    std::vector<std::string> approvers;
    for (const Review& r : reviews) {
        out << "  " << r.created << "  " << r.author << "  " << verdictText(r.verdict)
            << (r.comment.empty() ? "" : ": " + r.comment) << '\n';
        if (r.verdict == ReviewVerdict::Approve &&
            std::find(approvers.begin(), approvers.end(), r.author) == approvers.end()) {
            approvers.push_back(r.author);
            ++approvals;
        }
    }
    out << "Approvals:   " << approvals << " of " << required << " required by branch protection on '"
        << pr.destination_branch << "'\n";

    out << "\nWhat the merge would bring (" << pr.destination_branch << "..." << pr.source_branch << "): ";
    if (pr.status != PullStatus::Open) {
        out << "nothing, the request is " << pullStatusName(pr.status) << '\n';
    } else if (!m.error.empty()) {
        out << "unknown (" << m.error << ")\n";
    } else {
        auto n = [&](DiffType t) { return m.counts.count(t) ? m.counts.at(t) : 0; };
        out << n(DiffType::Added) << " added, " << n(DiffType::Changed) + n(DiffType::PrefixChanged) << " changed, "
            << n(DiffType::Removed) << " removed, " << n(DiffType::Conflict) << " conflicting\n";
        for (size_t i = 0; i < m.entries.size() && i < kListedChanges; ++i)
            out << "  " << diffTypeName(m.entries[i].type) << ' ' << m.entries[i].path << '\n';
        if (m.entries.size() > kListedChanges)
            out << "  ... and " << m.entries.size() - kListedChanges << " more (lakeside-cli diff lakefs://" << repo
                << '/' << pr.destination_branch << " lakefs://" << repo << '/' << pr.source_branch << ")\n";
    }
    if (!m.conflicts.empty())
        out << "Conflicts (" << m.conflicts.size()
            << "): resolve them on the branches or merge with --strategy dest-wins|source-wins\n";
    for (const std::string& p : m.conflicts) out << "  ! " << p << '\n';

    const std::vector<std::string> blockers = mergeBlockers(pr, reviews, required, m, c);
    out << "\nMergeable:   ";
    if (blockers.empty()) out << "yes";
    else {
        out << "no: ";
        for (size_t i = 0; i < blockers.size(); ++i) out << (i ? "; " : "") << blockers[i];
    }
    out << '\n';

    out << "\nPre-merge checks";
    if (!c.sourceHead.empty()) out << " for " << pr.source_branch << " at " << c.sourceHead;
    if (!c.run) {
        out << ": not run yet (they run when the request is merged)\n";
        return;
    }
    out << ": run " << c.run->run_id << ' ' << c.run->status << '\n';
    printHookRuns(out, c.hooks,
                  [&](const HookRun& h) { return backend.getHookOutput(repo, c.run->run_id, h.hook_run_id); });
}

Status runShow(CommandContext& ctx, const ShowArgs& a)
{
    LAKESIDE_ASSIGN_OR_RETURN(LakeFsUri uri, parseRepoUri(ctx, a.uri));
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());
    LAKESIDE_ASSIGN_OR_RETURN(const std::string id, resolvePullId(*backend, uri.repository, a.id));
    LAKESIDE_ASSIGN_OR_RETURN(PullRequest pr, backend->getPull(uri.repository, id));
    Result<std::vector<Review>> reviews = backend->listReviews(uri.repository, id);
    if (!reviews.ok() && reviews.error().kind != ErrorKind::NotImplemented) return reviews.error();
    const std::vector<Review> list = reviews.ok() ? *reviews : std::vector<Review>{};
    int required = 0;
    if (Result<Backend::ProtectionRules> rules = backend->getBranchProtection(uri.repository); rules.ok())
        required = requiredApprovals(*rules, pr.destination_branch);
    const MergePreview preview = pr.status == PullStatus::Open ? previewMerge(*backend, uri.repository, pr) : MergePreview{};
    const Checks checks = latestChecks(*backend, uri.repository, pr);
    if (ctx.json())
        ctx.printJson(showJson(pr, list, required, preview, checks));
    else
        printText(ctx.out, *backend, uri.repository, pr, list, required, preview, checks);
    return {};
}

} // namespace

void addReviewShowCommand(CLI::App& review, CommandContext& ctx)
{
    auto args = std::make_shared<ShowArgs>();
    CLI::App* s = review.add_subcommand(
        "show", "Show a review request: reviews, what the merge would bring, conflicts, pre-merge check results");
    s->add_option("repository", args->uri, "lakefs://REPO")->required();
    s->add_option("id", args->id, "Pull request id, or a unique prefix of one")->required();
    onRun(s, ctx, [&ctx, args] { return runShow(ctx, *args); });
}

} // namespace lakeside::cli
