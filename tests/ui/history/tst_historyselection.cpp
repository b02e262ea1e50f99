// SPDX-License-Identifier: Apache-2.0
// The History tab's details pane always shows the selected commit: when the
// user clicks or presses Down quickly, while pages load, with the text
// filter on, after a reload, and while a commit is still being located.
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <condition_variable>
#include <mutex>

#include "history/commitdetailspane.h"
#include "history/commitlogmodel.h"
#include "history/historypage.h"
#include "historyfixtures.h"

using namespace lakeside;
using lakeside::test::SyntheticBackend;
using lakeside::ui::HistoryPage;

namespace {
// getCommit() of one chosen id blocks until released, so a test can hold a
// details request in flight while the user moves on.
class GatedBackend : public SyntheticBackend {
public:
    void gate(const std::string& id)
    {
        std::lock_guard l(m_gateMutex);
        m_gated = id;
        m_open = false;
    }
    void release()
    {
        {
            std::lock_guard l(m_gateMutex);
            m_open = true;
        }
        m_cv.notify_all();
    }
    Result<Commit> getCommit(const std::string& repo, const std::string& ref) override
    {
        {
            std::unique_lock l(m_gateMutex);
            if (ref == m_gated) m_cv.wait(l, [this] { return m_open; });
        }
        return SyntheticBackend::getCommit(repo, ref);
    }

private:
    std::mutex m_gateMutex;
    std::condition_variable m_cv;
    std::string m_gated;
    bool m_open = true;
};

// Opens the gate when the test leaves, even on failure, so no job hangs.
struct GateGuard {
    GatedBackend& b;
    ~GateGuard() { b.release(); }
};

std::shared_ptr<GatedBackend> makeBackend(int commits)
{
    auto b = std::make_shared<GatedBackend>();
    auto source = test::makeMergeHistory(commits);
    // Same DAG as the shared fixture, rebuilt in the gated backend.
    for (int32_t n = 0; n < source->size(); ++n) {
        const Result<Commit> c = source->getCommit(source->repo, SyntheticBackend::idOf(n));
        int32_t p[2] = {-1, -1};
        for (std::size_t i = 0; i < c->parents.size() && i < 2; ++i)
            p[i] = static_cast<int32_t>(std::stoul(c->parents[i].substr(56), nullptr, 16));
        b->add(c->creation_date, p[0], p[1]);
    }
    b->setBranch("main", source->branchHead("main"));
    return b;
}

QString idAt(const HistoryPage& page, int row)
{
    return page.view()->model()->index(row, CommitLogModel::Message).data(CommitLogModel::CommitIdRole).toString();
}

void clickRow(HistoryPage& page, int row)
{
    QTableView* view = page.view();
    const QModelIndex index = view->model()->index(row, CommitLogModel::Message);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

// The pane has settled (no request in flight) on the selected commit.
#define QVERIFY_PANE_SHOWS_SELECTION(page)                                                                           \
    do {                                                                                                              \
        QTRY_VERIFY(!(page).details()->isLoading());                                                                 \
        QVERIFY(!(page).selectedCommit().isEmpty());                                                                 \
        QCOMPARE((page).details()->commitId(), (page).selectedCommit());                                             \
    } while (false)
} // namespace

class TestHistorySelection : public QObject {
    Q_OBJECT
private slots:
    void backToTheShownCommitDropsTheLoadingOne();
    void keyboardAndClicksWhilePagesLoad_data();
    void keyboardAndClicksWhilePagesLoad();
    void textFilterKeepsTheSelection();
    void reloadAfterTheSelectedCommitVanished();
    void locatingDoesNotTakeBackALaterClick();

private:
    std::unique_ptr<HistoryPage> openPage(std::shared_ptr<Backend> backend, int firstPage = 200, int nextPage = 2000)
    {
        auto page = std::make_unique<HistoryPage>(std::move(backend), QStringLiteral("repo"));
        page->model()->setPageSizes(firstPage, nextPage);
        page->resize(1200, 700);
        page->show();
        QSignalSpy ready(page.get(), &HistoryPage::viewReady);
        if (ready.isEmpty()) [&] { QVERIFY(ready.wait(10000)); }();
        return page;
    }
};

void TestHistorySelection::backToTheShownCommitDropsTheLoadingOne()
{
    auto backend = makeBackend(60);
    GateGuard guard{*backend};
    auto page = openPage(backend);
    clickRow(*page, 1);
    QVERIFY_PANE_SHOWS_SELECTION(*page);
    const QString a = idAt(*page, 1);
    QCOMPARE(page->details()->commitId(), a);

    // B is requested and hangs; the user goes back to A before B arrives.
    backend->gate(idAt(*page, 2).toStdString());
    clickRow(*page, 2);
    QCOMPARE(page->selectedCommit(), idAt(*page, 2));
    clickRow(*page, 1);
    backend->release();
    QVERIFY_PANE_SHOWS_SELECTION(*page);
    QCOMPARE(page->details()->commitId(), a);
}

void TestHistorySelection::keyboardAndClicksWhilePagesLoad_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addRow("no filter") << QString();
    QTest::addRow("text filter") << QStringLiteral("alice");
}

