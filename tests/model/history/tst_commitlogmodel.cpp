// SPDX-License-Identifier: Apache-2.0
// CommitLogModel: lazily paged history rows with graph lanes and labels.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "history/commitlogmodel.h"
#include "historyfixtures.h"

using namespace lakeside;
using lakeside::test::SyntheticBackend;

class TestCommitLogModel : public QObject {
    Q_OBJECT
private slots:
    void pagesArriveUnderTheTester();
    void rolesDescribeTheCommit();
    void labelsFollowRefs();
    void locateLoadsUntilFound();
    void pathFilterTurnsTheGraphOff();
    void errorsAreReportedOnce();
    void reloadDropsStalePages();

private:
    static void fetchAll(CommitLogModel& model)
    {
        while (model.canFetchMore()) {
            QSignalSpy page(&model, &CommitLogModel::pageLoaded);
            model.fetchMore();
            QVERIFY(!page.isEmpty() || page.wait(10000)); // a page may arrive within fetchMore
        }
    }
};

void TestCommitLogModel::pagesArriveUnderTheTester()
{
    auto b = test::makeMergeHistory(1200);
    CommitLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSizes(50, 300);
    QSignalSpy pages(&model, &CommitLogModel::pageLoaded);
    QSignalSpy finished(&model, &CommitLogModel::loadFinished);
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore());
    model.fetchMore();
    model.fetchMore(); // ignored while a page is in flight
    QVERIFY(!pages.isEmpty() || pages.wait(10000));
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(pages.at(0).at(2).toBool(), true); // the first page
    fetchAll(model);
    QCOMPARE(finished.count(), 1);
    const std::vector<std::string> expected = test::expectedLog(*b, {"main"});
    QCOMPARE(model.rowCount(), int(expected.size()));
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.commitId(r).toStdString(), expected[std::size_t(r)]);
    QCOMPARE(model.laneCount(), 2);
    QCOMPARE(model.layout().openLanes(), 0);
}

void TestCommitLogModel::rolesDescribeTheCommit()
{
    auto b = test::makeMergeHistory(30);
    CommitLogModel model;
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")});
    fetchAll(model);
    const int32_t head = b->branchHead("main");
    const QModelIndex msg = model.index(0, CommitLogModel::Message);
    QCOMPARE(msg.data().toString(), QStringLiteral("Commit number %1").arg(head)); // first line only
    QCOMPARE(msg.data(CommitLogModel::CommitIdRole).toString(), QString::fromStdString(SyntheticBackend::idOf(head)));
    QCOMPARE(model.index(0, CommitLogModel::Id).data().toString(),
             QString::fromStdString(SyntheticBackend::idOf(head)).left(12));
    QCOMPARE(model.index(0, CommitLogModel::Committer).data().toString(),
             QString::fromStdString(SyntheticBackend::committerOf(head)));
    QVERIFY(!model.index(0, CommitLogModel::Date).data().toString().isEmpty());
    const auto g = model.index(0, CommitLogModel::Graph).data(CommitLogModel::GraphRole).value<GraphRow>();
    QCOMPARE(g.nodeLane, 0);
    QVERIFY(!g.edges.empty());
    QCOMPARE(g.merge, false);
    // Merge rows say so and fork into two lanes below the node.
    int merges = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto row = model.index(r, 0).data(CommitLogModel::GraphRole).value<GraphRow>();
        const Result<Commit> c = b->getCommit(b->repo, model.commitId(r).toStdString());
        QCOMPARE(row.merge, c->parents.size() > 1);
        if (row.merge) {
            ++merges;
            QCOMPARE(std::count_if(row.edges.begin(), row.edges.end(),
                                   [](const GraphRow::Edge& e) { return e.kind == GraphRow::Kind::Out; }), 2);
        }
    }
    QCOMPARE(merges, 2);
    QCOMPARE(model.headerData(CommitLogModel::Committer, Qt::Horizontal).toString(), QStringLiteral("Committer"));
}

