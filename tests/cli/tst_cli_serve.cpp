// SPDX-License-Identifier: Apache-2.0
// `lakeside-cli serve` as a user starts it: the real executable on a free port,
// reached by the same CLI through --remote, stopped with SIGTERM.
#include "clitestutil.h"

#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using namespace clitest;

class TestCliServe : public QObject {
    Q_OBJECT
private slots:
    void servesTheWorkspaceOverTheLakeFsApi();
    void refusesMissingCredentialsAndBadListen();
};

void TestCliServe::servesTheWorkspaceOverTheLakeFsApi()
{
    Harness h;
    QVERIFY(h.valid());
    QCOMPARE(h.run({"repo", "create", "lakefs://shared-data"}).code, 0);

    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QStringLiteral(LAKESIDE_CLI_BINARY),
                 {QStringLiteral("--workspace"), QString::fromStdString(h.workspace()), QStringLiteral("serve"),
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--access-key-id"),
                  QStringLiteral("AKIASERVE"), QStringLiteral("--secret-access-key"), QStringLiteral("serve-secret")});
    QVERIFY2(server.waitForStarted(), qPrintable(server.errorString()));
    // The server prints its address once it listens; that line is the readiness signal.
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 30000);
    const QString line = QString::fromUtf8(server.readLine());
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/api/v1")).match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    const std::string endpoint = "http://127.0.0.1:" + m.captured(1).toStdString();

    const std::string good = h.writeFile("good.yaml", "credentials:\n  access_key_id: AKIASERVE\n  secret_access_key: serve-secret\n"
                                                      "server:\n  endpoint_url: " + endpoint + "\n");
    const std::string bad = h.writeFile("bad.yaml", "credentials:\n  access_key_id: AKIASERVE\n  secret_access_key: wrong\n"
                                                     "server:\n  endpoint_url: " + endpoint + "\n");
    // --remote replaces --workspace, so these run without the harness's workspace option.
    const auto remote = &runRemote;

    // A lakeFS client (our own) lists the served workspace's repository and writes through it.
    Run list = remote(good, {"--json", "repo", "list"});
    QVERIFY2(list.code == 0, list.err.c_str());
    QCOMPARE(list.json()["results"][0]["id"].get<std::string>(), std::string("shared-data"));
    QCOMPARE(remote(good, {"branch", "create", "lakefs://shared-data/ingest", "--source", "lakefs://shared-data/main"}).code, 0);

#ifdef LAKESIDE_TEST_REVIEW
    // The served workspace is behind merge review: its protection rules hold over
    // HTTP, and pulls are served. (The client keeps reviews under XDG_DATA_HOME.)
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(h.path("client-data")));
    QCOMPARE(h.run({"branch-protect", "add", "lakefs://shared-data", "main"}).code, 0);
    const std::string file = h.writeFile("direct.txt", "direct\n");
    Run refused = remote(good, {"fs", "upload", "--source", file, "lakefs://shared-data/main/direct.txt"});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.find("protected branch 'main'") != std::string::npos, refused.err.c_str());
    Run rules = remote(good, {"--json", "branch-protect", "list", "lakefs://shared-data"});
    QVERIFY2(rules.code == 0 && rules.json().size() == 1 && rules.json()[0]["pattern"] == "main", rules.out.c_str());
    QCOMPARE(remote(good, {"fs", "upload", "--source", file, "lakefs://shared-data/ingest/direct.txt"}).code, 0);
    QCOMPARE(remote(good, {"commit", "lakefs://shared-data/ingest", "-m", "direct"}).code, 0);
    Run pull = remote(good, {"--json", "review", "create", "lakefs://shared-data", "--source", "ingest", "--destination",
                             "main", "--title", "Shared"});
    QVERIFY2(pull.code == 0, pull.err.c_str());
    Run pulls = h.run({"--json", "review", "list", "lakefs://shared-data"}); // the workspace sees it
    QVERIFY2(pulls.code == 0 && pulls.json()["results"].size() == 1, pulls.out.c_str());
#endif

    // A wrong secret is refused with a message about credentials, and changes nothing.
    Run denied = remote(bad, {"branch", "create", "lakefs://shared-data/other", "--source", "lakefs://shared-data/main"});
    QCOMPARE(denied.code, 1);
    QVERIFY2(denied.err.find("401") != std::string::npos || denied.err.find("credential") != std::string::npos ||
                 denied.err.find("authenticat") != std::string::npos,
             denied.err.c_str());

    ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);

    // What went through the server is in the workspace; what was refused is not.
    QVERIFY(h.backend().getBranch("shared-data", "ingest").ok());
    QCOMPARE(h.backend().getBranch("shared-data", "other").error().kind, lakeside::ErrorKind::NotFound);
}

void TestCliServe::refusesMissingCredentialsAndBadListen()
{
    Harness h;
    QVERIFY(h.valid());
    Run noSecret = h.run({"serve", "--listen", "127.0.0.1:0", "--access-key-id", "A", "--secret-access-key", ""});
    QCOMPARE(noSecret.code, 2);
    QVERIFY2(noSecret.err.find("--secret-access-key") != std::string::npos, noSecret.err.c_str());
    Run badListen = h.run({"serve", "--listen", "localhost", "--access-key-id", "A", "--secret-access-key", "B"});
    QCOMPARE(badListen.code, 2);
    QVERIFY2(badListen.err.find("HOST:PORT") != std::string::npos, badListen.err.c_str());
}

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cli_serve.moc"
