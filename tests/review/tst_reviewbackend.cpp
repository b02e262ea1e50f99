// SPDX-License-Identifier: Apache-2.0
// ReviewBackend over the embedded engine: the seed review workflow end to end
// (ingest, failing pre-merge data check with a log naming file/column/row,
// fix, approval, merge with the review in the commit metadata), webhooks
// against a local HTTP server, branch protection, per-path resolutions,
// unsupported hook types and malformed action files.

#include "../local/testutil.h"
#include "reviewworkspace.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <thread>

using namespace lakeside;
using testutil::commit;
using testutil::get;
using testutil::put;

namespace {
const std::string R = "sales";

std::string checksYaml(const std::string& type = "lakeside_check")
{
    return "name: Orders quality\n"
           "on:\n  pre-merge:\n    branches: [main]\n"
           "hooks:\n"
           "  - id: orders_ok\n    type: " + type + "\n"
           "    properties:\n      paths: ['tables/*.csv']\n      not_null: [id]\n      unique: [id]\n"
           "      required_columns: [id, amount]\n";
}
} // namespace

class TestReviewBackend : public QObject {
    Q_OBJECT
    QTemporaryDir* m_dir = nullptr;
    std::unique_ptr<ReviewBackend> m_b;

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        const std::string ws = m_dir->path().toStdString() + "/ws";
        auto b = testutil::openReviewWorkspace(ws);
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().message.c_str());
        m_b = std::move(*b);
        RepositoryCreation rc;
        rc.name = R;
        CHECK_OK(m_b->createRepository(rc));
        CHECK_OK(put(*m_b, R, "main", "README.md", "sales\n"));
        CHECK_OK(commit(*m_b, R, "main", "readme"));
    }
    void cleanup()
    {
        m_b.reset();
        delete m_dir;
    }

    void seedWorkflow()
    {
        Backend::ProtectionRules rules;
        rules.patterns = {"main"};
        rules.required_approvals["main"] = 1;
        CHECK_OK(m_b->setBranchProtection(R, rules, ""));
        const std::string mainBefore = m_b->getBranch(R, "main")->commit_id;

        CHECK_OK(m_b->createBranch(R, "ingest", "main"));
        CHECK_OK(put(*m_b, R, "ingest", "_lakefs_actions/checks.yaml", checksYaml()));
        CHECK_OK(put(*m_b, R, "ingest", "tables/orders.csv", "id,amount\n1,10\n2,20\n2,30\n,40\n"));
        CHECK_OK(commit(*m_b, R, "ingest", "ingest orders"));

        PullRequestCreation pc{"Orders 2026-11", "monthly ingest", "ingest", "main"};
        auto id = m_b->createPull(R, pc);
        QVERIFY(id.ok());
        QCOMPARE(id->size(), size_t(20));

        auto blocked = m_b->mergePull(R, *id, {});
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().kind, ErrorKind::PreconditionFailed);
        const Error& e = blocked.error();
        QVERIFY(!e.runId.empty());
        QVERIFY2(e.message.rfind("pre-merge hook aborted, run id '" + e.runId + "': 1 error occurred:\n\t* hook run id "
                                 "'0000_0000' failed on action 'Orders quality' hook 'orders_ok': ", 0) == 0,
                 e.message.c_str());
        auto log = m_b->getHookOutput(R, e.runId, "0000_0000");
        QVERIFY(log.ok());
        QVERIFY2(log->find("tables/orders.csv: row 3 (line 4): duplicate key in column(s) 'id'") != std::string::npos,
                 log->c_str());
        QVERIFY2(log->find("tables/orders.csv: row 4 (line 5): column 'id' is null") != std::string::npos, log->c_str());
        QCOMPARE(m_b->getBranch(R, "main")->commit_id, mainBefore);
        auto run = m_b->getActionRun(R, e.runId);
        QVERIFY(run.ok());
        QCOMPARE(run->status, std::string("failed"));
        QCOMPARE(run->event_type, std::string("pre-merge"));

        // Fix the data: the check passes, but the protection rule wants an approval.
        CHECK_OK(put(*m_b, R, "ingest", "tables/orders.csv", "id,amount\n1,10\n2,20\n3,30\n4,40\n"));
        CHECK_OK(commit(*m_b, R, "ingest", "fix duplicate and missing ids"));
        auto unapproved = m_b->mergePull(R, *id, {});
        QVERIFY(!unapproved.ok());
        QCOMPARE(unapproved.error().kind, ErrorKind::PreconditionFailed);
        QVERIFY2(unapproved.error().message.find("needs 1 approval") != std::string::npos,
                 unapproved.error().message.c_str());

        CHECK_OK(m_b->addReview(R, *id, Review{"bob", ReviewVerdict::Approve, "looks good", ""}));
        auto merged = m_b->mergePull(R, *id, {});
        QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().message.c_str());
        auto head = m_b->getCommit(R, "main");
        QVERIFY(head.ok());
        QCOMPARE(head->id, merged->reference);
        QCOMPARE(head->metadata["lakeside.review.id"], *id);
        QCOMPARE(head->metadata["lakeside.review.approvers"], std::string("bob"));
        QCOMPARE(*get(*m_b, R, "main", "tables/orders.csv"), std::string("id,amount\n1,10\n2,20\n3,30\n4,40\n"));
        auto pr = m_b->getPull(R, *id);
        QCOMPARE(pr->status, PullStatus::Merged);
        QCOMPARE(pr->merged_commit_id, merged->reference);
        QCOMPARE(m_b->listPulls(R, "closed", {})->results.size(), size_t(1));
        QCOMPARE(m_b->listPulls(R, "open", {})->results.size(), size_t(0));
        QCOMPARE(m_b->mergePull(R, *id, {}).error().kind, ErrorKind::InvalidArgument);

        auto runs = m_b->listActionRuns(R, "main", "", {});
        QVERIFY(runs.ok());
        QCOMPARE(runs->results.size(), size_t(3));
        QCOMPARE(runs->results.front().status, std::string("completed")); // newest first
        QCOMPARE(runs->results.back().run_id, e.runId);
    }

    void webhook_data()
    {
        QTest::addColumn<int>("status");
        QTest::addRow("200 passes") << 200;
        QTest::addRow("500 fails") << 500;
    }
    void webhook()
    {
        QFETCH(int, status);
        httplib::Server server;
        std::mutex mu;
        std::string body, query, header;
        server.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mu);
            if (body.empty()) { // the first hook; the second one must not run on failure
                body = req.body;
                query = req.get_param_value("team");
                header = req.get_header_value("X-Team");
            }
            res.status = status;
            res.set_content("{\"verdict\":\"x\"}", "application/json");
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        std::thread t([&] { server.listen_after_bind(); }); // bound and listening: connects queue

        CHECK_OK(m_b->createBranch(R, "feature", "main"));
        CHECK_OK(put(*m_b, R, "feature", "_lakefs_actions/hook.yaml",
                     "name: notify\non:\n  pre-merge:\n    branches: ['ma*']\nhooks:\n"
                     "  - id: tell_ci\n    type: webhook\n    properties:\n      url: http://127.0.0.1:" +
                         std::to_string(port) + "/hook\n      timeout: 10s\n      query_params:\n        team: data\n"
                     "      headers:\n        X-Team: sales\n"
                     "  - id: after\n    type: webhook\n    properties:\n      url: http://127.0.0.1:" +
                         std::to_string(port) + "/hook\n"));
        CHECK_OK(commit(*m_b, R, "feature", "add hook"));
        const std::string before = m_b->getBranch(R, "main")->commit_id;
        MergeParams mp;
        mp.message = "merge feature";
        auto r = m_b->merge(R, "feature", "main", mp);
        server.stop();
        t.join();

        auto ev = nlohmann::json::parse(body);
        QCOMPARE(ev["event_type"].get<std::string>(), std::string("pre-merge"));
        QCOMPARE(ev["action_name"].get<std::string>(), std::string("notify"));
        QCOMPARE(ev["hook_id"].get<std::string>(), std::string("tell_ci"));
        QCOMPARE(ev["repository_id"].get<std::string>(), R);
        QCOMPARE(ev["branch_id"].get<std::string>(), std::string("main"));
        QCOMPARE(ev["source_ref"].get<std::string>(), std::string("feature"));
        QCOMPARE(ev["commit_message"].get<std::string>(), std::string("merge feature"));
        QCOMPARE(ev["committer"].get<std::string>(), std::string("alice"));
        QVERIFY(ev.contains("event_time") && ev.contains("commit_metadata"));
        QCOMPARE(query, std::string("data"));
        QCOMPARE(header, std::string("sales"));
        if (status == 200) {
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::PreconditionFailed);
        QCOMPARE(httpStatusFor(r.error().kind), 412);
        QVERIFY(!r.error().runId.empty());
        QCOMPARE(m_b->getBranch(R, "main")->commit_id, before);
        auto hooks = m_b->listHookRuns(R, r.error().runId, {});
        QVERIFY(hooks.ok());
        QCOMPARE(hooks->results.size(), size_t(2));
        QCOMPARE(hooks->results[0].status, std::string("failed"));
        QCOMPARE(hooks->results[1].status, std::string("skipped"));
        auto out = m_b->getHookOutput(R, r.error().runId, "0000_0000");
        QVERIFY(out->find("Request:\nPOST http://127.0.0.1:") != std::string::npos);
        QVERIFY2(out->find("Response:\n500") != std::string::npos, out->c_str());
    }

    void protectedBranch()
    {
        CHECK_OK(m_b->createBranch(R, "dev", "main"));
        CHECK_OK(put(*m_b, R, "dev", "a.txt", "a"));
        CHECK_OK(commit(*m_b, R, "dev", "a"));
        auto rules = m_b->getBranchProtection(R);
        QVERIFY(rules.ok());
        const std::string oldEtag = rules->etag;
        rules->patterns = {"ma?n", "rel*-q4"};
        CHECK_OK(m_b->setBranchProtection(R, *rules, oldEtag));
        QCOMPARE(m_b->setBranchProtection(R, *rules, oldEtag).error().kind, ErrorKind::PreconditionFailed);
        QVERIFY(m_b->getBranchProtection(R)->etag != oldEtag);

        auto up = put(*m_b, R, "main", "b.txt", "b");
        QCOMPARE(up.error().kind, ErrorKind::Forbidden);
        QVERIFY(up.error().message.find("cannot write to protected branch") != std::string::npos);
        auto c = commit(*m_b, R, "main", "x");
        QCOMPARE(c.error().kind, ErrorKind::Forbidden);
        QVERIFY(c.error().message.find("cannot commit to protected branch") != std::string::npos);
        QCOMPARE(m_b->deleteObject(R, "main", "README.md").error().kind, ErrorKind::Forbidden);
        CHECK_OK(m_b->createBranch(R, "release-2026-q4", "main"));
        QCOMPARE(put(*m_b, R, "release-2026-q4", "b.txt", "b").error().kind, ErrorKind::Forbidden);
        CHECK_OK(m_b->merge(R, "dev", "main", {}));
        QCOMPARE(*get(*m_b, R, "main", "a.txt"), std::string("a"));

        // request_changes after the latest approval blocks; a new approval clears it.
        CHECK_OK(put(*m_b, R, "dev", "c.txt", "c"));
        CHECK_OK(commit(*m_b, R, "dev", "c"));
        auto id = m_b->createPull(R, {"c", "", "dev", "main"});
        QVERIFY(id.ok());
        CHECK_OK(m_b->addReview(R, *id, {"bob", ReviewVerdict::Approve, "", ""}));
        CHECK_OK(m_b->addReview(R, *id, {"carol", ReviewVerdict::RequestChanges, "wrong units", ""}));
        auto m = m_b->mergePull(R, *id, {});
        QCOMPARE(m.error().kind, ErrorKind::PreconditionFailed);
        QVERIFY(m.error().message.find("carol requested changes") != std::string::npos);
        CHECK_OK(m_b->addReview(R, *id, {"carol", ReviewVerdict::Approve, "fixed", ""}));
        auto ok = m_b->mergePull(R, *id, {});
        QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
        QCOMPARE(m_b->getCommit(R, "main")->metadata["lakeside.review.approvers"], std::string("bob,carol"));
        QCOMPARE(m_b->listReviews(R, *id)->size(), size_t(3));
    }

    void pullValidation()
    {
        QCOMPARE(m_b->createPull(R, {"t", "", "main", "main"}).error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->createPull(R, {"t", "", "nope", "main"}).error().kind, ErrorKind::NotFound);
        CHECK_OK(m_b->createBranch(R, "x", "main"));
        auto id = m_b->createPull(R, {"t", "", "x", "main"});
        QVERIFY(id.ok());
        PullRequestUpdate u;
        u.status = PullStatus::Closed;
        u.title = "renamed";
        CHECK_OK(m_b->updatePull(R, *id, u));
        QCOMPARE(m_b->getPull(R, *id)->title, std::string("renamed"));
        QCOMPARE(m_b->mergePull(R, *id, {}).error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(m_b->listPulls(R, "closed", {})->results.size(), size_t(1));
    }

    void resolutionsPerPath()
    {
        CHECK_OK(put(*m_b, R, "main", "t.csv", "id\n1\n"));
        CHECK_OK(commit(*m_b, R, "main", "base"));
        CHECK_OK(m_b->createBranch(R, "src", "main"));
        CHECK_OK(put(*m_b, R, "src", "t.csv", "id\n2\n"));
        CHECK_OK(commit(*m_b, R, "src", "src side"));
        CHECK_OK(put(*m_b, R, "main", "t.csv", "id\n3\n"));
        CHECK_OK(commit(*m_b, R, "main", "dest side"));
        auto id = m_b->createPull(R, {"t", "", "src", "main"});
        auto conflict = m_b->mergePull(R, *id, {});
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        MergeParams mp;
        mp.resolutions["t.csv"] = MergeStrategy::SourceWins;
        CHECK_OK(m_b->mergePull(R, *id, mp));
        QCOMPARE(*get(*m_b, R, "main", "t.csv"), std::string("id\n2\n"));
    }

    void unsupportedHookType()
    {
        CHECK_OK(put(*m_b, R, "main", "_lakefs_actions/lua.yaml",
                     "name: lua check\non:\n  pre-commit:\nhooks:\n  - id: validate\n    type: lua\n"
                     "    properties:\n      script: 'return'\n"));
        auto c = commit(*m_b, R, "main", "with lua");
        QCOMPARE(c.error().kind, ErrorKind::PreconditionFailed);
        QVERIFY2(c.error().message.find("hook type 'lua' is not supported by Lakeside's embedded engine") !=
                     std::string::npos, c.error().message.c_str());
        QVERIFY(c.error().message.rfind("pre-commit hook aborted, run id '", 0) == 0);
        QCOMPARE(m_b->diffBranch(R, "main", {})->results.size(), size_t(1)); // staged change kept
    }

    void malformedActionFile()
    {
        CHECK_OK(put(*m_b, R, "main", "_lakefs_actions/broken.yaml", "name: [unclosed\non: {"));
        auto c = commit(*m_b, R, "main", "broken");
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.find("action file '_lakefs_actions/broken.yaml'") != std::string::npos,
                 c.error().message.c_str());
        CHECK_OK(put(*m_b, R, "main", "_lakefs_actions/broken.yaml", "name: xx\non:\n  pre-commit:\nhooks: []\n"));
        auto c2 = commit(*m_b, R, "main", "broken");
        QVERIFY(c2.error().message.find("missing 'hooks' list") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestReviewBackend)
#include "tst_reviewbackend.moc"
