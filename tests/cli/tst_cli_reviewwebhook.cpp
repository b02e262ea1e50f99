// SPDX-License-Identifier: Apache-2.0
// A pre-merge webhook through lakeside-cli, against a local HTTP server: a
// non-2xx answer blocks `review merge` (exit 1, run id, the later hook
// skipped, the request and response in the hook's log); once the service
// answers 2xx the same request merges.

#include "clitestutil.h"

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

namespace {
bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}
} // namespace

class TestCliReviewWebhook : public QObject {
    Q_OBJECT
private slots:
    void webhookBlocksThenPasses();
};

void TestCliReviewWebhook::webhookBlocksThenPasses()
{
    Harness h;
    QVERIFY(h.valid());
    httplib::Server server;
    std::atomic<int> answer{500};
    std::mutex mu;
    std::vector<Json> events;
    server.Post("/ci", [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(mu);
            events.push_back(Json::parse(req.body, nullptr, false));
        }
        res.status = answer.load();
        res.set_content(answer.load() == 200 ? "ok" : "quality gate failed: 3 rows rejected", "text/plain");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    QVERIFY(port > 0);
    std::thread serving([&] { server.listen_after_bind(); });
    struct Stop {
        httplib::Server& s;
        std::thread& t;
        ~Stop()
        {
            s.stop();
            t.join();
        }
    } stop{server, serving};

    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/ci";
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales"}), 0);
    const std::string action = h.writeFile("ci.yaml", "name: CI gate\non:\n  pre-merge:\n    branches: [main]\nhooks:\n"
                                                      "  - id: ask_ci\n    type: webhook\n    properties:\n      url: " +
                                                          url + "\n      timeout: 10s\n"
                                                                "  - id: second\n    type: webhook\n    properties:\n      url: " +
                                                          url + "\n");
    CLI_EXPECT(h.run({"actions", "validate", action}), 0);
    CLI_EXPECT(h.run({"fs", "upload", "--source", action, "lakefs://sales/main/_lakefs_actions/ci.yaml"}), 0);
    CLI_EXPECT(h.run({"commit", "lakefs://sales/main", "-m", "CI gate"}), 0);
    CLI_EXPECT(h.run({"branch", "create", "lakefs://sales/ingest", "--source", "lakefs://sales/main"}), 0);
    const std::string data = h.writeFile("orders.csv", "id\n1\n");
    CLI_EXPECT(h.run({"fs", "upload", "--source", data, "lakefs://sales/ingest/orders.csv"}), 0);
    CLI_EXPECT(h.run({"commit", "lakefs://sales/ingest", "-m", "ingest"}), 0);
    Run r = h.run({"--json", "review", "create", "lakefs://sales", "--source", "ingest", "--destination", "main",
                   "--title", "Orders"});
    CLI_EXPECT(r, 0);
    const std::string id = r.json().value("id", std::string());
    const std::string mainBefore = h.backend().getBranch("sales", "main")->commit_id;

    r = h.run({"--json", "review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 1);
    const std::string runId = r.errJson().value("run_id", std::string());
    QVERIFY2(!runId.empty(), r.err.c_str());
    QVERIFY2(contains(r.errJson()["message"].get<std::string>(), "action 'CI gate' hook 'ask_ci'"), r.err.c_str());
    QCOMPARE(h.backend().getBranch("sales", "main")->commit_id, mainBefore);
    {
        std::lock_guard lock(mu);
        QCOMPARE(events.size(), size_t(1)); // the second hook never ran
        QCOMPARE(events[0].value("event_type", std::string()), std::string("pre-merge"));
        QCOMPARE(events[0].value("branch_id", std::string()), std::string("main"));
        QCOMPARE(events[0].value("source_ref", std::string()), std::string("ingest"));
        QCOMPARE(events[0].value("hook_id", std::string()), std::string("ask_ci"));
        QCOMPARE(events[0].value("committer", std::string()), std::string("tester"));
    }

    r = h.run({"actions", "runs", "describe", "lakefs://sales", runId});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "hook 'ask_ci' failed"), r.out.c_str());
    QVERIFY2(contains(r.out, "hook 'second' skipped"), r.out.c_str());
    QVERIFY2(contains(r.out, "POST " + url), r.out.c_str());
    QVERIFY2(contains(r.out, "500"), r.out.c_str());
    QVERIFY2(contains(r.out, "quality gate failed: 3 rows rejected"), r.out.c_str());

    answer.store(200);
    r = h.run({"review", "merge", "lakefs://sales", id});
    CLI_EXPECT(r, 0);
    QVERIFY(h.backend().getBranch("sales", "main")->commit_id != mainBefore);
    std::lock_guard lock(mu);
    QCOMPARE(events.size(), size_t(3)); // both hooks ran this time
}

QTEST_GUILESS_MAIN(TestCliReviewWebhook)
#include "tst_cli_reviewwebhook.moc"
