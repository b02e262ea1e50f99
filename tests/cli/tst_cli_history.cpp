// SPDX-License-Identifier: Apache-2.0
// lakeside-cli commit, log, show commit, diff, merge (and its conflicts),
// find-merge-base, branch revert and cherry-pick.

#include "clitestutil.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliHistory : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void commitLogShow();
    void commitNothingFails();
    void logFiltersAndPaging();
    void diffTwoRefsAndUncommitted();
    void mergeAndFindMergeBase();
    void mergeConflictListsPathsAndChangesNothing();
    void mergeStrategyResolves();
    void revertAndCherryPick();

private:
    void upload(const std::string& branch, const std::string& path, const std::string& content);
    std::string head(const std::string& branch) { return m_h->backend().getBranch("sales", branch)->commit_id; }
    std::unique_ptr<Harness> m_h;
    int m_files = 0;
};

void TestCliHistory::init()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://sales"}), 0);
}

void TestCliHistory::cleanup() { m_h.reset(); }

void TestCliHistory::upload(const std::string& branch, const std::string& path, const std::string& content)
{
    const std::string file = m_h->writeFile("f" + std::to_string(++m_files), content);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", file, "lakefs://sales/" + branch + "/" + path}), 0);
}

void TestCliHistory::commitLogShow()
{
    upload("main", "orders.csv", "id\n1\n");
    Run r = m_h->run({"--json", "commit", "lakefs://sales/main", "-m", "Add orders", "--meta", "ticket=DATA-1", "--meta",
                      "owner=sales"});
    CLI_EXPECT(r, 0);
    const Json c = r.json();
    for (const char* f : {"id", "parents", "committer", "message", "creation_date", "meta_range_id", "metadata", "generation", "version"})
        QVERIFY2(c.contains(f), f);
    QCOMPARE(c["message"].get<std::string>(), std::string("Add orders"));
    QCOMPARE(c["committer"].get<std::string>(), std::string("tester"));
    QCOMPARE(c["metadata"]["ticket"].get<std::string>(), std::string("DATA-1"));
    QCOMPARE(c["metadata"]["owner"].get<std::string>(), std::string("sales"));
    QCOMPARE(head("main"), c["id"].get<std::string>());

    r = m_h->run({"log", "lakefs://sales/main"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("Add orders") < r.out.find("Repository created")); // newest first
    QVERIFY(r.out.find("ticket = DATA-1") != std::string::npos);

    // show commit accepts a ref expression and a unique prefix.
    r = m_h->run({"--json", "show", "commit", "lakefs://sales/main~1"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["message"].get<std::string>(), std::string("Repository created"));
    r = m_h->run({"show", "commit", "lakefs://sales/" + c["id"].get<std::string>().substr(0, 10)});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find(c["id"].get<std::string>()) != std::string::npos);
}

void TestCliHistory::commitNothingFails()
{
    const std::string before = head("main");
    Run r = m_h->run({"commit", "lakefs://sales/main", "-m", "nothing"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("no changes") != std::string::npos, r.err.c_str());
    QCOMPARE(head("main"), before);
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "empty on purpose", "--allow-empty"}), 0);
    QVERIFY(head("main") != before);
    // Malformed metadata is a usage error.
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "x", "--meta", "novalue", "--allow-empty"}), 2);
}

void TestCliHistory::logFiltersAndPaging()
{
    for (int i = 1; i <= 4; ++i) {
        upload("main", i % 2 ? "odd/file.csv" : "even/file.csv", "v" + std::to_string(i) + "\n");
        CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "change " + std::to_string(i)}), 0);
    }
    Run r = m_h->run({"--json", "log", "lakefs://sales/main", "--amount", "2"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["results"][0]["message"].get<std::string>(), std::string("change 4"));
    QCOMPARE(j["pagination"]["has_more"].get<bool>(), true);
    QCOMPARE(j["pagination"]["next_offset"].get<std::string>(), j["results"][1]["id"].get<std::string>());

    r = m_h->run({"--json", "log", "lakefs://sales/main", "--after", j["pagination"]["next_offset"].get<std::string>()});
    j = r.json();
    QCOMPARE(j["results"].size(), size_t(3)); // change 2, change 1, Repository created
    QCOMPARE(j["results"][0]["message"].get<std::string>(), std::string("change 2"));

    r = m_h->run({"--json", "log", "lakefs://sales/main", "--objects", "odd/file.csv"});
    j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["results"][0]["message"].get<std::string>(), std::string("change 3"));
    r = m_h->run({"--json", "log", "lakefs://sales/main", "--prefixes", "even/"});
    QCOMPARE(r.json()["results"].size(), size_t(2));
    r = m_h->run({"log", "lakefs://sales/main", "--oneline", "-n", "1"});
    QCOMPARE(r.out.substr(13, 8), std::string("change 4"));
}