void TestHistorySelection::keyboardAndClicksWhilePagesLoad()
{
    QFETCH(QString, filter);
    auto backend = makeBackend(3000);
    auto page = openPage(backend, 40, 40);
    if (!filter.isEmpty()) {
        QTest::keyClicks(page->filterEdit(), filter);
        QTest::keyClick(page->filterEdit(), Qt::Key_Return);
        QVERIFY(page->view()->model() != page->model());
    }
    QAbstractItemModel* shown = page->view()->model();
    clickRow(*page, 1);
    QVERIFY_PANE_SHOWS_SELECTION(*page);
    QScrollBar* bar = page->view()->verticalScrollBar();
    for (int step = 0; step < 12; ++step) {
        // Ask for the next page as a view at its end does, then move quickly
        // while it is in flight.
        const int before = page->model()->rowCount();
        bar->setValue(bar->maximum());
        shown->fetchMore({});
        QTest::keyClick(page->view(), Qt::Key_Down);
        QTest::keyClick(page->view(), Qt::Key_Down);
        if (step % 3 == 0) clickRow(*page, step + 2);
        QVERIFY_PANE_SHOWS_SELECTION(*page);
        QTRY_VERIFY(page->model()->rowCount() > before || !page->model()->canFetchMore());
        QVERIFY_PANE_SHOWS_SELECTION(*page); // the page that arrived moved nothing
        if (!filter.isEmpty())
            QCOMPARE(page->view()->currentIndex().data(CommitLogModel::CommitterRole).toString(), filter);
    }
    QCOMPARE(page->view()->model(), shown);
    QVERIFY(page->model()->rowCount() > 40);
}

void TestHistorySelection::textFilterKeepsTheSelection()
{
    auto backend = makeBackend(60);
    auto page = openPage(backend);
    QTRY_VERIFY(!page->model()->canFetchMore());
    int carolRow = -1;
    for (int r = 1; r < page->model()->rowCount() && carolRow < 0; ++r)
        if (page->model()->index(r, 0).data(CommitLogModel::CommitterRole).toString() == QLatin1String("carol"))
            carolRow = r;
    QVERIFY(carolRow > 0);
    clickRow(*page, carolRow);
    const QString carol = page->selectedCommit();
    QVERIFY_PANE_SHOWS_SELECTION(*page);

    // The selected commit matches: it stays selected in the filtered list.
    QTest::keyClicks(page->filterEdit(), QStringLiteral("carol"));
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QVERIFY(page->view()->model() != page->model());
    QCOMPARE(page->selectedCommit(), carol);
    QVERIFY_PANE_SHOWS_SELECTION(*page);

    // It no longer matches: the pane follows whatever is selected now.
    page->filterEdit()->clear();
    QTest::keyClicks(page->filterEdit(), QStringLiteral("alice"));
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QVERIFY_PANE_SHOWS_SELECTION(*page);
    QCOMPARE(page->view()->currentIndex().data(CommitLogModel::CommitterRole).toString(), QStringLiteral("alice"));

    // Filter off again: the selection stays where it is, now in the full list.
    const QString alice = page->selectedCommit();
    page->filterEdit()->clear();
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QCOMPARE(page->view()->model(), page->model());
    QCOMPARE(page->selectedCommit(), alice);
    QVERIFY_PANE_SHOWS_SELECTION(*page);
}

void TestHistorySelection::reloadAfterTheSelectedCommitVanished()
{
    auto backend = makeBackend(60);
    const int32_t feature = backend->add(1800000000, backend->branchHead("main") - 12);
    backend->setBranch("feature", feature);
    auto page = openPage(backend);
    QCOMPARE(page->selectedCommit(), QString::fromStdString(SyntheticBackend::idOf(feature)));
    QVERIFY_PANE_SHOWS_SELECTION(*page);

    // Still there after a reload: still selected.
    clickRow(*page, 3);
    const QString third = page->selectedCommit();
    QSignalSpy ready(page.get(), &HistoryPage::viewReady);
    page->reload();
    QVERIFY(ready.wait(10000));
    QTRY_COMPARE(page->selectedCommit(), third);
    QVERIFY_PANE_SHOWS_SELECTION(*page);

    // Gone after a reload (its only branch was deleted): another commit is
    // selected and shown, never the vanished one with nothing selected.
    clickRow(*page, 0);
    QCOMPARE(page->selectedCommit(), QString::fromStdString(SyntheticBackend::idOf(feature)));
    QVERIFY(backend->deleteBranch("repo", "feature").ok());
    ready.clear();
    page->reload();
    QVERIFY(ready.wait(10000));
    QVERIFY_PANE_SHOWS_SELECTION(*page);
    QVERIFY(page->selectedCommit() != QString::fromStdString(SyntheticBackend::idOf(feature)));
}

void TestHistorySelection::locatingDoesNotTakeBackALaterClick()
{
    auto backend = makeBackend(3000);
    auto page = openPage(backend, 100, 100);
    QSignalSpy located(page->model(), &CommitLogModel::commitLocated);
    page->selectCommit(QString::fromStdString(SyntheticBackend::idOf(30))); // near the root: many pages away
    QVERIFY(located.isEmpty());
    clickRow(*page, 2);
    const QString clicked = idAt(*page, 2);
    QVERIFY(located.wait(20000));
    QCOMPARE(page->selectedCommit(), clicked);
    QVERIFY_PANE_SHOWS_SELECTION(*page);
}

QTEST_MAIN(TestHistorySelection)
#include "tst_historyselection.moc"
