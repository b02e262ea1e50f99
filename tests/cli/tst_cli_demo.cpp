// SPDX-License-Identifier: Apache-2.0
// `lakeside-cli demo` and createDemoData(): the promised history (three data
// products, branches, a tag, merge commits, uncommitted work, a schema change,
// lineage), deterministic content, and refusal on an occupied workspace.

#include "clitestutil.h"

#include "demo/demo.h"

#include <set>

using namespace lakeside;
using clitest::Harness;
using clitest::Run;

class TestCliDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void repositoriesBranchesAndTags();
    void historyIsRealistic();
    void schemaChangeAndUncommittedWork();
    void lineageRecordsTheSource();
    void refusesWhenDemoRepositoriesExist();
    void contentIsDeterministic();
    void cancelledBeforeStartWritesNothing();

private:
    std::unique_ptr<Harness> m_h;
};

namespace {

std::vector<Commit> allCommits(Backend& b, const std::string& repo, const std::string& ref)
{
    std::vector<Commit> out;
    Status st = forEachPage<Commit>([&](const std::string& after) { return b.logCommits(repo, ref, {after, 1000}); },
                                    [&](const Commit& c) {
                                        out.push_back(c);
                                        return true;
                                    });
    if (!st.ok()) qWarning("log failed: %s", st.message().c_str());
    return out;
}

std::string readObject(Backend& b, const std::string& repo, const std::string& ref, const std::string& path)
{
    std::string s;
    Status st = b.getObject(repo, ref, path, [&](const char* d, int64_t n) {
        s.append(d, static_cast<size_t>(n));
        return true;
    });
    return st.ok() ? s : "<" + st.message() + ">";
}

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

} // namespace

void TestCliDemo::initTestCase()
{
    m_h = std::make_unique<Harness>();
    QVERIFY(m_h->valid());
    const Run r = m_h->run({"demo"});
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.find("lakefs://sales-orders") != std::string::npos);
}

void TestCliDemo::repositoriesBranchesAndTags()
{
    const Json repos = m_h->run({"--json", "repo", "list"}).json();
    std::set<std::string> ids;
    for (const Json& r : repos["results"]) ids.insert(r["id"].get<std::string>());
    QCOMPARE(ids, (std::set<std::string>{"customer-profiles", "marketing-attribution", "sales-orders"}));

    const Json branches = m_h->run({"--json", "branch", "list", "lakefs://sales-orders"}).json();
    std::set<std::string> names;
    for (const Json& b : branches["results"]) names.insert(b["id"].get<std::string>());
    for (const char* b : {"main", "feature-discounts", "ingest-2024-w13", "returns-analysis"})
        QVERIFY2(names.count(b), b);
    const Json tags = m_h->run({"--json", "tag", "list", "lakefs://sales-orders"}).json();
    QCOMPARE(tags["results"][0]["id"].get<std::string>(), std::string("v1.0"));
}

void TestCliDemo::historyIsRealistic()
{
    Backend& b = m_h->backend();
    int total = 0;
    int merges = 0;
    std::set<std::string> committers;
    int64_t oldest = INT64_MAX;
    int64_t newest = 0;
    for (const std::string& repo : demoRepositoryNames()) {
        auto branches = b.listBranches(repo, {"", "", 1000});
        std::set<std::string> seen;
        for (const Ref& br : branches->results)
            for (const Commit& c : allCommits(b, repo, br.id)) {
                if (!seen.insert(c.id).second || c.parents.empty()) continue;
                ++total;
                if (c.parents.size() == 2) ++merges;
                committers.insert(c.committer);
                QVERIFY2(!c.message.empty(), c.id.c_str());
                oldest = std::min(oldest, c.creation_date);
                newest = std::max(newest, c.creation_date);
            }
    }
    QVERIFY2(total >= 20 && total <= 40, std::to_string(total).c_str());
    QVERIFY(merges >= 2);
    QVERIFY2(committers.size() >= 4, std::to_string(committers.size()).c_str()); // several people, not one
    QVERIFY(newest - oldest >= 14 * 86400);                                       // spread over weeks

    const std::vector<Commit> main = allCommits(b, "sales-orders", "main");
    QCOMPARE(main.front().parents.size(), size_t(2)); // HEAD is the feature merge
    bool withMetadata = false;
    for (const Commit& c : main) withMetadata = withMetadata || c.metadata.count("ticket");
    QVERIFY(withMetadata);
}

