// SPDX-License-Identifier: Apache-2.0
// Acceptance scenarios beyond the core flow: log filters, concurrency,
// protected branches, pull requests and action runs.
#include "tst_acceptance.h"

#include <atomic>
#include <thread>

using namespace lakeside;
using namespace acceptance;

void TestAcceptance::logFilters()
{
    BACKEND_OR_SKIP(b);
    CHECK(put(*b, repo, "main", "a/1", "1"));
    auto c1 = commit(*b, repo, "main", "touch a");
    CHECK(c1);
    CHECK(put(*b, repo, "main", "b/1", "1"));
    CHECK(commit(*b, repo, "main", "touch b"));
    CHECK(put(*b, repo, "main", "a/2", "2"));
    CHECK(commit(*b, repo, "main", "touch a again"));
    auto messages = [&](const LogParams& p) {
        StringList out;
        auto page = b->logCommits(repo, "main", p);
        if (page.ok())
            for (const Commit& c : page->results) out.push_back(c.message);
        else
            out.push_back(std::string("error: ") + page.error().message);
        return out;
    };
    LogParams byPrefix;
    byPrefix.prefixes = {"a/"};
    QCOMPARE(messages(byPrefix), (StringList{"touch a again", "touch a"}));
    LogParams byObjects;
    byObjects.objects = {"b/1", "a/1"};
    QCOMPARE(messages(byObjects), (StringList{"touch b", "touch a"}));
    LogParams blame;
    blame.objects = {"a/1"};
    blame.amount = 1;
    blame.limit = true;
    QCOMPARE(messages(blame), StringList{"touch a"});
    LogParams stop;
    stop.stop_at = c1->id;
    QCOMPARE(messages(stop), (StringList{"touch a again", "touch b", "touch a"}));
    LogParams future;
    future.since = int64_t(4102444800); // 2100-01-01
    QCOMPARE(messages(future), StringList{});
    LogParams paged;
    paged.amount = 2;
    auto first = b->logCommits(repo, "main", paged);
    CHECK(first);
    QVERIFY(first->has_more);
    paged.after = first->next_offset;
    auto second = b->logCommits(repo, "main", paged);
    CHECK(second);
    QCOMPARE(second->results.front().message, std::string("touch a"));
}

void TestAcceptance::concurrentCalls()
{
    BACKEND_OR_SKIP(b);
    // Backend calls are thread-safe: uploads and reads from several threads at once.
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                const std::string path = "t" + std::to_string(t) + "/" + std::to_string(i);
                if (!put(*b, repo, "main", path, path, "application/octet-stream").ok()) ++failures;
                auto back = read(*b, repo, "main", path);
                if (!back.ok() || *back != path) ++failures;
                if (!b->listBranches(repo, ListParams{}).ok()) ++failures;
            }
        });
    for (auto& th : threads) th.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(paths(*b, repo, "main")->size(), size_t(40));
}

void TestAcceptance::protectedBranches()
{
    BACKEND_OR_SKIP(b);
    auto rules = b->getBranchProtection(repo);
    if (!rules.ok() && rules.error().kind == ErrorKind::NotImplemented) QSKIP("this backend has no branch protection yet");
    CHECK(rules);
    Backend::ProtectionRules next = *rules;
    next.patterns = {"main"};
    CHECK(b->setBranchProtection(repo, next, rules->etag));
    const Status stale = b->setBranchProtection(repo, next, rules->etag);
    QVERIFY2(!stale.ok() && stale.kind() == ErrorKind::PreconditionFailed, stale.ok() ? "accepted a stale ETag" : stale.message().c_str());
    auto blocked = put(*b, repo, "main", "x", "x");
    QVERIFY(!blocked.ok());
    QCOMPARE(blocked.error().kind, ErrorKind::Forbidden);
    // The intended workflow: work on a branch, merge into the protected one.
    CHECK(b->createBranch(repo, "work", "main"));
    CHECK(put(*b, repo, "work", "x", "x"));
    CHECK(commit(*b, repo, "work", "on a branch"));
    CHECK(b->merge(repo, "work", "main", MergeParams{}));
    auto current = b->getBranchProtection(repo);
    CHECK(current);
    QCOMPARE(current->patterns, StringList{"main"});
    current->required_approvals["main"] = 2;
    CHECK(b->setBranchProtection(repo, *current, current->etag));
    QCOMPARE(b->getBranchProtection(repo)->required_approvals["main"], 2);
}

