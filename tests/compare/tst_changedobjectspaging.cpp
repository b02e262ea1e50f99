// SPDX-License-Identifier: Apache-2.0
// The Compare tab's changed-objects list pages lazily: the first page shows
// at once, further pages are read off the UI thread only as the list
// scrolls, and the summary counts grow with it.
#include "compare/changedobjectsmodel.h"
#include "compare/comparepage.h"
#include "compare/comparesummary.h"
#include "memorybackend.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <atomic>
#include <cstdio>

using namespace lakeside;
using lakeside::compare::ChangedObjectsModel;
using lakeside::ui::ComparePage;

namespace {
constexpr int kObjects = 5000;

std::string pathOf(int i)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "data/part-%05d.csv", i);
    return buf;
}

// Scrolls to the end once the last page's rows are laid out (a view asks for
// more when its scroll bar reaches the end, so it must not be there already).
void scrollToTheEndOnce(QAbstractItemView& view)
{
    QScrollBar* bar = view.verticalScrollBar();
    QTRY_VERIFY(bar->value() < bar->maximum());
    bar->setValue(bar->maximum());
}

// Scrolls `view` to its end until `model` has all rows or stops growing.
void scrollToTheEnd(QAbstractItemView& view, const ChangedObjectsModel& model)
{
    for (int guard = 0; guard < 200 && !model.isComplete(); ++guard) {
        const int before = model.rowCount();
        scrollToTheEndOnce(view);
        QTRY_VERIFY(model.rowCount() > before || model.isComplete());
    }
}
} // namespace

class TestChangedObjectsPaging : public QObject {
    Q_OBJECT
private slots:
    void pagesAreReadAsTheViewScrolls();
    void emptyPagesWithMoreAreFollowed();
    void errorsStopThePaging();
    void compareTabListsAVeryLongDiffLazily();
    void aFilterHidingTheListReadsOn();
};

void TestChangedObjectsPaging::pagesAreReadAsTheViewScrolls()
{
    std::atomic<int> calls{0};
    std::atomic<bool> onUiThread{false};
    QThread* ui = QThread::currentThread();
    ChangedObjectsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &ChangedObjectsModel::pageLoaded);
    model.setSource([&](const std::string& after, int amount, const OpContext&) -> Result<Page<DiffEntry>> {
        ++calls;
        if (QThread::currentThread() == ui) onUiThread = true;
        Page<DiffEntry> page;
        int i = after.empty() ? 0 : std::stoi(after.substr(10, 5)) + 1;
        for (; i < kObjects && int(page.results.size()) < amount; ++i)
            page.results.push_back(DiffEntry{DiffType::Added, pathOf(i), PathType::Object, 100 + i, {}, {}, {}});
        page.has_more = i < kObjects;
        if (page.has_more) page.next_offset = page.results.back().path;
        return page;
    }, 100);
    QCOMPARE(model.rowCount(), 0); // the first page is read in a job
    QVERIFY(model.isFetching());
    QVERIFY(pages.wait(10000));
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore());
    QVERIFY(!model.isComplete());

    QTableView view; // asks for more only when its end is on screen (QTreeView asks on every relayout)
    view.resize(400, 300);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // A screen of rows is there; nothing more is read before the user scrolls.
    QTRY_VERIFY(!model.isFetching());
    QCOMPARE(model.rowCount(), 100);

    for (int step = 0; step < 3; ++step) {
        const int before = model.rowCount();
        scrollToTheEndOnce(view);
        QTRY_COMPARE(model.rowCount(), before + 100);
    }
    QVERIFY(model.rowCount() < kObjects);
    scrollToTheEnd(view, model);
    QCOMPARE(model.rowCount(), kObjects);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore());
    QCOMPARE(calls.load(), kObjects / 100);
    QVERIFY(!onUiThread);
    for (int r = 0; r < kObjects; r += 997)
        QCOMPARE(model.index(r, ChangedObjectsModel::PathColumn).data().toString(), QString::fromStdString(pathOf(r)));
    QCOMPARE(pages.last().at(1).toBool(), true);
}

void TestChangedObjectsPaging::emptyPagesWithMoreAreFollowed()
{
    // A page whose entries were all filtered out still has more behind it.
    ChangedObjectsModel model;
    QSignalSpy pages(&model, &ChangedObjectsModel::pageLoaded);
    model.setSource([](const std::string& after, int, const OpContext&) -> Result<Page<DiffEntry>> {
        Page<DiffEntry> page;
        if (after.empty()) {
            page.has_more = true;
            page.next_offset = "a";
        } else {
            page.results.push_back(DiffEntry{DiffType::Removed, "b.txt", PathType::Object, 3, 3, {}, {}});
        }
        return page;
    }, 10);
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(pages.count(), 2);
}