void TestCommitLogModel::labelsFollowRefs()
{
    auto b = test::makeMergeHistory(20);
    CommitLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")});
    fetchAll(model);
    QSignalSpy changed(&model, &CommitLogModel::dataChanged);
    const QString head = model.commitId(0);
    const QString third = model.commitId(2);
    model.setRefLabels({{head, {RefLabel{QStringLiteral("main"), RefLabel::Kind::DefaultBranch}}},
                        {third, {RefLabel{QStringLiteral("v1.0"), RefLabel::Kind::Tag}}}});
    QCOMPARE(changed.count(), 1);
    auto labelsAt = [&](int row) {
        return model.index(row, CommitLogModel::Message).data(CommitLogModel::RefsRole).value<QList<RefLabel>>();
    };
    QCOMPARE(labelsAt(0).size(), 1);
    QCOMPARE(labelsAt(0).at(0).name, QStringLiteral("main"));
    QCOMPARE(labelsAt(2).at(0).kind, RefLabel::Kind::Tag);
    QVERIFY(labelsAt(1).isEmpty());
}

void TestCommitLogModel::locateLoadsUntilFound()
{
    auto b = test::makeMergeHistory(2000);
    CommitLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSizes(100, 100);
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")});
    QSignalSpy located(&model, &CommitLogModel::commitLocated);
    const QString target = QString::fromStdString(SyntheticBackend::idOf(30)); // near the root
    model.locate(target);
    QVERIFY(!located.isEmpty() || located.wait(10000));
    const int row = located.at(0).at(0).toInt();
    QVERIFY(row > 1000);
    QCOMPARE(model.commitId(row), target);
    QCOMPARE(model.rowOf(target.left(10)), row); // a short prefix works once loaded

    located.clear();
    model.locate(QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000"));
    QVERIFY(located.count() == 1 || located.wait(20000));
    QCOMPARE(located.at(0).at(0).toInt(), -1);
    QVERIFY(!model.canFetchMore());
}

void TestCommitLogModel::pathFilterTurnsTheGraphOff()
{
    auto b = test::makeMergeHistory(100);
    CommitLogModel model;
    LogParams p;
    p.objects = {"data/part-3.csv"};
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")}, p);
    fetchAll(model);
    QVERIFY(model.rowCount() > 0);
    QVERIFY(!model.graphEnabled());
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto g = model.index(r, 0).data(CommitLogModel::GraphRole).value<GraphRow>();
        QCOMPARE(g.nodeLane, 0);
        QVERIFY(g.edges.empty());
        Result<Commit> c = b->getCommit(b->repo, model.commitId(r).toStdString());
        QCOMPARE(std::stoi(c->metadata.at("index")) % 7, 3);
    }
}

void TestCommitLogModel::errorsAreReportedOnce()
{
    auto b = test::makeMergeHistory(50);
    b->failLogs(true);
    CommitLogModel model;
    QSignalSpy errors(&model, &CommitLogModel::errorOccurred);
    model.load(b, QString::fromStdString(b->repo), {QStringLiteral("main")});
    model.fetchMore();
    QVERIFY(!errors.isEmpty() || errors.wait(10000));
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("connection refused")));
    QVERIFY(!model.canFetchMore()); // no retry loop from the view
    QCOMPARE(model.rowCount(), 0);
}

void TestCommitLogModel::reloadDropsStalePages()
{
    auto big = test::makeMergeHistory(500);
    auto small = test::makeMergeHistory(5, 0);
    CommitLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(big, QStringLiteral("repo"), {QStringLiteral("main")});
    model.fetchMore(); // in flight when the next load starts
    model.load(small, QStringLiteral("repo"), {QStringLiteral("main")});
    fetchAll(model);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.commitId(0).toStdString(), SyntheticBackend::idOf(small->branchHead("main")));
}

QTEST_GUILESS_MAIN(TestCommitLogModel)
#include "tst_commitlogmodel.moc"