void TestAcceptance::pullRequests()
{
    BACKEND_OR_SKIP(b);
    CHECK(put(*b, repo, "main", "base", "b"));
    CHECK(commit(*b, repo, "main", "base"));
    CHECK(b->createBranch(repo, "feature", "main"));
    CHECK(put(*b, repo, "feature", "new", "n"));
    CHECK(commit(*b, repo, "feature", "feature work"));
    PullRequestCreation c{"Add new", "why", "feature", "main"};
    auto id = b->createPull(repo, c);
    if (!id.ok() && id.error().kind == ErrorKind::NotImplemented) QSKIP("this backend has no review requests yet");
    CHECK(id);
    QCOMPARE(b->createPull(repo, PullRequestCreation{"x", "", "main", "main"}).error().kind, ErrorKind::InvalidArgument);
    auto second = b->createPull(repo, PullRequestCreation{"Second", "", "feature", "main"});
    CHECK(second);
    auto open = b->listPulls(repo, "open", ListParams{"", "", 1});
    CHECK(open);
    QCOMPARE(open->results.size(), size_t(1));
    QCOMPARE(open->results.front().id, *second); // newest first
    QVERIFY(open->has_more);
    PullRequestUpdate close;
    close.status = PullStatus::Closed;
    CHECK(b->updatePull(repo, *second, close));
    PullRequestUpdate retitle;
    retitle.title = "Add the new file";
    CHECK(b->updatePull(repo, *id, retitle));
    auto pr = b->getPull(repo, *id);
    CHECK(pr);
    QCOMPARE(pr->title, std::string("Add the new file"));
    QCOMPARE(pr->description, std::string("why"));
    QCOMPARE(pr->status, PullStatus::Open);
    Review approve;
    approve.verdict = ReviewVerdict::Approve;
    approve.comment = "looks right";
    const Status reviewed = b->addReview(repo, *id, approve);
    if (reviewed.ok()) {
        auto reviews = b->listReviews(repo, *id);
        CHECK(reviews);
        QCOMPARE(reviews->size(), size_t(1));
        QCOMPARE(reviews->front().verdict, ReviewVerdict::Approve);
    } else {
        QCOMPARE(reviewed.kind(), ErrorKind::NotImplemented);
    }
    auto merged = b->mergePull(repo, *id, MergeParams{});
    CHECK(merged);
    QVERIFY(!merged->reference.empty());
    CHECK(read(*b, repo, "main", "new"));
    QCOMPARE(b->getPull(repo, *id)->status, PullStatus::Merged);
    QCOMPARE(b->mergePull(repo, *id, MergeParams{}).error().kind, ErrorKind::InvalidArgument);
    auto closed = b->listPulls(repo, "closed", ListParams{});
    CHECK(closed);
    QCOMPARE(closed->results.size(), size_t(2)); // closed includes merged
    QCOMPARE(b->getPull(repo, "00000000000000000000").error().kind, ErrorKind::NotFound);
}

namespace {
// Two pre-commit checks on main, Lakeside's built-in kind (the served and the
// embedded workspace run the same hook engine). `maxSize` decides whether the
// second one passes. It is last on purpose: a hook after a failed one is
// recorded as `skipped`, which lakeFS does too but swagger.yml's HookRun
// status enum lacks (REFERENCE.md §11), so the proxy would flag it.
std::string checksAction(int maxSize)
{
    return "name: checks\non:\n  pre-commit:\n    branches: [main]\nhooks:\n"
           "  - id: tables_are_csv\n    type: lakeside_check\n    properties:\n      paths: ['tables/*']\n"
           "      allowed_formats: [csv]\n"
           "  - id: small_objects\n    type: lakeside_check\n    properties:\n      max_size_bytes: " +
           std::to_string(maxSize) + "\n";
}
} // namespace

void TestAcceptance::actionRuns()
{
    BACKEND_OR_SKIP(b);
    CHECK(put(*b, repo, "main", "_lakefs_actions/checks.yaml", checksAction(100000)));
    CHECK(put(*b, repo, "main", "f", "f"));
    auto c = commit(*b, repo, "main", "with hooks");
    CHECK(c);
    auto runs = b->listActionRuns(repo, "main", "", ListParams{});
    if (!runs.ok() && runs.error().kind == ErrorKind::NotImplemented) QSKIP("this backend has no action runs yet");
    CHECK(runs);
    QVERIFY(!runs->results.empty());
    const ActionRun& run = runs->results.front();
    QCOMPARE(run.commit_id, c->id);
    QCOMPARE(run.event_type, std::string("pre-commit"));
    auto byCommit = b->listActionRuns(repo, "", c->id, ListParams{});
    CHECK(byCommit);
    QCOMPARE(byCommit->results.front().run_id, run.run_id);
    CHECK(b->getActionRun(repo, run.run_id));
    auto hooks = b->listHookRuns(repo, run.run_id, ListParams{"", "", 1});
    CHECK(hooks);
    QCOMPARE(hooks->results.size(), size_t(1));
    QVERIFY(hooks->has_more);
    auto output = b->getHookOutput(repo, run.run_id, hooks->results.front().hook_run_id);
    CHECK(output);
    QVERIFY(!output->empty());
    QCOMPARE(b->getActionRun(repo, "nope").error().kind, ErrorKind::NotFound);
}

// lakeFS's hooks-failure behaviour: a failing pre-commit hook aborts the
// commit with 412 and the run id, leaves the branch where it was, keeps the
// staged changes, and records the run as failed with the hook's output.
void TestAcceptance::hookFailure()
{
    BACKEND_OR_SKIP(b);
    CHECK(put(*b, repo, "main", "_lakefs_actions/checks.yaml", checksAction(100000)));
    auto first = commit(*b, repo, "main", "checks");
    CHECK(first);
    CHECK(put(*b, repo, "main", "_lakefs_actions/checks.yaml", checksAction(10)));
    CHECK(put(*b, repo, "main", "tables/big.csv", "id,value\n1,a very long value\n"));
    auto refused = commit(*b, repo, "main", "too big");
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::PreconditionFailed);
    QVERIFY2(!refused.error().runId.empty(), refused.error().message.c_str());
    QCOMPARE(b->getBranch(repo, "main")->commit_id, first->id);
    auto staged = b->diffBranch(repo, "main", DiffParams{});
    CHECK(staged);
    QCOMPARE(staged->results.size(), size_t(2)); // the action file and the table stay staged
    auto run = b->getActionRun(repo, refused.error().runId);
    CHECK(run);
    QCOMPARE(run->status, std::string("failed"));
    auto hooks = b->listHookRuns(repo, run->run_id, ListParams{});
    CHECK(hooks);
    QCOMPARE(hooks->results.size(), size_t(2));
    QCOMPARE(hooks->results[0].status, std::string("completed"));
    QCOMPARE(hooks->results[1].status, std::string("failed"));
    auto log = b->getHookOutput(repo, run->run_id, hooks->results[1].hook_run_id);
    CHECK(log);
    QVERIFY2(log->find("max_size_bytes 10") != std::string::npos, log->c_str());
}
