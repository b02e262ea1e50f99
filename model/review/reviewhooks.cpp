// SPDX-License-Identifier: Apache-2.0
// ReviewBackend::runHooks: load `_lakefs_actions/*`, run matching actions and
// record the run (REFERENCE.md §8.2-§8.4).
#include "review/reviewbackend.h"

#include "review/actionconfig.h"
#include "review/builtincheck.h"
#include "review/reviewids.h"
#include "review/reviewstore.h"
#include "review/webhook.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace lakeside {

using std::string;

namespace {

Result<std::vector<review::ActionSpec>> loadActions(Backend& b, const string& repo, const string& ref)
{
    std::vector<review::ActionSpec> out;
    std::vector<string> files;
    ListParams lp;
    lp.prefix = "_lakefs_actions/";
    lp.amount = 1000;
    LAKESIDE_RETURN_IF_ERROR(forEachPage<ObjectStats>(
        [&](const string& after) {
            lp.after = after;
            return b.listObjects(repo, ref, lp, "/");
        },
        [&](const ObjectStats& o) {
            if (o.path_type == PathType::Object) files.push_back(o.path);
            return true;
        }));
    for (const string& f : files) {
        string text;
        LAKESIDE_RETURN_IF_ERROR(b.getObject(repo, ref, f, [&](const char* d, int64_t n) {
            text.append(d, static_cast<size_t>(n));
            return true;
        }));
        auto a = review::parseAction(f, text);
        if (!a.ok()) return a.error();
        for (const auto& other : out)
            if (other.name == a->name)
                return makeError(ErrorKind::InvalidArgument,
                                 "action file '" + f + "': action name '" + a->name + "' is also used by '" + other.file + "'");
        out.push_back(std::move(*a));
    }
    return out;
}

string hookRunId(size_t action, size_t hook)
{
    char b[48];
    std::snprintf(b, sizeof b, "%04zu_%04zu", action, hook);
    return b;
}

} // namespace

Status ReviewBackend::runHooks(const string& repo, const string& event, const string& branch, const string& sourceRef,
                               const string& readRef, const string& message, const Metadata& metadata,
                               string* recordedRunId)
{
    auto actions = loadActions(*m_inner, repo, readRef);
    if (!actions.ok()) {
        Error e = actions.error();
        e.message = event + " hook aborted: cannot load actions at '" + readRef + "': " + e.message;
        if (e.kind == ErrorKind::InvalidArgument) e.kind = ErrorKind::Internal; // lakeFS answers 500 here
        return e;
    }
    std::vector<const review::ActionSpec*> matching;
    for (const auto& a : *actions)
        if (a.matches(event, branch)) matching.push_back(&a);
    if (matching.empty()) return {};

    ActionRun run;
    run.run_id = review::newId();
    run.branch = branch;
    run.event_type = event;
    run.start_time = review::nowRfc3339();
    if (event == "pre-merge") {
        if (auto c = m_inner->getCommit(repo, sourceRef); c.ok()) run.commit_id = c->id;
    }
    std::vector<string> errors;
    for (size_t ai = 0; ai < matching.size(); ++ai) {
        const review::ActionSpec& a = *matching[ai];
        bool failed = false;
        for (size_t hi = 0; hi < a.hooks.size(); ++hi) {
            const review::HookSpec& h = a.hooks[hi];
            review::StoredHookRun hr;
            hr.run.hook_run_id = hookRunId(ai, hi);
            hr.run.action = a.name;
            hr.run.hook_id = h.id;
            hr.run.start_time = review::nowRfc3339();
            review::HookOutcome outcome;
            if (failed) {
                hr.run.status = "skipped";
            } else {
                if (h.type == "webhook") {
                    nlohmann::json ev = {{"event_type", event},        {"event_time", hr.run.start_time},
                                         {"action_name", a.name},      {"hook_id", h.id},
                                         {"repository_id", repo},      {"branch_id", branch},
                                         {"source_ref", event == "pre-merge" ? sourceRef : branch},
                                         {"commit_message", message},  {"committer", userName()},
                                         {"commit_metadata", metadata}};
                    if (event == "pre-merge") ev["merge_source"] = sourceRef;
                    outcome = review::runWebhook(h, ev.dump());
                } else if (h.type == "lakeside_check") {
                    outcome = review::runBuiltinCheck(*m_inner, repo, readRef, h);
                } else {
                    outcome = {false, "hook type '" + h.type + "' is not supported by Lakeside's embedded engine\n"};
                }
                hr.run.status = outcome.ok ? "completed" : "failed";
                hr.output = outcome.output;
                if (!outcome.ok) {
                    failed = true;
                    string detail = outcome.output;
                    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
                    if (auto nl = detail.find("FAIL "); nl != string::npos) detail = detail.substr(nl + 5);
                    if (auto nl = detail.find('\n'); nl != string::npos) detail = detail.substr(0, nl) + " (see hook output)";
                    errors.push_back("hook run id '" + hr.run.hook_run_id + "' failed on action '" + a.name +
                                     "' hook '" + h.id + "': " + detail);
                }
            }
            hr.run.end_time = review::nowRfc3339();
            LAKESIDE_RETURN_IF_ERROR(m_store->putHookRun(repo, run.run_id, hr));
        }
    }
    run.end_time = review::nowRfc3339();
    run.status = errors.empty() ? "completed" : "failed";
    LAKESIDE_RETURN_IF_ERROR(m_store->putRun(repo, run));
    if (recordedRunId) *recordedRunId = run.run_id;
    if (errors.empty()) return {};
    string msg = event + " hook aborted, run id '" + run.run_id + "': " + std::to_string(errors.size()) +
                 (errors.size() == 1 ? " error occurred:\n" : " errors occurred:\n");
    for (size_t i = 0; i < errors.size(); ++i) msg += (i ? "\n" : "") + ("\t* " + errors[i]);
    Error e = makeError(ErrorKind::PreconditionFailed, msg);
    e.runId = run.run_id;
    return e;
}

} // namespace lakeside
