// SPDX-License-Identifier: Apache-2.0
// `lakeside-cli diff --table PATH LEFT RIGHT`: schema, row and cell changes of
// one table between two refs, in text (summary + CSV) and JSON.

#include "clitestutil.h"

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliTableDiff : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void textSummaryAndRows();
    void jsonShape();
    void explicitKeyAndErrors();
    void objectUriForm();

private:
    std::unique_ptr<Harness> m_h;
};

void TestCliTableDiff::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://shop"}), 0);
    const std::string v1 = m_h->writeFile("v1.csv", "id,city,amount\n1,Berlin,10\n2,Paris,20\n3,Rome,30\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", v1, "lakefs://shop/main/t.csv"}), 0);
    CLI_EXPECT(m_h->run({"commit", "lakefs://shop/main", "-m", "v1"}), 0);
    // Row 2 removed, row 3 changed, row 4 added, a column added.
    const std::string v2 = m_h->writeFile("v2.csv", "id,city,amount,vat\n1,Berlin,10,19\n3,Rome,35,22\n4,Oslo,40,25\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", v2, "lakefs://shop/main/t.csv"}), 0);
    CLI_EXPECT(m_h->run({"commit", "lakefs://shop/main", "-m", "v2"}), 0);
}

void TestCliTableDiff::textSummaryAndRows()
{
    const Run r = m_h->run({"diff", "--table", "t.csv", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("1 added (vat)") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("1 added, 1 removed, 1 changed") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("changed,3,Rome,30->35,22") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("removed,2,Paris,20,") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("added,4,Oslo,40,25") != std::string::npos, r.out.c_str());
}

void TestCliTableDiff::jsonShape()
{
    const Run r = m_h->run({"--json", "diff", "--table", "t.csv", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(r, 0);
    const Json j = r.json();
    QCOMPARE(j["path"].get<std::string>(), std::string("t.csv"));
    QCOMPARE(j["summary"]["added"].get<int>(), 1);
    QCOMPARE(j["summary"]["removed"].get<int>(), 1);
    QCOMPARE(j["summary"]["changed"].get<int>(), 1);
    QCOMPARE(j["columns"].size(), size_t(4));
    QCOMPARE(j["columns"][3]["status"].get<std::string>(), std::string("added"));
    QCOMPARE(j["rows"].size(), size_t(3));
    bool sawChangedCell = false;
    for (const Json& row : j["rows"])
        if (row["status"] == "changed")
            for (const Json& c : row["cells"])
                if (c["changed"].get<bool>()) {
                    QCOMPARE(c["old"].get<std::string>(), std::string("30"));
                    QCOMPARE(c["new"].get<std::string>(), std::string("35"));
                    sawChangedCell = true;
                }
    QVERIFY(sawChangedCell);
}

void TestCliTableDiff::explicitKeyAndErrors()
{
    Run r = m_h->run({"--json", "diff", "--table", "t.csv", "--key", "id", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["summary"]["changed"].get<int>(), 1);
    r = m_h->run({"diff", "--table", "t.csv", "--key", "nope", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("nope") != std::string::npos, r.err.c_str());
    r = m_h->run({"diff", "--table", "missing.csv", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("missing.csv") != std::string::npos, r.err.c_str());
    CLI_EXPECT(m_h->run({"diff", "--table", "t.csv", "lakefs://shop/main"}), 2); // needs two refs
}

// The form scripts use: `diff --table lakefs://REPO/LEFT/PATH lakefs://REPO/RIGHT/PATH`.
// It gives the same diff as `--table PATH LEFT RIGHT`, and the two paths may differ.
void TestCliTableDiff::objectUriForm()
{
    const Run byPath = m_h->run({"diff", "--table", "t.csv", "lakefs://shop/main~1", "lakefs://shop/main"});
    CLI_EXPECT(byPath, 0);
    const Run byUri = m_h->run({"diff", "--table", "lakefs://shop/main~1/t.csv", "lakefs://shop/main/t.csv"});
    CLI_EXPECT(byUri, 0);
    QCOMPARE(byUri.out, byPath.out);
    Run keyed = m_h->run({"--json", "diff", "--table", "lakefs://shop/main~1/t.csv", "lakefs://shop/main/t.csv", "--key", "id"});
    CLI_EXPECT(keyed, 0);
    QVERIFY2(keyed.out.find("\"changed\": 1") != std::string::npos, keyed.out.c_str());

    // A renamed copy on a branch: compare main's t.csv with copy/t2.csv.
    CLI_EXPECT(m_h->run({"branch", "create", "lakefs://shop/copy", "--source", "lakefs://shop/main"}), 0);
    const std::string v3 = m_h->writeFile("v3.csv", "id,city,amount,vat\n1,Berlin,10,19\n3,Rome,36,22\n4,Oslo,40,25\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", v3, "lakefs://shop/copy/t2.csv"}), 0);
    CLI_EXPECT(m_h->run({"commit", "lakefs://shop/copy", "-m", "renamed copy"}), 0);
    Run renamed = m_h->run({"--json", "diff", "--table", "lakefs://shop/main/t.csv", "lakefs://shop/copy/t2.csv"});
    CLI_EXPECT(renamed, 0);
    QVERIFY2(renamed.out.find("\"right_path\": \"t2.csv\"") != std::string::npos, renamed.out.c_str());
    QVERIFY2(renamed.out.find("\"changed\": 1") != std::string::npos, renamed.out.c_str());

    // Each URI must name an object, and both must be in one repository.
    CLI_EXPECT(m_h->run({"diff", "--table", "lakefs://shop/main/t.csv", "lakefs://shop/copy"}), 2);
    CLI_EXPECT(m_h->run({"diff", "--table", "lakefs://shop/main/t.csv"}), 2);
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://other"}), 0);
    CLI_EXPECT(m_h->run({"diff", "--table", "lakefs://shop/main/t.csv", "lakefs://other/main/t.csv"}), 1);
}

QTEST_GUILESS_MAIN(TestCliTableDiff)
#include "tst_cli_tablediff.moc"
