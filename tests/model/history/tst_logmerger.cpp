// SPDX-License-Identifier: Apache-2.0
// LogMerger: one newest-first log over several branch heads.
#include <QTest>

#include "history/logmerger.h"
#include "historyfixtures.h"

using namespace lakeside;
using lakeside::test::SyntheticBackend;

namespace {
std::vector<std::string> drain(LogMerger& m, int pageSize)
{
    std::vector<std::string> ids;
    while (!m.atEnd()) {
        Result<std::vector<Commit>> page = m.next(pageSize);
        if (!page.ok()) break;
        for (const Commit& c : *page) ids.push_back(c.id);
    }
    return ids;
}
} // namespace

class TestLogMerger : public QObject {
    Q_OBJECT
private slots:
    void singleHeadPagesThrough();
    void mergesHeads_data();
    void mergesHeads();
    void redundantBranchesCostNoExtraPass();
    void pathFilterAppliesToEveryHead();
    void errorsStopTheLog();
};

void TestLogMerger::singleHeadPagesThrough()
{
    auto b = test::makeMergeHistory(230, 0);
    LogMerger m(b, b->repo, {"main"});
    const std::vector<std::string> ids = drain(m, 100);
    QCOMPARE(int(ids.size()), 230);
    QCOMPARE(ids.front(), SyntheticBackend::idOf(b->branchHead("main")));
    QCOMPARE(ids, test::expectedLog(*b, {"main"}));
    QVERIFY(m.atEnd());
}

void TestLogMerger::mergesHeads_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addRow("small pages") << 7;
    QTest::addRow("one page") << 5000;
}

void TestLogMerger::mergesHeads()
{
    QFETCH(int, pageSize);
    auto b = test::makeMergeHistory(300);
    // Feature branches from old and recent mainline commits, some with own commits.
    const int32_t top = b->branchHead("main");
    int64_t date = 1800000000;
    int32_t f = b->add(date++, top - 40);
    f = b->add(date++, f);
    b->setBranch("feature", f);
    b->setBranch("old", b->add(date++, 5));       // forks near the root, newest date
    b->setBranch("same-as-main", top);            // shares main's head exactly
    b->setBranch("behind", top - 100);            // an ancestor of main
    b->setBranch("orphan", b->add(date++));       // unrelated root
    const std::vector<std::string> heads{"main", "feature", "old", "same-as-main", "behind", "orphan"};
    LogMerger m(b, b->repo, heads);
    const std::vector<std::string> ids = drain(m, pageSize);
    QCOMPARE(ids, test::expectedLog(*b, heads));
}

void TestLogMerger::redundantBranchesCostNoExtraPass()
{
    // 30 branches forking from recent commits of a 3000-commit history: read
    // naively that is ~30 passes; with dropping, little more than one.
    auto b = test::makeMergeHistory(3000);
    const int32_t top = b->branchHead("main");
    std::vector<std::string> heads{"main"};
    for (int i = 0; i < 30; ++i) {
        const std::string name = "topic-" + std::to_string(i);
        b->setBranch(name, b->add(1800000000 + i, top - i * 7));
        heads.push_back(name);
    }
    LogMerger m(b, b->repo, heads);
    const std::vector<std::string> ids = drain(m, 500);
    QCOMPARE(ids, test::expectedLog(*b, heads));
    qInfo("%zu commits, %lld read from the backend in %lld calls", ids.size(),
          static_cast<long long>(m.commitsRead()), static_cast<long long>(m.backendCalls()));
    QVERIFY2(m.commitsRead() < qint64(ids.size()) * 3 / 2, qPrintable(QString::number(m.commitsRead())));
}

void TestLogMerger::pathFilterAppliesToEveryHead()
{
    auto b = test::makeMergeHistory(200);
    b->setBranch("side", b->add(1800000000, 50));
    LogParams p;
    p.prefixes = {"logs/"};
    LogMerger m(b, b->repo, {"main", "side"}, p);
    const std::vector<std::string> ids = drain(m, 30);
    QVERIFY(!ids.empty());
    std::set<std::string> unique(ids.begin(), ids.end());
    QCOMPARE(unique.size(), ids.size()); // each commit once, though both heads reach it
    for (const std::string& id : ids) {
        Result<Commit> c = b->getCommit(b->repo, id);
        QVERIFY(c.ok());
        QCOMPARE(int(c->parents.size()), 1);
        QCOMPARE(std::stoi(c->metadata.at("index")) % 2, 1); // odd commits touch logs/
    }
}

void TestLogMerger::errorsStopTheLog()
{
    auto b = test::makeMergeHistory(50);
    b->failLogs(true);
    LogMerger m(b, b->repo, {"main"});
    Result<std::vector<Commit>> page = m.next(10);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ErrorKind::Unavailable);
    QVERIFY(QString::fromStdString(page.error().message).contains(QLatin1String("main")));
    QVERIFY(m.atEnd());
    b->failLogs(false);
    QVERIFY(!m.next(10).ok()); // stays failed until a new merger (reload)
}

QTEST_GUILESS_MAIN(TestLogMerger)
#include "tst_logmerger.moc"
