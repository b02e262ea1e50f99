// SPDX-License-Identifier: Apache-2.0
// Bad input to lakeside-cli: every case exits non-zero with a message that
// names the culprit and says why, and leaves the workspace exactly as it was.

#include "clitestutil.h"

#include "api/backend.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliBadInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rejected_data();
    void rejected();
    void ambiguousCommitPrefix();
    void jsonErrorShape();

private:
    std::string snapshot();
    std::unique_ptr<Harness> m_h;
    std::string m_file;
};

// Repositories, branch heads, tags and uncommitted changes, as one string.
std::string TestCliBadInput::snapshot()
{
    Backend& b = m_h->backend();
    std::string s;
    Status st = forEachPage<Repository>([&](const std::string& after) { return b.listRepositories({"", after, 1000}); },
                                        [&](const Repository& r) {
                                            s += "repo " + r.id + " default " + r.default_branch + "\n";
                                            auto branches = b.listBranches(r.id, {"", "", 1000});
                                            for (const Ref& ref : branches->results) {
                                                s += " branch " + ref.id + " " + ref.commit_id + "\n";
                                                auto diff = b.diffBranch(r.id, ref.id, {});
                                                for (const DiffEntry& e : diff->results)
                                                    s += "  staged " + std::string(diffTypeName(e.type)) + " " + e.path + "\n";
                                            }
                                            auto tags = b.listTags(r.id, {"", "", 1000});
                                            for (const Ref& t : tags->results) s += " tag " + t.id + " " + t.commit_id + "\n";
                                            return true;
                                        });
    if (!st.ok()) return "error: " + st.message();
    return s;
}

void TestCliBadInput::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    m_file = m_h->writeFile("a.csv", "id\n1\n");
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://sales"}), 0);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", m_file, "lakefs://sales/main/a.csv"}), 0);
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "a"}), 0);
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/dev", "--source", "lakefs://sales/main"}), 0);
    CLI_EXPECT(m_h->run({"tag", "create", "lakefs://sales/v1.0", "lakefs://sales/main"}), 0);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", m_file, "lakefs://sales/dev/staged.csv"}), 0);
}

