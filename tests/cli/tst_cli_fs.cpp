// SPDX-License-Identifier: Apache-2.0
// lakeside-cli fs upload | ls | cat | stat | rm | download, and import (from a
// folder and from another data product), in text and lakeFS JSON shapes.

#include "clitestutil.h"

#include <QDir>
#include <QFile>

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliFs : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void uploadStatCat();
    void uploadFolderRecursively();
    void lsLevelsAndRecursive();
    void rmObjectAndPrefix();
    void downloadOneAndTree();
    void downloadRefusesHostileKey();
    void importFolder();
    void importFromAnotherRepository();

private:
    std::unique_ptr<Harness> m_h;
};

namespace {

std::string readAll(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return "<missing>";
    return f.readAll().toStdString();
}

} // namespace

void TestCliFs::init()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://sales"}), 0);
}

void TestCliFs::cleanup() { m_h.reset(); }

void TestCliFs::uploadStatCat()
{
    const std::string content = "id,amount\n1,10.5\n2,7.25\n";
    const std::string file = m_h->writeFile("orders.csv", content);
    Run r = m_h->run({"--json", "fs", "upload", "--source", file, "lakefs://sales/main/data/orders.csv"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["path"].get<std::string>(), std::string("data/orders.csv"));
    QCOMPARE(j["path_type"].get<std::string>(), std::string("object"));
    QCOMPARE(j["size_bytes"].get<int64_t>(), int64_t(content.size()));
    QCOMPARE(j["content_type"].get<std::string>(), std::string("text/csv"));
    for (const char* f : {"checksum", "physical_address", "mtime"}) QVERIFY2(j.contains(f), f);

    r = m_h->run({"fs", "stat", "lakefs://sales/main/data/orders.csv"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("Size: " + std::to_string(content.size()) + " bytes") != std::string::npos);
    r = m_h->run({"fs", "cat", "lakefs://sales/main/data/orders.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, content);

    // Reads through a committed ref once committed.
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "orders"}), 0);
    r = m_h->run({"fs", "cat", "lakefs://sales/main~0/data/orders.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, content);
}

void TestCliFs::uploadFolderRecursively()
{
    m_h->writeFile("in/a.csv", "a\n1\n");
    m_h->writeFile("in/sub/b.json", "{\"b\": 1}\n");
    Run r = m_h->run({"--json", "fs", "upload", "-r", "--source", m_h->path("in"), "lakefs://sales/main/raw"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["results"][0]["path"].get<std::string>(), std::string("raw/a.csv"));
    QCOMPARE(j["results"][1]["path"].get<std::string>(), std::string("raw/sub/b.json"));
    QCOMPARE(j["results"][1]["content_type"].get<std::string>(), std::string("application/json"));
    // A folder without -r is refused, and nothing is written.
    r = m_h->run({"fs", "upload", "--source", m_h->path("in"), "lakefs://sales/main/other"});
    CLI_EXPECT(r, 1);
    QVERIFY(r.err.find("-r") != std::string::npos);
    QVERIFY(!m_h->backend().statObject("sales", "main", "other").ok());
}

void TestCliFs::lsLevelsAndRecursive()
{
    const std::string f = m_h->writeFile("x.csv", "x\n");
    for (const char* p : {"data/2024/jan.csv", "data/2024/feb.csv", "data/readme.md", "top.csv"})
        CLI_EXPECT(m_h->run({"fs", "upload", "--source", f, std::string("lakefs://sales/main/") + p}), 0);
    Run r = m_h->run({"--json", "fs", "ls", "lakefs://sales/main/data/"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["results"].size(), size_t(2));
    QCOMPARE(j["results"][0]["path"].get<std::string>(), std::string("data/2024/"));
    QCOMPARE(j["results"][0]["path_type"].get<std::string>(), std::string("common_prefix"));
    QCOMPARE(j["results"][1]["path"].get<std::string>(), std::string("data/readme.md"));
    QCOMPARE(j["pagination"]["has_more"].get<bool>(), false);

    r = m_h->run({"fs", "ls", "lakefs://sales/main/data/"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("common_prefix") != std::string::npos && r.out.find("2024/") != std::string::npos, r.out.c_str());
    QVERIFY(r.out.find("readme.md") != std::string::npos);

    r = m_h->run({"--json", "fs", "ls", "-r", "lakefs://sales/main/"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.json()["results"].size(), size_t(4));
}

void TestCliFs::rmObjectAndPrefix()
{
    const std::string f = m_h->writeFile("x.csv", "x\n");
    for (const char* p : {"tmp/a.csv", "tmp/b/c.csv", "keep.csv"})
        CLI_EXPECT(m_h->run({"fs", "upload", "--source", f, std::string("lakefs://sales/main/") + p}), 0);
    CLI_EXPECT(m_h->run({"fs", "rm", "lakefs://sales/main/keep.csv"}), 0);
    QVERIFY(!m_h->backend().statObject("sales", "main", "keep.csv").ok());
    // A missing object is reported, not silently accepted.
    Run r = m_h->run({"fs", "rm", "lakefs://sales/main/keep.csv"});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("keep.csv") != std::string::npos, r.err.c_str());
    r = m_h->run({"fs", "rm", "-r", "lakefs://sales/main/tmp/"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("2 objects deleted") != std::string::npos);
    QVERIFY(!m_h->backend().statObject("sales", "main", "tmp/b/c.csv").ok());
}

void TestCliFs::downloadOneAndTree()
{
    const std::string a = m_h->writeFile("src/a.csv", "a\n1\n");
    const std::string b = m_h->writeFile("src/b.csv", "b\n2\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", a, "lakefs://sales/main/d/a.csv"}), 0);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", b, "lakefs://sales/main/d/sub/b.csv"}), 0);

    const std::string one = m_h->path("one.csv");
    CLI_EXPECT(m_h->run({"fs", "download", "lakefs://sales/main/d/a.csv", one}), 0);
    QCOMPARE(readAll(one), std::string("a\n1\n"));
    // Into an existing folder: keeps the object's file name.
    QDir().mkpath(QString::fromStdString(m_h->path("into")));
    CLI_EXPECT(m_h->run({"fs", "download", "lakefs://sales/main/d/a.csv", m_h->path("into")}), 0);
    QCOMPARE(readAll(m_h->path("into/a.csv")), std::string("a\n1\n"));

    const std::string tree = m_h->path("tree");
    Run r = m_h->run({"fs", "download", "-r", "lakefs://sales/main/d", tree});
    CLI_EXPECT(r, 0);
    QCOMPARE(readAll(tree + "/a.csv"), std::string("a\n1\n"));
    QCOMPARE(readAll(tree + "/sub/b.csv"), std::string("b\n2\n"));
    QVERIFY(!QFile::exists(QString::fromStdString(tree + "/a.csv.lakeside-part")));

    r = m_h->run({"fs", "download", "lakefs://sales/main/d/missing.csv", m_h->path("missing.csv")});
    CLI_EXPECT(r, 1);
    QVERIFY(r.err.find("missing.csv") != std::string::npos);
    QVERIFY(!QFile::exists(QString::fromStdString(m_h->path("missing.csv"))));
}

void TestCliFs::downloadRefusesHostileKey()
{
    // lakeFS accepts keys such as "/etc/evil.csv"; below an empty prefix that
    // would be an absolute path. The whole download is refused before writing.
    const std::string f = m_h->writeFile("x.csv", "x\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", f, "lakefs://sales/main/a-fine.csv"}), 0);
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", f, "lakefs://sales/main//etc/evil.csv"}), 0);
    const std::string dest = m_h->path("dest");
    const Run r = m_h->run({"fs", "download", "-r", "lakefs://sales/main/", dest});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("/etc/evil.csv") != std::string::npos && r.err.find("refusing") != std::string::npos, r.err.c_str());
    QVERIFY(!QFile::exists(QString::fromStdString(dest + "/a-fine.csv")));
    QVERIFY(!QFile::exists(QStringLiteral("/etc/evil.csv")));
}

void TestCliFs::importFolder()
{
    m_h->writeFile("landing/orders.csv", "id\n1\n2\n");
    m_h->writeFile("landing/meta/schema.json", "{}\n");
    Run r = m_h->run({"--json", "import", "--from", m_h->path("landing"), "lakefs://sales/main/raw/", "-m", "Land orders",
                      "--meta", "source=erp"});
    CLI_EXPECT(r, 0);
    Json j = r.json();
    QCOMPARE(j["message"].get<std::string>(), std::string("Land orders"));
    QCOMPARE(j["metadata"]["source"].get<std::string>(), std::string("erp"));
    QCOMPARE(j["parents"].size(), size_t(1));
    r = m_h->run({"fs", "cat", "lakefs://sales/main/raw/orders.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, std::string("id\n1\n2\n"));
    QVERIFY(m_h->backend().statObject("sales", "main", "raw/meta/schema.json").ok());

    // A missing folder: exit 1, named, no commit made.
    const std::string head = m_h->backend().getBranch("sales", "main")->commit_id;
    r = m_h->run({"import", "--from", m_h->path("nope"), "lakefs://sales/main/raw/"});
    CLI_EXPECT(r, 1);
    QVERIFY(r.err.find("nope") != std::string::npos);
    QCOMPARE(m_h->backend().getBranch("sales", "main")->commit_id, head);
}

void TestCliFs::importFromAnotherRepository()
{
    const std::string f = m_h->writeFile("c.csv", "customer\nacme\n");
    CLI_EXPECT(m_h->run({"fs", "upload", "--source", f, "lakefs://sales/main/out/customers.csv"}), 0);
    CLI_EXPECT(m_h->run({"commit", "lakefs://sales/main", "-m", "publish"}), 0);
    const std::string sourceHead = m_h->backend().getBranch("sales", "main")->commit_id;
    CLI_EXPECT(m_h->run({"repo", "create", "lakefs://marketing"}), 0);
    Run r = m_h->run({"--json", "import", "--from", "lakefs://sales/main/out/", "lakefs://marketing/main/upstream/"});
    CLI_EXPECT(r, 0);
    // The onboarding commit records its source for lineage.
    bool recorded = false;
    const Json commit = r.json();
    for (const auto& [k, v] : commit["metadata"].items())
        if (v.is_string() && v.get<std::string>().find(sourceHead) != std::string::npos) recorded = true;
    QVERIFY2(recorded, (r.out + " expected " + sourceHead).c_str());
    r = m_h->run({"fs", "cat", "lakefs://marketing/main/upstream/customers.csv"});
    CLI_EXPECT(r, 0);
    QCOMPARE(r.out, std::string("customer\nacme\n"));
}

QTEST_GUILESS_MAIN(TestCliFs)
#include "tst_cli_fs.moc"