void TestChangedObjectsPaging::errorsStopThePaging()
{
    ChangedObjectsModel model;
    QSignalSpy errors(&model, &ChangedObjectsModel::errorOccurred);
    model.setSource([](const std::string&, int, const OpContext&) -> Result<Page<DiffEntry>> {
        return makeError(ErrorKind::Unavailable, "diff: connection refused");
    });
    QVERIFY(errors.wait(10000));
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("connection refused")));
    QVERIFY(!model.canFetchMore()); // no retry loop from the view
    QVERIFY(!model.isFetching());
}

// "main" with one object; "big" adds kObjects more in one commit.
static std::shared_ptr<test::MemoryBackend> makeBigDiff()
{
    auto backend = std::make_shared<test::MemoryBackend>();
    bool ok = backend->createRepository(RepositoryCreation{"repo", "", "main", false}).ok();
    ok = ok && backend->put("repo", "main", "keep.txt", "x").ok();
    CommitCreation c;
    c.message = "base";
    ok = ok && backend->commit("repo", "main", c).ok();
    ok = ok && backend->createBranch("repo", "big", "main").ok();
    for (int i = 0; ok && i < kObjects; ++i) ok = backend->put("repo", "big", pathOf(i), std::string(size_t(i % 50), 'x')).ok();
    c.message = "many objects";
    ok = ok && backend->commit("repo", "big", c).ok();
    return ok ? backend : nullptr;
}

void TestChangedObjectsPaging::compareTabListsAVeryLongDiffLazily()
{
    auto backend = makeBigDiff();
    QVERIFY(backend);

    ComparePage page(backend, QStringLiteral("repo"));
    page.setPageSize(200);
    page.resize(1000, 700);
    page.show();
    ChangedObjectsModel* model = page.objectsModel();
    QSignalSpy pages(model, &ChangedObjectsModel::pageLoaded);
    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compare(QStringLiteral("main"), QStringLiteral("big"));
    QVERIFY(pages.wait(10000));
    auto* list = page.findChild<QTreeView*>(QStringLiteral("objectsView"));
    // One page fills the list: nothing more is read before the user scrolls.
    QTRY_VERIFY(!model->isFetching() && list->verticalScrollBar()->maximum() > 0);
    const int first = model->rowCount();
    QCOMPARE(first, 200);
    QCOMPARE(finished.count(), 0);
    auto* message = page.findChild<QLabel*>(QStringLiteral("message"));
    QVERIFY(message->text().contains(QString::number(first)));
    auto* summary = page.findChild<ui::CompareSummary*>();
    QCOMPARE(summary->countsModel()->index(0, 0).data().toInt(), first); // added so far

    scrollToTheEndOnce(*list);
    QTRY_COMPARE(model->rowCount(), first + 200);
    QTRY_COMPARE(summary->countsModel()->index(0, 0).data().toInt(), first + 200);
    QVERIFY(!model->isFetching()); // one page per scroll to the end

    scrollToTheEnd(*list, *model);
    QCOMPARE(model->rowCount(), kObjects);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(summary->countsModel()->index(0, 0).data().toInt(), kObjects);
    QVERIFY(message->isHidden());
}

void TestChangedObjectsPaging::aFilterHidingTheListReadsOn()
{
    // Every object is added: hiding added ones leaves nothing to scroll, so
    // the list reads on until it is complete instead of getting stuck.
    auto backend = makeBigDiff();
    QVERIFY(backend);
    ComparePage page(backend, QStringLiteral("repo"));
    page.setPageSize(500);
    page.resize(1000, 700);
    page.show();
    ChangedObjectsModel* model = page.objectsModel();
    QSignalSpy pages(model, &ChangedObjectsModel::pageLoaded);
    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compare(QStringLiteral("main"), QStringLiteral("big"));
    QVERIFY(pages.wait(10000));
    QTRY_VERIFY(!model->isFetching());
    QCOMPARE(model->rowCount(), 500);
    page.findChild<QCheckBox*>(QStringLiteral("showAdded"))->setChecked(false);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(model->rowCount(), kObjects);
    QCOMPARE(page.findChild<QTreeView*>(QStringLiteral("objectsView"))->model()->rowCount(), 0);
}

QTEST_MAIN(TestChangedObjectsPaging)
#include "tst_changedobjectspaging.moc"
