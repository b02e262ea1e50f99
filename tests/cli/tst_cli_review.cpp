// SPDX-License-Identifier: Apache-2.0
// lakeside-cli review, actions and branch-protect over the workspace (which the
// CLI opens behind ReviewBackend): the seed workflow end to end (ingest on a
// branch, a failing pre-merge data check blocks the merge with its run id, the
// log says why, the fix passes, protection wants an approval, the merge lands
// with the review in its metadata), direct commits on a protected branch
// refused, conflicts, list filters, action-file validation and the JSON shapes.

#include "clitestutil.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

namespace {

const std::string kChecks = "name: Orders quality\n"
                            "on:\n  pre-merge:\n    branches: [main]\n"
                            "hooks:\n"
                            "  - id: orders_ok\n    type: lakeside_check\n"
                            "    properties:\n      paths: ['tables/*.csv']\n      not_null: [id]\n      unique: [id]\n";
const std::string kBadOrders = "id,amount\n1,10\n2,20\n2,30\n,40\n";
const std::string kGoodOrders = "id,amount\n1,10\n2,20\n3,30\n4,40\n";

// QCOMPARE cannot take nlohmann::json (its implicit conversions clash with QTest's overloads).
#define JSON_EQ(actual, expectedText)                                                                 \
    do {                                                                                              \
        const Json _a = (actual);                                                                     \
        const Json _e = Json::parse(expectedText);                                                    \
        QVERIFY2(_a == _e, ("got " + _a.dump() + ", expected " + _e.dump()).c_str());                 \
    } while (0)

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

class TestCliReview : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void seedWorkflow();
    void protectedBranchRefusesDirectWrites();
    void preCommitCheckBlocksCommit();
    void branchProtectListAndDelete();
    void conflictsResolvedPerPath();
    void strategyDecidesEveryConflict();
    void requestChangesBlocksAndCloseEndsRequest();
    void listFiltersByStatus_data();
    void listFiltersByStatus();
    void validateActionFile_data();
    void validateActionFile();
    void unknownIdsAndRunsFail();

private:
    void upload(const std::string& branch, const std::string& path, const std::string& content);
    void commit(const std::string& branch, const std::string& message);
    std::string createReview(const std::string& source, const std::string& title);
    std::string head(const std::string& branch) { return m_h->backend().getBranch("sales", branch)->commit_id; }
    std::unique_ptr<Harness> m_h;
    int m_files = 0;
};

void TestCliReview::init()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://sales"}), 0);
}

void TestCliReview::cleanup()
{
    m_h.reset();
    qputenv("LAKESIDE_USER", "tester");
}

void TestCliReview::upload(const std::string& branch, const std::string& path, const std::string& content)
{
    const std::string file = m_h->writeFile("f" + std::to_string(++m_files), content);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", file, "lakefs://sales/" + branch + "/" + path}), 0);
}

void TestCliReview::commit(const std::string& branch, const std::string& message)
{
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/" + branch, "-m", message}), 0);
}

std::string TestCliReview::createReview(const std::string& source, const std::string& title)
{
    Run r = m_h->run({"--json", "review", "create", "lakefs://sales", "--source", source, "--destination", "main",
                      "--title", title});
    if (r.code != 0) qWarning("review create failed: %s", r.err.c_str());
    return r.code == 0 ? r.json().value("id", std::string()) : std::string();
}

