// SPDX-License-Identifier: Apache-2.0
// The same lakeside-cli over a lakeFS server: `--remote CONFIG.yaml` against
// Lakeside's lakeFS-compatible server (loopback, port chosen by the OS) that
// serves a temporary local workspace.

#include "clitestutil.h"

#include "remote/server.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;
using clitest::runRemote;

class TestCliRemote : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void repositoryBranchCommitLog();
    void objectsAndDiff();
    void mergeConflictListsPaths();
    void missingConfigurationIsExplained();
    void fsckIsLocalOnly();

private:
    Run remote(std::vector<std::string> args) const;
    std::unique_ptr<Harness> m_h;
    std::unique_ptr<remote::LakeFsServer> m_server;
    std::string m_config;
};

void TestCliRemote::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    remote::ServerOptions o;
    o.port = 0;
    o.access_key_id = "AKIATESTCLI";
    o.secret_access_key = "cli-secret";
    m_server = std::make_unique<remote::LakeFsServer>(m_h->backend(), o);
    const Status st = m_server->start();
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());
    m_config = m_h->writeFile("remote.yaml", "credentials:\n  access_key_id: AKIATESTCLI\n  secret_access_key: cli-secret\n"
                                             "server:\n  endpoint_url: " + m_server->baseUrl() + "\n");
}

void TestCliRemote::cleanupTestCase()
{
    if (m_server) m_server->stop();
    m_server.reset();
    m_h.reset();
}

Run TestCliRemote::remote(std::vector<std::string> args) const
{
    return runRemote(m_config, std::move(args));
}

void TestCliRemote::repositoryBranchCommitLog()
{
    CLI_EXPECT(remote({"repo", "create", "lakefs://over-http"}), 0);
    QVERIFY(m_h->backend().getRepository("over-http").ok()); // it reached the served workspace
    CLI_EXPECT(remote({"branch", "create", "lakefs://over-http/dev", "--source", "lakefs://over-http/main"}), 0);
    const std::string f = m_h->writeFile("a.csv", "id\n1\n");
    CLI_EXPECT(remote({"fs", "upload", "--source", f, "lakefs://over-http/dev/a.csv"}), 0);
    Run r = remote({"--json", "commit", "lakefs://over-http/dev", "-m", "over the wire", "--meta", "via=http"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["metadata"]["via"].get<std::string>(), std::string("http"));
    r = remote({"--json", "log", "lakefs://over-http/dev", "--amount", "1"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["results"][0]["message"].get<std::string>(), std::string("over the wire"));
    QCOMPARE(r.json()["pagination"]["has_more"].get<bool>(), true);
}

void TestCliRemote::objectsAndDiff()
{
    CLI_EXPECT(remote({"repo", "create", "lakefs://objects-http"}), 0);
    const std::string f = m_h->writeFile("b.csv", "id,v\n1,x\n");
    CLI_EXPECT(remote({"fs", "upload", "--source", f, "lakefs://objects-http/main/t/b.csv"}), 0);
    Run r = remote({"diff", "lakefs://objects-http/main"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("+ added t/b.csv") != std::string::npos, r.out.c_str());
    CLI_EXPECT(remote({"commit", "lakefs://objects-http/main", "-m", "b"}), 0);
    r = remote({"fs", "cat", "lakefs://objects-http/main/t/b.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, std::string("id,v\n1,x\n"));
    const std::string dest = m_h->path("remote-download");
    CLI_EXPECT(remote({"fs", "download", "-r", "lakefs://objects-http/main/t/", dest}), 0);
    QFile got(QString::fromStdString(dest + "/b.csv"));
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), QByteArray("id,v\n1,x\n"));
}

void TestCliRemote::mergeConflictListsPaths()
{
    CLI_EXPECT(remote({"repo", "create", "lakefs://conflict-http"}), 0);
    const std::string base = m_h->writeFile("c0.csv", "v\n0\n");
    CLI_EXPECT(remote({"fs", "upload", "--source", base, "lakefs://conflict-http/main/c.csv"}), 0);
    CLI_EXPECT(remote({"commit", "lakefs://conflict-http/main", "-m", "base"}), 0);
    CLI_EXPECT(remote({"branch", "create", "lakefs://conflict-http/f", "--source", "lakefs://conflict-http/main"}), 0);
    CLI_EXPECT(remote({"fs", "upload", "--source", m_h->writeFile("c1.csv", "v\n1\n"), "lakefs://conflict-http/f/c.csv"}), 0);
    CLI_EXPECT(remote({"commit", "lakefs://conflict-http/f", "-m", "f"}), 0);
    CLI_EXPECT(remote({"fs", "upload", "--source", m_h->writeFile("c2.csv", "v\n2\n"), "lakefs://conflict-http/main/c.csv"}), 0);
    CLI_EXPECT(remote({"commit", "lakefs://conflict-http/main", "-m", "main"}), 0);
    const std::string head = m_h->backend().getBranch("conflict-http", "main")->commit_id;
    const Run r = remote({"merge", "lakefs://conflict-http/f", "lakefs://conflict-http/main"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("  c.csv\n") != std::string::npos, r.err.c_str());
    QCOMPARE(m_h->backend().getBranch("conflict-http", "main")->commit_id, head);
}

void TestCliRemote::missingConfigurationIsExplained()
{
    std::ostringstream out, err;
    const int code = lakeside::cli::runCli({"--remote", "/no/such/remote.yaml", "repo", "list"}, out, err);
    QCOMPARE(code, 1);
    QVERIFY2(err.str().find("/no/such/remote.yaml") != std::string::npos, err.str().c_str());
    // --remote and --workspace exclude each other.
    QCOMPARE(lakeside::cli::runCli({"--remote", m_config, "--workspace", "/tmp", "repo", "list"}, out, err), 2);
}

void TestCliRemote::fsckIsLocalOnly()
{
    const Run r = remote({"fsck"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("local workspace only") != std::string::npos, r.err.c_str());
}

QTEST_GUILESS_MAIN(TestCliRemote)
#include "tst_cli_remote.moc"
