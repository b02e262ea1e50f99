// SPDX-License-Identifier: Apache-2.0
// lakeside-cli: the executable (--version, --help, exit codes) and the
// repository, branch and tag commands, in text and lakeFS JSON shapes.

#include "clitestutil.h"

#include <QProcess>

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliRefs : public QObject {
    Q_OBJECT
private slots:
    void binaryVersionAndHelp_data();
    void binaryVersionAndHelp();
    void binaryUsageErrorExitsTwo();
    void binaryRunsAgainstWorkspace();
    void helpForEverySubcommand_data();
    void helpForEverySubcommand();
    void repoCreateListDelete();
    void repoListPaginates();
    void branchCreateListDelete();
    void branchResetDiscardsChanges();
    void tagCreateListDelete();
    void globalOptionsAfterCommand();
};

namespace {

struct ProcessRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

ProcessRun runBinary(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(LAKESIDE_CLI_BINARY), args);
    ProcessRun r;
    if (!p.waitForFinished(60000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

void TestCliRefs::binaryVersionAndHelp_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("--version") << QStringList{QStringLiteral("--version")} << QByteArray("lakeside-cli " LAKESIDE_VERSION);
    QTest::addRow("--help") << QStringList{QStringLiteral("--help")} << QByteArray("Usage: lakeside-cli");
    QTest::addRow("merge --help") << QStringList{QStringLiteral("merge"), QStringLiteral("--help")}
                                  << QByteArray("--strategy");
}

void TestCliRefs::binaryVersionAndHelp()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    const ProcessRun r = runBinary(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(expected), r.out.constData());
}

void TestCliRefs::binaryUsageErrorExitsTwo()
{
    ProcessRun r = runBinary({QStringLiteral("repo"), QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
    r = runBinary({QStringLiteral("commit"), QStringLiteral("lakefs://repo/main")}); // -m missing
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--message"), r.err.constData());
}

void TestCliRefs::binaryRunsAgainstWorkspace()
{
    Harness h;
    const QString ws = QString::fromStdString(h.workspace());
    ProcessRun r = runBinary({QStringLiteral("--workspace"), ws, QStringLiteral("repo"), QStringLiteral("create"),
                              QStringLiteral("lakefs://proc-repo")});
    QCOMPARE(r.code, 0);
    r = runBinary({QStringLiteral("--workspace"), ws, QStringLiteral("--json"), QStringLiteral("repo"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    const Json j = Json::parse(r.out.toStdString());
    QCOMPARE(j["results"][0]["id"].get<std::string>(), std::string("proc-repo"));
    // An operation that fails exits 1 with the reason on stderr.
    r = runBinary({QStringLiteral("--workspace"), ws, QStringLiteral("branch"), QStringLiteral("list"),
                   QStringLiteral("lakefs://no-such-repo")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no-such-repo"), r.err.constData());
}

void TestCliRefs::helpForEverySubcommand_data()
{
    QTest::addColumn<std::vector<std::string>>("words");
    const std::vector<std::vector<std::string>> all = {
        {"repo", "create"}, {"repo", "list"}, {"repo", "delete"}, {"branch", "create"}, {"branch", "list"},
        {"branch", "delete"}, {"branch", "reset"}, {"branch", "revert"}, {"tag", "create"}, {"tag", "list"},
        {"tag", "delete"}, {"fs", "upload"}, {"fs", "ls"}, {"fs", "cat"}, {"fs", "stat"}, {"fs", "rm"},
        {"fs", "download"}, {"import"}, {"commit"}, {"log"}, {"show", "commit"}, {"diff"}, {"merge"},
        {"find-merge-base"}, {"cherry-pick"}, {"fsck"}, {"demo"}};
    for (const auto& words : all) {
        std::string name;
        for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
        QTest::addRow("%s", name.c_str()) << words;
    }
}

void TestCliRefs::helpForEverySubcommand()
{
    QFETCH(std::vector<std::string>, words);
    Harness h;
    std::vector<std::string> args = words;
    args.push_back("--help");
    const Run r = h.run(args);
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("Usage: lakeside-cli " + words.front()) != std::string::npos, r.out.c_str());
}

void TestCliRefs::repoCreateListDelete()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales-orders"}), 0);
    Run r = h.run({"--json", "repo", "create", "lakefs://customers", "--default-branch", "trunk"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["id"].get<std::string>(), std::string("customers"));
    QCOMPARE(j["default_branch"].get<std::string>(), std::string("trunk"));
    for (const char* field : {"creation_date", "storage_namespace"}) QVERIFY2(j.contains(field), field);

    r = h.run({"repo", "list"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("REPOSITORY") != std::string::npos);
    QVERIFY(r.out.find("sales-orders") != std::string::npos);

    // Existing repository: exit 1, named, nothing changed.
    r = h.run({"repo", "create", "lakefs://customers"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("customers") != std::string::npos, r.err.c_str());
    QCOMPARE(h.backend().getRepository("customers")->default_branch, std::string("trunk"));

    // Deleting needs --yes (usage error, repository kept).
    r = h.run({"repo", "delete", "lakefs://customers"});
    CLI_EXPECT(r, 2);
    QVERIFY(r.err.find("--yes") != std::string::npos);
    QVERIFY(h.backend().getRepository("customers").ok());
    CLI_EXPECT(h.run({"repo", "delete", "lakefs://customers", "--yes"}), 0);
    QCOMPARE(h.backend().getRepository("customers").error().kind, ErrorKind::NotFound);
}

void TestCliRefs::repoListPaginates()
{
    Harness h;
    for (const char* name : {"repo-a", "repo-b", "repo-c"}) CLI_EXPECT(h.run({"repo", "create", std::string("lakefs://") + name}), 0);
    Run r = h.run({"--json", "repo", "list", "--amount", "2"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["pagination"]["has_more"].get<bool>(), true);
    QCOMPARE(j["pagination"]["next_offset"].get<std::string>(), std::string("repo-b"));
    QCOMPARE(j["pagination"]["results"].get<int>(), 2);
    QCOMPARE(j["pagination"]["max_per_page"].get<int>(), 1000);
    r = h.run({"--json", "repo", "list", "--after", "repo-b"});
    j = r.json();
    QCOMPARE(j["results"].size(), size_t(1));
    QCOMPARE(j["results"][0]["id"].get<std::string>(), std::string("repo-c"));
    QCOMPARE(j["pagination"]["has_more"].get<bool>(), false);
    QCOMPARE(j["pagination"]["next_offset"].get<std::string>(), std::string());
}

void TestCliRefs::branchCreateListDelete()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales"}), 0);
    Run r = h.run({"--json", "branch", "create", "lakefs://sales/feature-x", "--source", "lakefs://sales/main"});
    CLI_EXPECT(r, 0);
    const std::string mainHead = h.backend().getBranch("sales", "main")->commit_id;
    QCOMPARE(r.json()["id"].get<std::string>(), std::string("feature-x"));
    QCOMPARE(r.json()["commit_id"].get<std::string>(), mainHead);

    r = h.run({"--json", "branch", "list", "lakefs://sales"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["results"][0]["id"].get<std::string>(), std::string("feature-x"));
    QCOMPARE(j["results"][1]["id"].get<std::string>(), std::string("main"));
    QVERIFY(j["pagination"].is_object());

    r = h.run({"branch", "list", "lakefs://sales"});
    QVERIFY(r.out.find("BRANCH") != std::string::npos && r.out.find("feature-x") != std::string::npos);

    CLI_EXPECT(h.run({"branch", "delete", "lakefs://sales/feature-x"}), 2); // no --yes
    QVERIFY(h.backend().getBranch("sales", "feature-x").ok());
    CLI_EXPECT(h.run({"branch", "delete", "lakefs://sales/feature-x", "--yes"}), 0);
    QCOMPARE(h.backend().getBranch("sales", "feature-x").error().kind, ErrorKind::NotFound);
}

void TestCliRefs::branchResetDiscardsChanges()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales"}), 0);
    const std::string a = h.writeFile("a.csv", "id\n1\n");
    CLI_EXPECT(h.run({"fs", "upload", "--source", a, "lakefs://sales/main/keep/a.csv"}), 0);
    CLI_EXPECT(h.run({"fs", "upload", "--source", a, "lakefs://sales/main/drop/a.csv"}), 0);
    CLI_EXPECT(h.run({"branch", "reset", "lakefs://sales/main", "--prefix", "drop/", "--yes"}), 0);
    QVERIFY(h.backend().statObject("sales", "main", "keep/a.csv").ok());
    QVERIFY(!h.backend().statObject("sales", "main", "drop/a.csv").ok());
    // --prefix and --object exclude each other.
    CLI_EXPECT(h.run({"branch", "reset", "lakefs://sales/main", "--prefix", "a", "--object", "b", "--yes"}), 2);
    CLI_EXPECT(h.run({"branch", "reset", "lakefs://sales/main"}), 2); // no --yes
    QVERIFY(h.backend().statObject("sales", "main", "keep/a.csv").ok());
    CLI_EXPECT(h.run({"branch", "reset", "lakefs://sales/main", "--yes"}), 0);
    QVERIFY(!h.backend().statObject("sales", "main", "keep/a.csv").ok());
}

void TestCliRefs::tagCreateListDelete()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales"}), 0);
    Run r = h.run({"--json", "tag", "create", "lakefs://sales/v1.0", "lakefs://sales/main"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["id"].get<std::string>(), std::string("v1.0"));
    QCOMPARE(r.json()["commit_id"].get<std::string>(), h.backend().getBranch("sales", "main")->commit_id);
    r = h.run({"--json", "tag", "list", "lakefs://sales"});
    QCOMPARE(r.json()["results"][0]["id"].get<std::string>(), std::string("v1.0"));
    r = h.run({"tag", "create", "lakefs://sales/v1.0", "lakefs://sales/main"});
    CLI_EXPECT(r, 1); // exists
    CLI_EXPECT(h.run({"tag", "delete", "lakefs://sales/v1.0"}), 0);
    QCOMPARE(h.backend().getTag("sales", "v1.0").error().kind, ErrorKind::NotFound);
}

void TestCliRefs::globalOptionsAfterCommand()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://sales"}), 0);
    const Run r = h.run({"repo", "list", "--json"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.json().is_object(), r.out.c_str());
}

QTEST_GUILESS_MAIN(TestCliRefs)
#include "tst_cli_refs.moc"