void TestCliBadInput::rejected_data()
{
    QTest::addColumn<std::vector<std::string>>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // must appear in stderr

    const std::string src = "lakefs://sales/main";
    auto row = [](const char* name, std::vector<std::string> args, int code, const char* msg) {
        QTest::addRow("%s", name) << args << code << QString::fromUtf8(msg);
    };
    // Repository names (lakeFS: ^[a-z0-9][a-z0-9-]{2,62}$).
    row("repo uppercase", {"repo", "create", "lakefs://Sales"}, 1, "repository id 'Sales'");
    row("repo underscore", {"repo", "create", "lakefs://sales_eu"}, 1, "lowercase letters, digits and '-'");
    row("repo too short", {"repo", "create", "lakefs://ab"}, 1, "3 to 63 characters");
    row("repo leading dash", {"repo", "create", "lakefs://-sales"}, 1, "may not start with '-'");
    row("repo too long", {"repo", "create", "lakefs://" + std::string(64, 'a')}, 1, "3 to 63 characters");
    row("repo unknown", {"branch", "list", "lakefs://nowhere"}, 1, "nowhere");
    row("not a lakefs uri", {"branch", "list", "sales"}, 2, "not a lakefs:// URI");
    // Branch names (^\w[-\w]*$).
    row("branch with dot", {"branch", "create", "lakefs://sales/my.branch", "--source", src}, 1, "branch name 'my.branch'");
    row("branch leading dash", {"branch", "create", "lakefs://sales/-x", "--source", src}, 1, "may not start with '-'");
    row("branch with space", {"branch", "create", "lakefs://sales/a b", "--source", src}, 1, "branch name 'a b'");
    row("branch exists", {"branch", "create", "lakefs://sales/dev", "--source", src}, 1, "dev");
    row("branch uri without branch", {"branch", "create", "lakefs://sales", "--source", src}, 2, "names no branch");
    // Tag names (git-ref-like).
    row("tag double dot", {"tag", "create", "lakefs://sales/v1..0", src}, 1, "tag name 'v1..0'");
    row("tag ends with .lock", {"tag", "create", "lakefs://sales/v1.lock", src}, 1, "'.lock'");
    row("tag with colon", {"tag", "create", "lakefs://sales/v1:0", src}, 1, "tag name 'v1:0'");
    row("tag at sign", {"tag", "create", "lakefs://sales/@", src}, 1, "'@'");
    row("tag exists", {"tag", "create", "lakefs://sales/v1.0", src}, 1, "v1.0");
    // Unknown refs.
    row("unknown source ref", {"branch", "create", "lakefs://sales/x", "--source", "lakefs://sales/nope"}, 1, "'nope'");
    row("unknown log ref", {"log", "lakefs://sales/nope"}, 1, "'nope'");
    row("unknown commit id", {"show", "commit", "lakefs://sales/0123456789abcdef"}, 1, "0123456789abcdef");
    row("unknown branch for commit", {"commit", "lakefs://sales/nope", "-m", "x"}, 1, "nope");
    row("unknown object", {"fs", "cat", "lakefs://sales/main/missing.csv"}, 1, "missing.csv");
    row("unknown tag delete", {"tag", "delete", "lakefs://sales/v9"}, 1, "v9");
    // Paths.
    row("upload dot-dot", {"fs", "upload", "--source", "SRC", "lakefs://sales/main/../x.csv"}, 1, "'..' segment");
    row("upload dot-dot inside", {"fs", "upload", "--source", "SRC", "lakefs://sales/main/a/../../x.csv"}, 1, "'..' segment");
    row("upload NUL", {"fs", "upload", "--source", "SRC", std::string("lakefs://sales/main/a\0b.csv", 27)}, 1, "NUL");
    row("upload missing source", {"fs", "upload", "--source", "/no/such/file.csv", "lakefs://sales/main/x.csv"}, 1,
        "/no/such/file.csv");
    row("upload to a tag", {"fs", "upload", "--source", "SRC", "lakefs://sales/v1.0/x.csv"}, 1, "v1.0");
    row("upload without path", {"fs", "upload", "--source", "SRC", "lakefs://sales/main"}, 2, "names no object path");
    row("import missing folder", {"import", "--from", "/no/such/folder", "lakefs://sales/main/x/"}, 1, "/no/such/folder");
    // Deleting the default branch.
    row("delete default branch", {"branch", "delete", "lakefs://sales/main", "--yes"}, 1, "default branch");
    // Other refusals.
    row("delete without yes", {"repo", "delete", "lakefs://sales"}, 2, "--yes");
    row("dirty merge destination", {"merge", "lakefs://sales/main", "lakefs://sales/dev", "--allow-empty"}, 1, "dev");
    row("merge across repositories", {"merge", "lakefs://sales/dev", "lakefs://other/main"}, 1, "different repositories");
    row("unknown command", {"frobnicate"}, 2, "frobnicate");
    row("bad log level", {"--log-level", "loud", "repo", "list"}, 2, "loud");
}

void TestCliBadInput::rejected()
{
    QFETCH(std::vector<std::string>, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    for (std::string& a : args)
        if (a == "SRC") a = m_file;
    const std::string before = snapshot();
    const Run r = m_h->run(args);
    CLI_EXPECT(r, exitCode);
    QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    QVERIFY(r.out.empty());
    QCOMPARE(snapshot(), before);
}

void TestCliBadInput::ambiguousCommitPrefix()
{
    Harness h;
    CLI_EXPECT(h.run({"repo", "create", "lakefs://amb"}), 0);
    // 17 commits (with the first) share 16 possible first hex digits: two must collide.
    for (int i = 0; i < 16; ++i) CLI_EXPECT(h.run({"commit", "lakefs://amb/main", "-m", std::to_string(i), "--allow-empty"}), 0);
    Run r = h.run({"--json", "log", "lakefs://amb/main"});
    std::map<char, int> firsts;
    char shared = 0;
    const Json log = r.json();
    for (const Json& c : log["results"])
        if (++firsts[c["id"].get<std::string>()[0]] == 2) shared = c["id"].get<std::string>()[0];
    QVERIFY(shared != 0);
    const std::string before = h.backend().getBranch("amb", "main")->commit_id;
    r = h.run({"branch", "create", "lakefs://amb/x", "--source", std::string("lakefs://amb/") + shared});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("ambiguous") != std::string::npos, r.err.c_str());
    QCOMPARE(h.backend().getBranch("amb", "x").error().kind, ErrorKind::NotFound);
    QCOMPARE(h.backend().getBranch("amb", "main")->commit_id, before);
}

void TestCliBadInput::jsonErrorShape()
{
    const Run r = m_h->run({"--json", "log", "lakefs://sales/nope"});
    CLI_EXPECT(r, 1);
    QVERIFY(r.out.empty());
    const Json e = r.errJson();
    QVERIFY2(e.is_object() && e["message"].is_string(), r.err.c_str());
    QVERIFY(e["message"].get<std::string>().find("nope") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