void TestCliReview::seedWorkflow()
{
    // The checks live on main; the ingestion branch starts from there.
    upload("main", "_lakefs_actions/orders.yaml", kChecks);
    commit("main", "Add orders checks");
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/ingest", "--source", "lakefs://sales/main"}), 0);
    upload("ingest", "tables/orders.csv", kBadOrders);
    commit("ingest", "Ingest orders");

    Run r = m_h->run({"--json", "review", "create", "lakefs://sales", "--source", "ingest", "--destination", "main",
                      "--title", "Orders 2026-11", "--description", "monthly ingest"});
    CLI_EXPECT(r, 0);
    Json pr = r.json();
    const std::string id = pr.value("id", std::string());
    QCOMPARE(id.size(), size_t(20));
    QCOMPARE(pr["status"].get<std::string>(), std::string("open"));
    QCOMPARE(pr["title"].get<std::string>(), std::string("Orders 2026-11"));
    QCOMPARE(pr["description"].get<std::string>(), std::string("monthly ingest"));
    QCOMPARE(pr["author"].get<std::string>(), std::string("tester"));
    QCOMPARE(pr["source_branch"].get<std::string>(), std::string("ingest"));
    QCOMPARE(pr["destination_branch"].get<std::string>(), std::string("main"));
    QVERIFY(!pr["creation_date"].get<std::string>().empty());
    QVERIFY(!pr.contains("merged_commit_id"));
    QVERIFY(pr["reviews"].is_array() && pr["reviews"].empty());

    // What the merge would bring, before anything ran.
    r = m_h->run({"review", "show", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "1 added, 0 changed, 0 removed, 0 conflicting"), r.out.c_str());
    QVERIFY2(contains(r.out, "added tables/orders.csv"), r.out.c_str());
    QVERIFY2(contains(r.out, "Pre-merge checks for ingest at " + head("ingest") + ": not run yet"), r.out.c_str());

    // The check fails on the bad table and blocks the merge with its run id.
    const std::string mainBefore = head("main");
    r = m_h->run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "blocked by a failing pre-merge check"), r.err.c_str());
    QVERIFY2(contains(r.err, "hook 'orders_ok'"), r.err.c_str());
    r = m_h->run({"--json", "review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    const Json err = r.errJson();
    const std::string runId = err.value("run_id", std::string());
    QVERIFY2(!runId.empty(), r.err.c_str());
    QVERIFY2(contains(err["message"].get<std::string>(), "run id '" + runId + "'"), r.err.c_str());
    QVERIFY2(contains(err["message"].get<std::string>(), "actions runs describe lakefs://sales " + runId), r.err.c_str());
    QCOMPARE(head("main"), mainBefore);

    // The run's log says why.
    r = m_h->run({"actions", "runs", "describe", "lakefs://sales", runId});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Status:     failed"), r.out.c_str());
    QVERIFY2(contains(r.out, "Hook run 0000_0000: action 'Orders quality' hook 'orders_ok' failed"), r.out.c_str());
    QVERIFY2(contains(r.out, "tables/orders.csv: row 3 (line 4): duplicate key in column(s) 'id'"), r.out.c_str());
    QVERIFY2(contains(r.out, "tables/orders.csv: row 4 (line 5): column 'id' is null"), r.out.c_str());
    r = m_h->run({"--json", "actions", "runs", "describe", "lakefs://sales", runId});
    CLI_EXPECT(r, 0);
    Json hooks = r.json();
    QCOMPARE(hooks["pagination"]["has_more"].get<bool>(), false);
    QCOMPARE(hooks["pagination"]["results"].get<int>(), 1);
    QCOMPARE(hooks["results"].size(), size_t(1));
    const Json& hook = hooks["results"][0];
    QCOMPARE(hook["hook_run_id"].get<std::string>(), std::string("0000_0000"));
    QCOMPARE(hook["action"].get<std::string>(), std::string("Orders quality"));
    QCOMPARE(hook["hook_id"].get<std::string>(), std::string("orders_ok"));
    QCOMPARE(hook["status"].get<std::string>(), std::string("failed"));
    QVERIFY(!hook["start_time"].get<std::string>().empty());
    QVERIFY(contains(hook["output"].get<std::string>(), "column 'id' is null"));

    // review show reports the failed checks for the source's head.
    r = m_h->run({"--json", "review", "show", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["pre_merge_run"]["run_id"].get<std::string>(), runId);
    QCOMPARE(r.json()["pre_merge_run"]["status"].get<std::string>(), std::string("failed"));
    QCOMPARE(r.json()["merge_summary"]["added"].get<int>(), 1);
    QCOMPARE(r.json()["mergeable"].get<bool>(), false);
    JSON_EQ(r.json()["merge_blockers"], "[\"pre-merge checks failed (run " + runId + ")\"]");

    // Fix the data: the check passes, then protection asks for an approval.
    upload("ingest", "tables/orders.csv", kGoodOrders);
    commit("ingest", "Fix duplicate and missing ids");
    CLI_EXPECT(m_h->run({"branch-protect", "add", "lakefs://sales", "main", "--required-approvals", "1"}), 0);
    r = m_h->run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "needs 1 approval(s) to merge into 'main', has 0"), r.err.c_str());
    QCOMPARE(head("main"), mainBefore);
    r = m_h->run({"review", "show", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Approvals:   0 of 1 required"), r.out.c_str());
    QVERIFY2(contains(r.out, "Mergeable:   no: 0 of 1 required approvals\n"), r.out.c_str());
    QVERIFY2(contains(r.out, "completed"), r.out.c_str()); // the passing run for the fixed head

    // Every run is listed, newest first, as lakeFS's ActionRunList.
    r = m_h->run({"--json", "actions", "runs", "list", "lakefs://sales", "--branch", "main"});
    CLI_EXPECT(r, 0);
    Json runs = r.json();
    QCOMPARE(runs["results"].size(), size_t(3));
    QCOMPARE(runs["pagination"]["has_more"].get<bool>(), false);
    for (const Json& run : runs["results"]) {
        QCOMPARE(run["branch"].get<std::string>(), std::string("main"));
        QCOMPARE(run["event_type"].get<std::string>(), std::string("pre-merge"));
        QVERIFY(run.contains("start_time") && run.contains("end_time") && run.contains("commit_id"));
    }
    QCOMPARE(runs["results"][0]["status"].get<std::string>(), std::string("completed"));
    // Two blocked merges of the bad data (text, then --json), then the fixed data's passing run.
    QCOMPARE(runs["results"][1]["run_id"].get<std::string>(), runId);
    QCOMPARE(runs["results"][2]["status"].get<std::string>(), std::string("failed"));
    r = m_h->run({"actions", "runs", "list", "lakefs://sales", "--branch", "ingest"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "No action runs"), r.out.c_str());

    // Another person approves; the merge lands with the review recorded.
    qputenv("LAKESIDE_USER", "bob");
    r = m_h->run({"--json", "review", "approve", "lakefs://sales", id, "-m", "looks good"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["reviews"].size(), size_t(1));
    const Json review = r.json()["reviews"][0];
    QCOMPARE(review["author"].get<std::string>(), std::string("bob"));
    QCOMPARE(review["verdict"].get<std::string>(), std::string("approve"));
    QCOMPARE(review["comment"].get<std::string>(), std::string("looks good"));
    QVERIFY(!review["created"].get<std::string>().empty());
    qputenv("LAKESIDE_USER", "tester");
    r = m_h->run({"review", "show", "lakefs://sales", id});
    QVERIFY2(contains(r.out, "Mergeable:   yes"), r.out.c_str());

    r = m_h->run({"--json", "review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    pr = r.json();
    QCOMPARE(pr["status"].get<std::string>(), std::string("merged"));
    QCOMPARE(pr["merged_commit_id"].get<std::string>(), head("main"));
    QVERIFY(!pr["closed_date"].get<std::string>().empty());

    r = m_h->run({"--json", "log", "lakefs://sales/main", "--amount", "1"});
    CLI_EXPECT(r, 0);
    const Json mergeCommit = r.json()["results"][0];
    QCOMPARE(mergeCommit["id"].get<std::string>(), pr["merged_commit_id"].get<std::string>());
    QCOMPARE(mergeCommit["metadata"]["lakeside.review.id"].get<std::string>(), id);
    QCOMPARE(mergeCommit["metadata"]["lakeside.review.approvers"].get<std::string>(), std::string("bob"));
    QCOMPARE(mergeCommit["parents"].size(), size_t(2));
    r = m_h->run({"fs", "cat", "lakefs://sales/main/tables/orders.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, kGoodOrders);

    // A merged request cannot be merged again, and show says it is merged.
    r = m_h->run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "bad pull request status (merged, not open)"), r.err.c_str());
    r = m_h->run({"review", "show", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Merged as:   " + head("main")), r.out.c_str());
    QVERIFY2(contains(r.out, "bob  approve: looks good"), r.out.c_str());

    // fsck still reaches the engine under the review layer.
    CLI_EXPECT(m_h->run({"fsck", "lakefs://sales"}), 0);
}

void TestCliReview::protectedBranchRefusesDirectWrites()
{
    upload("main", "a.txt", "a\n");
    commit("main", "a");
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/feature", "--source", "lakefs://sales/main"}), 0);
    Run r = m_h->run({"--json", "branch-protect", "add", "lakefs://sales", "ma*"});
    CLI_EXPECT(r, 0);
    JSON_EQ(r.json(), R"([{"pattern": "ma*", "required_approvals": 0}])");

    const std::string before = head("main");
    const std::string file = m_h->writeFile("direct.txt", "direct\n");
    r = m_h->run({"fs", "upload", "--source", file, "lakefs://sales/main/direct.txt"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "protected branch 'main'"), r.err.c_str());
    r = m_h->run({"commit", "lakefs://sales/main", "-m", "direct", "--allow-empty"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "cannot commit to protected branch 'main'"), r.err.c_str());
    r = m_h->run({"--json", "fs", "rm", "lakefs://sales/main/a.txt"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.errJson().value("message", std::string()), "protected branch 'main'"), r.err.c_str());
    QCOMPARE(head("main"), before);

    // Other branches stay writable, and merging into the protected one is allowed.
    upload("feature", "b.txt", "b\n");
    commit("feature", "b");
    CLI_EXPECT(m_h->run({"merge", "lakefs://sales/feature", "lakefs://sales/main"}), 0);
    QVERIFY(head("main") != before);
}

void TestCliReview::preCommitCheckBlocksCommit()
{
    // A pre-commit check on ingest-* branches, read from the branch itself (staged files included).
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/ingest-w1", "--source", "lakefs://sales/main"}), 0);
    upload("ingest-w1", "_lakefs_actions/rows.yaml",
           "name: Row limits\non:\n  pre-commit:\n    branches: ['ingest-*']\nhooks:\n  - id: max_three\n"
           "    type: lakeside_check\n    properties:\n      paths: ['*.csv']\n      max_rows: 3\n");
    upload("ingest-w1", "big.csv", "id\n1\n2\n3\n4\n");
    const std::string before = head("ingest-w1");
    Run r = m_h->run({"--json", "commit", "lakefs://sales/ingest-w1", "-m", "too many rows"});
    CLI_EXPECT(r, 1);
    const std::string runId = r.errJson().value("run_id", std::string());
    QVERIFY2(!runId.empty(), r.err.c_str());
    QVERIFY2(contains(r.errJson()["message"].get<std::string>(),
                      "pre-commit hook aborted, run id '" + runId + "': 1 error occurred"),
             r.err.c_str());
    QVERIFY2(contains(r.errJson()["message"].get<std::string>(), "hook 'max_three'"), r.err.c_str());
    QCOMPARE(head("ingest-w1"), before);
    r = m_h->run({"diff", "lakefs://sales/ingest-w1"}); // the staged changes are kept
    QVERIFY2(contains(r.out, "big.csv"), r.out.c_str());
    r = m_h->run({"actions", "runs", "describe", "lakefs://sales", runId});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Event:      pre-commit"), r.out.c_str());
    QVERIFY2(contains(r.out, "Branch:     ingest-w1"), r.out.c_str());
    QVERIFY2(contains(r.out, "big.csv"), r.out.c_str());

    upload("ingest-w1", "big.csv", "id\n1\n2\n3\n");
    commit("ingest-w1", "three rows");
    r = m_h->run({"--json", "actions", "runs", "list", "lakefs://sales", "--branch", "ingest-w1"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["results"].size(), size_t(2));
    QCOMPARE(r.json()["results"][0]["status"].get<std::string>(), std::string("completed"));
    r = m_h->run({"actions", "runs", "list", "lakefs://sales", "--amount", "1"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "(more runs: use --after "), r.out.c_str());
}

void TestCliReview::branchProtectListAndDelete()
{
    Run r = m_h->run({"branch-protect", "list", "lakefs://sales"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "No branch protection rules"), r.out.c_str());
    CLI_EXPECT(m_h->run({"branch-protect", "add", "lakefs://sales", "main", "--required-approvals", "2"}), 0);
    CLI_EXPECT(m_h->run({"branch-protect", "add", "lakefs://sales", "release-*"}), 0);
    r = m_h->run({"branch-protect", "add", "lakefs://sales", "main", "--required-approvals", "1"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Updated branch protection rule 'main'"), r.out.c_str());

    r = m_h->run({"branch-protect", "list", "lakefs://sales"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "PATTERN"), r.out.c_str());
    QVERIFY2(contains(r.out, "release-*"), r.out.c_str());
    r = m_h->run({"--json", "branch-protect", "list", "lakefs://sales"});
    CLI_EXPECT(r, 0);
    JSON_EQ(r.json(), R"([{"pattern": "main", "required_approvals": 1},
                                       {"pattern": "release-*", "required_approvals": 0}])");

    r = m_h->run({"--json", "branch-protect", "delete", "lakefs://sales", "main"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.empty());
    r = m_h->run({"branch-protect", "delete", "lakefs://sales", "main"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "no branch protection rule 'main' in repository 'sales'"), r.err.c_str());
    r = m_h->run({"--json", "branch-protect", "list", "lakefs://sales"});
    JSON_EQ(r.json(), R"([{"pattern": "release-*", "required_approvals": 0}])");
    // main is writable again.
    upload("main", "x.txt", "x\n");
    commit("main", "x");

    r = m_h->run({"branch-protect", "list", "lakefs://nosuch"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "nosuch"), r.err.c_str());
    CLI_EXPECT(m_h->run({"branch-protect", "add", "lakefs://sales"}), 2);
}

void TestCliReview::conflictsResolvedPerPath()
{
    upload("main", "data.csv", "id\n1\n");
    upload("main", "notes.txt", "base\n");
    commit("main", "base");
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/fix", "--source", "lakefs://sales/main"}), 0);
    upload("fix", "data.csv", "id\n1\n2\n");
    upload("fix", "notes.txt", "source\n");
    commit("fix", "source side");
    upload("main", "data.csv", "id\n1\n3\n");
    upload("main", "notes.txt", "destination\n");
    commit("main", "destination side");
    const std::string id = createReview("fix", "Fix data");
    QVERIFY(!id.empty());

    Run r = m_h->run({"review", "show", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "2 conflicting"), r.out.c_str());
    QVERIFY2(contains(r.out, "  ! data.csv"), r.out.c_str());
    QVERIFY2(contains(r.out, "  ! notes.txt"), r.out.c_str());
    r = m_h->run({"--json", "review", "show", "lakefs://sales", id});
    JSON_EQ(r.json()["conflicts"], R"(["data.csv", "notes.txt"])");
    JSON_EQ(r.json()["merge_blockers"], R"(["2 unresolved conflicts"])");

    const std::string before = head("main");
    r = m_h->run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "blocked by 2 unresolved conflicts with 'main'"), r.err.c_str());
    QVERIFY2(contains(r.err, "  data.csv"), r.err.c_str());
    // One path decided: the other one still blocks, and is the only one reported.
    r = m_h->run({"--json", "review", "merge", "lakefs://sales", id, "--resolve", "data.csv=source"});
    CLI_EXPECT(r, 1);
    JSON_EQ(r.errJson()["conflicts"], R"(["notes.txt"])");
    QCOMPARE(head("main"), before);
    CLI_EXPECT(m_h->run({"review", "merge", "lakefs://sales", id, "--resolve", "data.csv"}), 2);
    CLI_EXPECT(m_h->run({"review", "merge", "lakefs://sales", id, "--resolve", "data.csv=mine"}), 2);

    // Per path: source for the data, destination for the notes.
    r = m_h->run({"review", "merge", "lakefs://sales", id, "--resolve", "data.csv=source", "--resolve", "notes.txt=dest"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Merged pull request '" + id + "'"), r.out.c_str());
    r = m_h->run({"fs", "cat", "lakefs://sales/main/data.csv"});
    QCOMPARE(r.out, std::string("id\n1\n2\n"));
    r = m_h->run({"fs", "cat", "lakefs://sales/main/notes.txt"});
    QCOMPARE(r.out, std::string("destination\n"));
}

void TestCliReview::strategyDecidesEveryConflict()
{
    upload("main", "data.csv", "id\n1\n");
    commit("main", "base");
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/fix", "--source", "lakefs://sales/main"}), 0);
    upload("fix", "data.csv", "id\n1\n2\n");
    commit("fix", "source side");
    upload("main", "data.csv", "id\n1\n3\n");
    commit("main", "destination side");
    const std::string id = createReview("fix", "Fix data");
    QVERIFY(!id.empty());
    Run r = m_h->run({"review", "merge", "lakefs://sales", id, "--strategy", "source-wins", "--squash"});
    CLI_EXPECT(r, 0);
    r = m_h->run({"fs", "cat", "lakefs://sales/main/data.csv"});
    QCOMPARE(r.out, std::string("id\n1\n2\n"));
    r = m_h->run({"--json", "show", "commit", "lakefs://sales/main"});
    QCOMPARE(r.json()["parents"].size(), size_t(1)); // squashed
    QCOMPARE(r.json()["metadata"]["lakeside.review.id"].get<std::string>(), id);
}

void TestCliReview::requestChangesBlocksAndCloseEndsRequest()
{
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/wip", "--source", "lakefs://sales/main"}), 0);
    upload("wip", "w.txt", "w\n");
    commit("wip", "wip");
    const std::string id = createReview("wip", "Work in progress");
    QVERIFY(!id.empty());
    // A unique prefix of the id is enough.
    Run r = m_h->run({"review", "request-changes", "lakefs://sales", id.substr(0, 8), "-m", "not yet"});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "Requested changes on pull request '" + id + "' as tester"), r.out.c_str());
    r = m_h->run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "requested changes after the latest approval"), r.err.c_str());
    r = m_h->run({"review", "show", "lakefs://sales", id});
    QVERIFY2(contains(r.out, "Mergeable:   no: tester requested changes after the latest approval"), r.out.c_str());
    QVERIFY2(contains(r.out, "tester  request changes: not yet"), r.out.c_str());

    r = m_h->run({"--json", "review", "close", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["status"].get<std::string>(), std::string("closed"));
    QCOMPARE(r.json()["reviews"][0]["verdict"].get<std::string>(), std::string("request_changes"));
    r = m_h->run({"review", "approve", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "is not open"), r.err.c_str());
}

void TestCliReview::listFiltersByStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("titles");
    QTest::addRow("default is open") << QString() << QStringList{QStringLiteral("open one")};
    QTest::addRow("open") << QStringLiteral("open") << QStringList{QStringLiteral("open one")};
    QTest::addRow("merged") << QStringLiteral("merged") << QStringList{QStringLiteral("merged one")};
    QTest::addRow("closed includes merged")
        << QStringLiteral("closed") << QStringList{QStringLiteral("closed one"), QStringLiteral("merged one")};
    QTest::addRow("all") << QStringLiteral("all")
                         << QStringList{QStringLiteral("closed one"), QStringLiteral("merged one"), QStringLiteral("open one")};
}

void TestCliReview::listFiltersByStatus()
{
    QFETCH(QString, status);
    QFETCH(QStringList, titles);
    for (const char* b : {"b1", "b2", "b3"}) {
        CLI_EXPECT(m_h->run({"branch", "create", std::string("lakefs://sales/") + b, "--source", "lakefs://sales/main"}), 0);
        upload(b, std::string(b) + ".txt", "x\n");
        commit(b, b);
    }
    const std::string merged = createReview("b1", "merged one");
    const std::string closed = createReview("b2", "closed one");
    QVERIFY(!createReview("b3", "open one").empty());
    CLI_EXPECT(m_h->run({"review", "merge", "lakefs://sales", merged}), 0);
    CLI_EXPECT(m_h->run({"review", "close", "lakefs://sales", closed}), 0);

    std::vector<std::string> args = {"--json", "review", "list", "lakefs://sales"};
    if (!status.isEmpty()) args.insert(args.end(), {"--status", status.toStdString()});
    Run r = m_h->run(args);
    CLI_EXPECT(r, 0);
    const Json list = r.json();
    QCOMPARE(list["pagination"]["has_more"].get<bool>(), false);
    QCOMPARE(list["pagination"]["results"].get<int>(), int(titles.size()));
    QStringList got;
    for (const Json& pr : list["results"]) {
        for (const char* f : {"id", "status", "title", "description", "author", "source_branch", "destination_branch",
                              "creation_date"})
            QVERIFY2(pr.contains(f), f);
        got << QString::fromStdString(pr["title"].get<std::string>());
    }
    got.sort();
    QCOMPARE(got, titles);

    args.erase(args.begin()); // the text table
    r = m_h->run(args);
    CLI_EXPECT(r, 0);
    for (const QString& t : titles) QVERIFY2(contains(r.out, t.toStdString()), r.out.c_str());
    QVERIFY2(contains(r.out, "ID"), r.out.c_str());
}

void TestCliReview::validateActionFile_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("expected"); // in stdout when valid, in stderr when not

    QTest::addRow("good") << QString::fromStdString(kChecks) << 0
                          << QStringLiteral("valid action 'Orders quality' (1 hook; on pre-merge [main])");
    QTest::addRow("malformed yaml") << QStringLiteral("name: x\non: [pre-merge\nhooks: -\n") << 1
                                    << QStringLiteral("invalid YAML");
    QTest::addRow("no hooks") << QStringLiteral("name: no hooks\non:\n  pre-commit:\n") << 1
                              << QStringLiteral("missing 'hooks' list");
    QTest::addRow("unknown event") << QStringLiteral("name: bad event\non:\n  pre-push:\nhooks:\n  - id: h1\n    type: "
                                                     "webhook\n    properties:\n      url: http://x\n")
                                   << 1 << QStringLiteral("unknown event 'pre-push'");
    QTest::addRow("webhook without url") << QStringLiteral("name: hook\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: webhook\n")
                                         << 1 << QStringLiteral("hook 'h1': webhook needs a 'url' property");
    QTest::addRow("unknown hook type") << QStringLiteral("name: typed\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: shell\n")
                                       << 1 << QStringLiteral("unknown hook type 'shell'");
    QTest::addRow("bad number") << QStringLiteral("name: typed\non:\n  pre-merge:\nhooks:\n  - id: h1\n    type: "
                                                  "lakeside_check\n    properties:\n      max_rows: lots\n")
                                << 1 << QStringLiteral("property 'max_rows' must be a whole number, not 'lots'");
    QTest::addRow("unknown check property")
        << QStringLiteral("name: typed\non:\n  pre-merge:\nhooks:\n  - id: h1\n    type: lakeside_check\n    properties:\n      "
                          "not_nul: [id]\n")
        << 1 << QStringLiteral("unknown lakeside_check property 'not_nul'");
    QTest::addRow("lua is valid, with a note")
        << QStringLiteral("name: lua\non:\n  pre-merge:\nhooks:\n  - id: h1\n    type: lua\n    properties:\n      "
                          "script_path: s.lua\n")
        << 0 << QStringLiteral("note: hook 'h1': type 'lua' runs on a lakeFS server only");
}

void TestCliReview::validateActionFile()
{
    QFETCH(QString, yaml);
    QFETCH(int, exit);
    QFETCH(QString, expected);
    const std::string file = m_h->writeFile("actions/check.yaml", yaml.toStdString());
    Run r = m_h->run({"actions", "validate", file});
    CLI_EXPECT(r, exit);
    if (exit == 0) {
        QVERIFY2(contains(r.out, file + ": valid action"), r.out.c_str());
        QVERIFY2(contains(r.out, expected.toStdString()), r.out.c_str());
    } else {
        QVERIFY2(contains(r.err, file), r.err.c_str()); // names the file...
        QVERIFY2(contains(r.err, expected.toStdString()), r.err.c_str()); // ...and the reason
    }
    r = m_h->run({"--json", "actions", "validate", file});
    CLI_EXPECT(r, exit);
    QCOMPARE(r.json()["valid"].get<bool>(), exit == 0);
    QCOMPARE(r.json()["file"].get<std::string>(), file);
    QCOMPARE(r.json()["errors"].empty(), exit == 0);
}

void TestCliReview::unknownIdsAndRunsFail()
{
    Run r = m_h->run({"review", "show", "lakefs://sales", "nosuchid"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "nosuchid"), r.err.c_str());
    r = m_h->run({"actions", "runs", "describe", "lakefs://sales", "nosuchrun"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "nosuchrun"), r.err.c_str());
    r = m_h->run({"actions", "validate", m_h->path("missing.yaml")});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "missing.yaml"), r.err.c_str());
    r = m_h->run({"review", "create", "lakefs://sales", "--source", "nosuch", "--destination", "main", "--title", "t"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "nosuch"), r.err.c_str());
    CLI_EXPECT(m_h->run({"review", "create", "lakefs://sales", "--source", "x", "--destination", "main"}), 2);
    CLI_EXPECT(m_h->run({"review", "list", "lakefs://sales", "--status", "pending"}), 2);
    CLI_EXPECT(m_h->run({"review", "frobnicate"}), 2);
}

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