void TestCliDemo::schemaChangeAndUncommittedWork()
{
    Backend& b = m_h->backend();
    const std::string before = readObject(b, "sales-orders", "v1.0", "orders/orders.csv");
    const std::string after = readObject(b, "sales-orders", "main", "orders/orders.csv");
    QCOMPARE(firstLine(before), std::string("order_id,order_date,customer_id,product_sku,quantity,unit_price,status"));
    QCOMPARE(firstLine(after), std::string("order_id,order_date,customer_id,product_sku,quantity,unit_price,status,discount_pct"));
    QVERIFY(before.find("\nORD-10001,2024-03-04,") != std::string::npos);
    QVERIFY(after.find(",CUST-") != std::string::npos && before.find(",CUST-") == std::string::npos); // retyped
    QVERIFY(after.size() > before.size());                                                              // rows added

    const Run r = m_h->run({"diff", "lakefs://sales-orders/returns-analysis"});
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.find("+ added returns/returns.csv") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("~ changed README.md") != std::string::npos, r.out.c_str());

    // The open ingest branch conflicts with the merged schema change (a review scenario).
    const Run m = m_h->run({"merge", "lakefs://sales-orders/ingest-2024-w13", "lakefs://sales-orders/main"});
    CLI_EXPECT(m, 1);
    QVERIFY(m.err.find("orders/orders.csv") != std::string::npos);
}

void TestCliDemo::lineageRecordsTheSource()
{
    Backend& b = m_h->backend();
    const std::string v1 = b.getTag("sales-orders", "v1.0")->commit_id;
    bool found = false;
    for (const Commit& c : allCommits(b, "marketing-attribution", "main"))
        for (const auto& [k, v] : c.metadata)
            if (v.find("sales-orders@" + v1) != std::string::npos) found = true;
    QVERIFY(found);
    QCOMPARE(readObject(b, "marketing-attribution", "main", "upstream/sales-orders/orders.csv"),
             readObject(b, "sales-orders", "v1.0", "orders/orders.csv"));
}

void TestCliDemo::refusesWhenDemoRepositoriesExist()
{
    Backend& b = m_h->backend();
    const size_t commits = allCommits(b, "sales-orders", "main").size();
    const Run r = m_h->run({"demo", m_h->workspace()});
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.find("already exists") != std::string::npos && r.err.find("sales-orders") != std::string::npos, r.err.c_str());
    QCOMPARE(allCommits(b, "sales-orders", "main").size(), commits);

    // A workspace with other repositories (but no demo ones) is fine.
    Harness other;
    CLI_EXPECT(other.run({"repo", "create", "lakefs://my-own"}), 0);
    CLI_EXPECT(other.run({"demo"}), 0);
    QVERIFY(other.backend().getRepository("my-own").ok());
}

void TestCliDemo::contentIsDeterministic()
{
    auto objects = [](Backend& b) {
        std::vector<std::string> out;
        for (const std::string& repo : demoRepositoryNames())
            for (const char* ref : {"main", "v1.0"}) {
                if (std::string(ref) == "v1.0" && repo != "sales-orders") continue;
                auto page = b.listObjects(repo, ref, {"", "", 1000}, "");
                for (const ObjectStats& s : page->results) out.push_back(repo + "/" + ref + "/" + s.path + " " + s.checksum);
            }
        return out;
    };
    QTemporaryDir a, c;
    auto ba = LocalBackend::open(a.path().toStdString(), "x");
    auto bc = LocalBackend::open(c.path().toStdString(), "x");
    QVERIFY(ba.ok() && bc.ok());
    DemoOptions o;
    o.now = 1717200000;
    QVERIFY(createDemoData(**ba, o).ok());
    QVERIFY(createDemoData(**bc, o).ok());
    QCOMPARE(objects(**ba), objects(**bc));
    // Same history shape too (ids differ: "Repository created" carries the real time).
    auto messages = [](Backend& b) {
        std::vector<std::string> out;
        for (const Commit& c : allCommits(b, "sales-orders", "main")) out.push_back(c.message + " @" + std::to_string(c.parents.size()));
        return out;
    };
    QCOMPARE(messages(**ba), messages(**bc));
}

void TestCliDemo::cancelledBeforeStartWritesNothing()
{
    QTemporaryDir d;
    auto b = LocalBackend::open(d.path().toStdString(), "x");
    QVERIFY(b.ok());
    std::atomic<bool> cancelled{true};
    DemoOptions o;
    o.ctx.cancelled = &cancelled;
    int reports = 0;
    o.ctx.progress = [&](int64_t, int64_t) { ++reports; };
    const Status st = createDemoData(**b, o);
    QCOMPARE(st.kind(), ErrorKind::Cancelled);
    QCOMPARE(reports, 0);
    QVERIFY((*b)->listRepositories({})->results.empty());
}

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