void TestCliHistory::diffTwoRefsAndUncommitted()
{
    upload("main", "a.csv", "a\n");
    upload("main", "b.csv", "b\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "base"}), 0);
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/dev", "--source", "lakefs://sales/main"}), 0);
    upload("dev", "c.csv", "c\n");
    upload("dev", "a.csv", "a changed\n");
    CLI_EXPECT(m_h->run({"fs", "rm", "lakefs://sales/dev/b.csv"}), 0);

    Run r = m_h->run({"diff", "lakefs://sales/dev"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("~ changed a.csv\n- removed b.csv\n+ added c.csv\n") != std::string::npos, r.out.c_str());

    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/dev", "-m", "dev work"}), 0);
    r = m_h->run({"--json", "diff", "lakefs://sales/main", "lakefs://sales/dev"});
    CLI_EXPECT(r, 0);
    const Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(3));
    QCOMPARE(j["results"][0]["path"].get<std::string>(), std::string("a.csv"));
    QCOMPARE(j["results"][0]["type"].get<std::string>(), std::string("changed"));
    QCOMPARE(j["results"][1]["type"].get<std::string>(), std::string("removed"));
    QCOMPARE(j["results"][2]["type"].get<std::string>(), std::string("added"));
    QCOMPARE(j["results"][2]["path_type"].get<std::string>(), std::string("object"));
    QVERIFY(j["pagination"].is_object());

    // Three-dot: what dev changed since the base, not main's later work; --two-way sees both.
    upload("main", "main-only.csv", "m\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "main work"}), 0);
    r = m_h->run({"--json", "diff", "lakefs://sales/main", "lakefs://sales/dev"});
    QCOMPARE(r.json()["results"].size(), size_t(3));
    r = m_h->run({"--json", "diff", "--two-way", "lakefs://sales/main", "lakefs://sales/dev"});
    QCOMPARE(r.json()["results"].size(), size_t(4));
    r = m_h->run({"--json", "diff", "--prefix", "c", "lakefs://sales/main", "lakefs://sales/dev"});
    QCOMPARE(r.json()["results"].size(), size_t(1));
    r = m_h->run({"diff", "lakefs://sales/main", "lakefs://sales/main"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("No changes.") != std::string::npos);
}

void TestCliHistory::mergeAndFindMergeBase()
{
    upload("main", "a.csv", "a\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "base"}), 0);
    const std::string base = head("main");
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/feature", "--source", "lakefs://sales/main"}), 0);
    upload("feature", "f.csv", "f\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/feature", "-m", "feature work"}), 0);
    upload("main", "m.csv", "m\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "main work"}), 0);

    Run r = m_h->run({"--json", "find-merge-base", "lakefs://sales/feature", "lakefs://sales/main"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["base_commit_id"].get<std::string>(), base);
    for (const char* f : {"source_commit_id", "destination_commit_id"}) QVERIFY2(r.json().contains(f), f);

    const std::string mainBefore = head("main");
    r = m_h->run({"--json", "merge", "lakefs://sales/feature", "lakefs://sales/main", "-m", "Ship feature", "--meta", "reviewed-by=ana"});
    CLI_EXPECT(r, 0);
    const std::string merged = r.json()["reference"].get<std::string>();
    QCOMPARE(head("main"), merged);
    const Commit mc = m_h->backend().getCommit("sales", merged).value();
    QCOMPARE(mc.parents.size(), size_t(2));
    QCOMPARE(mc.parents[0], mainBefore);
    QCOMPARE(mc.message, std::string("Ship feature"));
    QCOMPARE(mc.metadata.at("reviewed-by"), std::string("ana"));
    QVERIFY(m_h->backend().statObject("sales", "main", "f.csv").ok());

    // Nothing new to merge: exit 1, main unchanged.
    r = m_h->run({"merge", "lakefs://sales/feature", "lakefs://sales/main"});
    CLI_EXPECT(r, 1);
    QCOMPARE(head("main"), merged);
    // A bad strategy is a usage error.
    CLI_EXPECT(m_h->run({"merge", "lakefs://sales/feature", "lakefs://sales/main", "--strategy", "theirs"}), 2);
}

void TestCliHistory::mergeConflictListsPathsAndChangesNothing()
{
    upload("main", "a.csv", "a\n");
    upload("main", "b.csv", "b\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "base"}), 0);
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/feature", "--source", "lakefs://sales/main"}), 0);
    upload("feature", "a.csv", "a feature\n");
    upload("feature", "b.csv", "b feature\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/feature", "-m", "feature edits"}), 0);
    upload("main", "a.csv", "a main\n");
    upload("main", "b.csv", "b main\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "main edits"}), 0);
    const std::string before = head("main");

    Run r = m_h->run({"merge", "lakefs://sales/feature", "lakefs://sales/main"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("conflict") != std::string::npos, r.err.c_str());
    QVERIFY2(r.err.find("  a.csv\n") != std::string::npos && r.err.find("  b.csv\n") != std::string::npos, r.err.c_str());
    QCOMPARE(head("main"), before);
    r = m_h->run({"fs", "cat", "lakefs://sales/main/a.csv"});
    QCOMPARE(r.out, std::string("a main\n"));

    r = m_h->run({"--json", "merge", "lakefs://sales/feature", "lakefs://sales/main"});
    CLI_EXPECT(r, 1);
    const Json e = r.errJson();
    QVERIFY2(e.contains("message"), r.err.c_str());
    QVERIFY2(e["conflicts"] == Json::array({"a.csv", "b.csv"}), r.err.c_str());
    QVERIFY(r.out.empty());
}

void TestCliHistory::mergeStrategyResolves()
{
    upload("main", "a.csv", "a\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "base"}), 0);
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/feature", "--source", "lakefs://sales/main"}), 0);
    upload("feature", "a.csv", "a feature\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/feature", "-m", "feature"}), 0);
    upload("main", "a.csv", "a main\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "main"}), 0);
    CLI_EXPECT(m_h->run({"merge", "lakefs://sales/feature", "lakefs://sales/main", "--strategy", "source-wins"}), 0);
    QCOMPARE(m_h->run({"fs", "cat", "lakefs://sales/main/a.csv"}).out, std::string("a feature\n"));
}

void TestCliHistory::revertAndCherryPick()
{
    upload("main", "a.csv", "a\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "add a"}), 0);
    upload("main", "b.csv", "b\n");
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "add b"}), 0);

    Run r = m_h->run({"--json", "branch", "revert", "lakefs://sales/main", "main~0"});
    CLI_EXPECT(r, 0);
    QCOMPARE(head("main"), r.json()["id"].get<std::string>());
    QVERIFY(!m_h->backend().statObject("sales", "main", "b.csv").ok());
    QVERIFY(m_h->backend().statObject("sales", "main", "a.csv").ok());

    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://sales/hotfix", "--source", "lakefs://sales/main~3"}), 0);
    QVERIFY(!m_h->backend().statObject("sales", "hotfix", "a.csv").ok()); // main~3: the empty first commit
    r = m_h->run({"--json", "cherry-pick", "lakefs://sales/main~2", "lakefs://sales/hotfix"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["message"].get<std::string>(), std::string("add a"));
    QVERIFY(m_h->backend().statObject("sales", "hotfix", "a.csv").ok());
    QVERIFY(!m_h->backend().statObject("sales", "hotfix", "b.csv").ok());

    // An unknown commit: exit 1, branch unchanged.
    const std::string before = head("hotfix");
    r = m_h->run({"branch", "revert", "lakefs://sales/hotfix", "deadbeefdeadbeef"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("deadbeefdeadbeef") != std::string::npos, r.err.c_str());
    QCOMPARE(head("hotfix"), before);
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
