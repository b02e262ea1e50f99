// SPDX-License-Identifier: Apache-2.0
// The review verbs over a lakeFS server: `--remote` against Lakeside's
// lakeFS-compatible server serving a workspace behind ReviewBackend (what
// `lakeside-cli serve` serves). Pulls, action runs and branch protection
// travel over the lakeFS API; a blocked merge still names its run id.

#include "clitestutil.h"

#include "remote/server.h"
#include "review/reviewbackend.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;
using clitest::runRemote;

namespace {
bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}
} // namespace

class TestCliReviewRemote : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void reviewWorkflowOverHttp();
    void protectionOverHttp();

private:
    Run remote(std::vector<std::string> args) const;
    void upload(const std::string& repo, const std::string& branchPath, const std::string& content);
    std::unique_ptr<Harness> m_h;
    std::unique_ptr<ReviewBackend> m_served;
    std::unique_ptr<remote::LakeFsServer> m_server;
    std::string m_config;
    int m_files = 0;
};

void TestCliReviewRemote::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    // The lakeFS client keeps reviews and required approvals in its own store
    // under XDG_DATA_HOME: keep that out of the user's home.
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(m_h->path("client-data")));
    auto local = LocalBackend::open(m_h->workspace(), "server");
    QVERIFY(local.ok());
    auto served = ReviewBackend::open(std::shared_ptr<Backend>(std::move(local).value()), m_h->workspace());
    QVERIFY2(served.ok(), served.ok() ? "" : served.error().message.c_str());
    m_served = std::move(served).value();
    remote::ServerOptions o;
    o.port = 0;
    o.access_key_id = "AKIATESTREVIEW";
    o.secret_access_key = "review-secret";
    m_server = std::make_unique<remote::LakeFsServer>(*m_served, o);
    const Status st = m_server->start();
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());
    m_config = m_h->writeFile("remote.yaml", "credentials:\n  access_key_id: AKIATESTREVIEW\n  secret_access_key: review-secret\n"
                                             "server:\n  endpoint_url: " + m_server->baseUrl() + "\n");
}

void TestCliReviewRemote::cleanupTestCase()
{
    if (m_server) m_server->stop();
    m_server.reset();
    m_served.reset();
    m_h.reset();
}

Run TestCliReviewRemote::remote(std::vector<std::string> args) const
{
    return runRemote(m_config, std::move(args));
}

void TestCliReviewRemote::upload(const std::string& repo, const std::string& branchPath, const std::string& content)
{
    const std::string file = m_h->writeFile("f" + std::to_string(++m_files), content);
    CLI_EXPECT(remote({"fs", "upload", "--source", file, "lakefs://" + repo + "/" + branchPath}), 0);
}

void TestCliReviewRemote::reviewWorkflowOverHttp()
{
    CLI_EXPECT(remote({"repo", "create", "lakefs://orders"}), 0);
    upload("orders", "main/_lakefs_actions/checks.yaml",
           "name: Orders quality\non:\n  pre-merge:\n    branches: [main]\nhooks:\n  - id: ids_ok\n"
           "    type: lakeside_check\n    properties:\n      not_null: [id]\n");
    CLI_EXPECT(remote({"commit", "lakefs://orders/main", "-m", "checks"}), 0);
    CLI_EXPECT(remote({"branch", "create", "lakefs://orders/ingest", "--source", "lakefs://orders/main"}), 0);
    upload("orders", "ingest/orders.csv", "id,amount\n1,10\n,20\n");
    CLI_EXPECT(remote({"commit", "lakefs://orders/ingest", "-m", "ingest"}), 0);

    Run r = remote({"--json", "review", "create", "lakefs://orders", "--source", "ingest", "--destination", "main",
                    "--title", "Orders over HTTP"});
    CLI_EXPECT(r, 0);
    const std::string id = r.json().value("id", std::string());
    QVERIFY(!id.empty());
    QCOMPARE(r.json()["source_branch"].get<std::string>(), std::string("ingest"));
    QVERIFY(m_served->getPull("orders", id).ok()); // it reached the served workspace

    r = remote({"--json", "review", "merge", "lakefs://orders", id});
    CLI_EXPECT(r, 1);
    const std::string runId = r.errJson().value("run_id", std::string());
    QVERIFY2(!runId.empty(), r.err.c_str());
    QVERIFY2(contains(r.errJson()["message"].get<std::string>(), "hook 'ids_ok'"), r.err.c_str());

    r = remote({"actions", "runs", "describe", "lakefs://orders", runId});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "hook 'ids_ok' failed"), r.out.c_str());
    QVERIFY2(contains(r.out, "orders.csv: row 2 (line 3): column 'id' is null"), r.out.c_str());
    r = remote({"--json", "actions", "runs", "list", "lakefs://orders", "--branch", "main"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["results"][0]["run_id"].get<std::string>(), runId);

    upload("orders", "ingest/orders.csv", "id,amount\n1,10\n2,20\n");
    CLI_EXPECT(remote({"commit", "lakefs://orders/ingest", "-m", "fix"}), 0);
    // lakeFS has no reviews: the client keeps them, and shows them with the request.
    r = remote({"--json", "review", "approve", "lakefs://orders", id, "-m", "fine"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["reviews"].size(), size_t(1));
    QCOMPARE(r.json()["reviews"][0]["comment"].get<std::string>(), std::string("fine"));
    r = remote({"review", "show", "lakefs://orders", id});
    CLI_EXPECT(r, 0);
    QVERIFY2(contains(r.out, "1 added"), r.out.c_str());
    QVERIFY2(contains(r.out, "approve: fine"), r.out.c_str());
    CLI_EXPECT(remote({"review", "merge", "lakefs://orders", id}), 0);
    r = remote({"--json", "review", "list", "lakefs://orders", "--status", "merged"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["results"].size(), size_t(1));
    QCOMPARE(r.json()["results"][0]["status"].get<std::string>(), std::string("merged"));
    r = remote({"--json", "review", "list", "lakefs://orders"});
    QCOMPARE(r.json()["results"].size(), size_t(0));
    QCOMPARE(m_served->getCommit("orders", "main")->metadata["lakeside.review.id"], id);
}

void TestCliReviewRemote::protectionOverHttp()
{
    CLI_EXPECT(remote({"repo", "create", "lakefs://guarded"}), 0);
    CLI_EXPECT(remote({"branch-protect", "add", "lakefs://guarded", "main"}), 0);
    Run r = remote({"--json", "branch-protect", "list", "lakefs://guarded"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.json().size() == 1 && r.json()[0]["pattern"] == "main", r.out.c_str());
    QCOMPARE(m_served->getBranchProtection("guarded")->patterns, std::vector<std::string>{"main"});

    const std::string file = m_h->writeFile("direct.txt", "x\n");
    r = remote({"fs", "upload", "--source", file, "lakefs://guarded/main/direct.txt"});
    CLI_EXPECT(r, 1);
    QVERIFY2(contains(r.err, "protected branch 'main'"), r.err.c_str());

    CLI_EXPECT(remote({"branch-protect", "delete", "lakefs://guarded", "main"}), 0);
    QVERIFY(m_served->getBranchProtection("guarded")->patterns.empty());
    CLI_EXPECT(remote({"fs", "upload", "--source", file, "lakefs://guarded/main/direct.txt"}), 0);
}

QTEST_GUILESS_MAIN(TestCliReviewRemote)
#include "tst_cli_reviewremote.moc"
