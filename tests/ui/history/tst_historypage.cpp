// SPDX-License-Identifier: Apache-2.0
// HistoryPage driven like a user: graph with labels, details, parents,
// filters, and the operations of the context menu.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "dialogs/createrefdialog.h"
#include "history/branchchoicedialog.h"
#include "history/commitdetailspane.h"
#include "history/graphdelegate.h"
#include "history/historypage.h"
#include "history/commitchangesmodel.h"
#include "history/commitlogmodel.h"
#include "widgets/messagebar.h"
#include "historyfixtures.h"

using namespace lakeside;
using lakeside::test::SyntheticBackend;
using lakeside::ui::HistoryPage;

namespace {
struct Fixture {
    std::shared_ptr<SyntheticBackend> backend;
    int32_t feature = -1; // head of "feature"
    int32_t tagged = -1;  // commit tagged "v1"
};

Fixture makeFixture(int commits = 60)
{
    Fixture f;
    f.backend = test::makeMergeHistory(commits);
    const int32_t top = f.backend->branchHead("main");
    f.feature = f.backend->add(1800000000, top - 12);
    f.backend->setBranch("feature", f.feature);
    f.tagged = top - 5;
    f.backend->setTag("v1", f.tagged);
    return f;
}

QString idOf(int32_t n) { return QString::fromStdString(SyntheticBackend::idOf(n)); }

int rowWithId(const HistoryPage& page, const QString& id)
{
    QAbstractItemModel* m = page.view()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(CommitLogModel::CommitIdRole).toString() == id) return r;
    return -1;
}

QStringList labelsAt(const HistoryPage& page, int row)
{
    QStringList names;
    const auto labels = page.view()->model()->index(row, CommitLogModel::Message).data(CommitLogModel::RefsRole)
                            .value<QList<RefLabel>>();
    for (const RefLabel& l : labels) names << l.name;
    return names;
}

QAction* findAction(QMenu* menu, const QString& name)
{
    return menu ? menu->findChild<QAction*>(name) : nullptr;
}
} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT
private slots:
    void graphShowsCommitsWithLabels();
    void selectingACommitFillsDetails();
    void clickingAParentSelectsIt();
    void scrollingToTheEndLoadsMore();
    void createBranchFromContextMenu();
    void createTagValidatesLive();
    void resetBranchToCommit();
    void revertMergeAsksForParent();
    void cherryPickOntoBranch();
    void compareWithEmits();
    void textFilterHidesGraph();
    void pathFilterAsksTheBackend();
    void singleRefShowsOnlyItsHistory();
    void errorsShowInline();

private:
    std::unique_ptr<HistoryPage> openPage(const Fixture& f)
    {
        auto page = std::make_unique<HistoryPage>(f.backend, QStringLiteral("repo"));
        page->resize(1200, 700);
        page->show();
        QSignalSpy ready(page.get(), &HistoryPage::viewReady);
        if (ready.isEmpty()) ready.wait(10000);
        return page;
    }
};

void TestHistoryPage::graphShowsCommitsWithLabels()
{
    const Fixture f = makeFixture();
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("^view ready: history \\d+ rows in \\d+ ms$")));
    auto page = openPage(f);
    QVERIFY(page->view()->model()->rowCount() > 0);
    // All branches: the feature head is newest, so it is the first row.
    QCOMPARE(page->selectedCommit(), idOf(f.feature));
    QCOMPARE(labelsAt(*page, 0), QStringList{QStringLiteral("feature")});
    QTRY_VERIFY(rowWithId(*page, idOf(f.tagged)) >= 0);
    QCOMPARE(labelsAt(*page, rowWithId(*page, idOf(f.tagged))), QStringList{QStringLiteral("v1")});
    QCOMPARE(labelsAt(*page, rowWithId(*page, idOf(f.backend->branchHead("main")))), QStringList{QStringLiteral("main")});

    // The node of the first row is painted in its lane's colour.
    const auto g = page->view()->model()->index(0, 0).data(CommitLogModel::GraphRole).value<GraphRow>();
    QVERIFY(!g.merge);
    const QRect cell = page->view()->visualRect(page->view()->model()->index(0, CommitLogModel::Graph));
    const auto* delegate = qobject_cast<ui::GraphDelegate*>(page->view()->itemDelegateForColumn(0));
    QVERIFY(delegate);
    const QPointF c = delegate->geometry().nodeCenter(g.nodeLane);
    page->view()->clearSelection(); // so the selection colour does not matter
    const QImage image = page->view()->viewport()->grab().toImage();
    const QColor pixel = image.pixelColor(cell.left() + int(c.x()), cell.top() + int(c.y()));
    QCOMPARE(pixel.rgb(), ui::GraphDelegate::laneColor(g.nodeLane).rgb());
    QVERIFY(page->view()->columnWidth(CommitLogModel::Graph) >= delegate->geometry().columnWidth(2));
}

void TestHistoryPage::selectingACommitFillsDetails()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QTableView* view = page->view();
    const QRect rect = view->visualRect(view->model()->index(3, CommitLogModel::Message));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    const QString id = view->model()->index(3, 0).data(CommitLogModel::CommitIdRole).toString();
    QTRY_COMPARE(page->details()->commitId(), id);
    const int32_t n = static_cast<int32_t>(id.right(8).toUInt(nullptr, 16));
    QCOMPARE(page->details()->idLabel()->text(), id);
    QCOMPARE(page->details()->committerLabel()->text(), QString::fromStdString(SyntheticBackend::committerOf(n)));
    QVERIFY(page->details()->messageView()->toPlainText().contains(QLatin1String("Body of the message.")));
    QVERIFY(page->details()->metadataTable()->rowCount() >= 2);
    QTRY_VERIFY(page->details()->changesModel()->rowCount() >= 1);
    QCOMPARE(page->details()->changesModel()->index(0, CommitChangesModel::Path).data().toString(),
             QString::fromStdString(SyntheticBackend::pathsOf(n).front()));
}

void TestHistoryPage::clickingAParentSelectsIt()
{
    // A long history with small pages: the parent of the oldest loaded
    // commit is not loaded yet, and selecting it loads further pages.
    const Fixture f = makeFixture(3000);
    auto page = openPage(f);
    page->model()->setPageSizes(100, 100);
    page->reload();
    QSignalSpy ready(page.get(), &HistoryPage::viewReady);
    QVERIFY(ready.wait(10000));
    const int rows = page->model()->rowCount();
    page->selectCommit(page->model()->commitId(rows - 1));
    QTRY_COMPARE(page->details()->commitId(), page->model()->commitId(rows - 1));
    QVERIFY(!page->details()->parents().isEmpty());
    const QString parent = page->details()->parents().constFirst();
    QVERIFY(page->details()->parentsLabel()->text().contains(parent));
    emit page->details()->parentsLabel()->linkActivated(parent); // the user clicks the link
    QTRY_COMPARE(page->selectedCommit(), parent);
    QTRY_COMPARE(page->details()->commitId(), parent);
    QVERIFY(page->model()->rowCount() > rows);
}

void TestHistoryPage::scrollingToTheEndLoadsMore()
{
    const Fixture f = makeFixture(5000);
    auto page = openPage(f);
    const int before = page->model()->rowCount();
    QVERIFY(page->model()->canFetchMore());
    QScrollBar* bar = page->view()->verticalScrollBar();
    bar->setValue(bar->maximum());
    QTRY_VERIFY(page->model()->rowCount() > before);
}

void TestHistoryPage::createBranchFromContextMenu()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QSignalSpy refsChanged(page.get(), &HistoryPage::refsChanged);
    const QString id = page->model()->commitId(4);
    QAction* create = findAction(page->contextMenuForRow(4), QStringLiteral("createBranchHere"));
    QVERIFY(create);
    create->trigger();
    auto* dialog = page->findChild<ui::CreateRefDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->source(), id);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("bad name"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->reasonLabel()->text().isEmpty());
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("feature")); // taken
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(dialog->reasonLabel()->text().contains(QLatin1String("feature")));
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("from-history"));
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(dialog->reasonLabel()->text().isEmpty());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_COMPARE(refsChanged.count(), 1);
    QCOMPARE(QString::fromStdString(f.backend->getBranch("repo", "from-history")->commit_id), id);
    // The page reloads and the new label sits on the commit.
    QTRY_VERIFY(labelsAt(*page, rowWithId(*page, id)).contains(QStringLiteral("from-history")));
    QVERIFY(page->messageBar()->text().contains(QLatin1String("from-history")));
}

void TestHistoryPage::createTagValidatesLive()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    const QString id = page->model()->commitId(2);
    findAction(page->contextMenuForRow(2), QStringLiteral("tagCommit"))->trigger();
    auto* dialog = page->findChild<ui::CreateRefDialog*>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("v2..0"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->reasonLabel()->text().isEmpty());
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("v2.0"));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(f.backend->getTag("repo", "v2.0").ok());
    QCOMPARE(QString::fromStdString(f.backend->getTag("repo", "v2.0")->commit_id), id);
}

void TestHistoryPage::resetBranchToCommit()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    const int row = 6;
    const QString id = page->model()->commitId(row);
    findAction(page->contextMenuForRow(row), QStringLiteral("resetBranchHere"))->trigger();
    auto* dialog = page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->branch(), QStringLiteral("main")); // the default branch is preselected
    dialog->branchCombo()->setCurrentText(QStringLiteral("feature"));
    QVERIFY(!dialog->parentSpin()->isVisibleTo(dialog));
    QSignalSpy refsChanged(page.get(), &HistoryPage::refsChanged);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_COMPARE(refsChanged.count(), 1);
    QCOMPARE(QString::fromStdString(f.backend->getBranch("repo", "feature")->commit_id), id);
}

void TestHistoryPage::revertMergeAsksForParent()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    int mergeRow = -1;
    for (int r = 0; r < page->model()->rowCount() && mergeRow < 0; ++r)
        if (page->model()->index(r, 0).data(CommitLogModel::GraphRole).value<GraphRow>().merge) mergeRow = r;
    QVERIFY(mergeRow >= 0);
    findAction(page->contextMenuForRow(mergeRow), QStringLiteral("revertCommit"))->trigger();
    auto* dialog = page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->parentSpin()->isVisibleTo(dialog));
    QCOMPARE(dialog->parentSpin()->maximum(), 2);
    QCOMPARE(dialog->parentNumber(), 1);
    const int32_t before = f.backend->branchHead("main");
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(f.backend->branchHead("main") != before);
    const Result<Commit> head = f.backend->getCommit("repo", "main");
    QVERIFY(QString::fromStdString(head->message).startsWith(QLatin1String("Revert ")));
    QCOMPARE(head->parents.front(), SyntheticBackend::idOf(before));
    // The reloaded graph shows the new commit with the main label.
    QTRY_VERIFY(labelsAt(*page, rowWithId(*page, QString::fromStdString(head->id))).contains(QStringLiteral("main")));
}

void TestHistoryPage::cherryPickOntoBranch()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QSignalSpy errors(page.get(), &HistoryPage::errorOccurred);
    const int row = rowWithId(*page, idOf(f.backend->branchHead("main")));
    findAction(page->contextMenuForRow(row), QStringLiteral("cherryPickCommit"))->trigger();
    auto* dialog = page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    dialog->branchCombo()->setCurrentText(QStringLiteral("feature"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(f.backend->branchHead("feature") != f.feature);
    QCOMPARE(f.backend->getCommit("repo", "feature")->parents.front(), SyntheticBackend::idOf(f.feature));
    QCOMPARE(errors.count(), 0);
}

void TestHistoryPage::compareWithEmits()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QSignalSpy compare(page.get(), &HistoryPage::compareRequested);
    const QString id = page->model()->commitId(1);
    QAction* a = findAction(page->contextMenuForRow(1), QStringLiteral("compareWith:main"));
    QVERIFY(a);
    a->trigger();
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.at(0).at(0).toString(), QStringLiteral("main"));
    QCOMPARE(compare.at(0).at(1).toString(), id);
}

void TestHistoryPage::textFilterHidesGraph()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QTRY_VERIFY(!page->model()->canFetchMore());
    const int all = page->model()->rowCount();
    QTest::keyClicks(page->filterEdit(), QStringLiteral("carol"));
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QAbstractItemModel* shown = page->view()->model();
    QVERIFY(shown != page->model());
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(shown->rowCount() > 0 && shown->rowCount() < all);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, 0).data(CommitLogModel::CommitterRole).toString(), QStringLiteral("carol"));
    QVERIFY(page->view()->isColumnHidden(CommitLogModel::Graph));
    page->filterEdit()->clear();
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QCOMPARE(page->view()->model(), page->model());
    QVERIFY(!page->view()->isColumnHidden(CommitLogModel::Graph));
}

void TestHistoryPage::pathFilterAsksTheBackend()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    page->filterModeCombo()->setCurrentIndex(1);
    QTest::keyClicks(page->filterEdit(), QStringLiteral("data/part-3.csv"));
    QSignalSpy ready(page.get(), &HistoryPage::viewReady);
    QTest::keyClick(page->filterEdit(), Qt::Key_Return);
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY(!page->model()->canFetchMore());
    QVERIFY(!page->model()->graphEnabled());
    QVERIFY(page->model()->rowCount() > 0);
    for (int r = 0; r < page->model()->rowCount(); ++r) {
        const int n = page->model()->commitId(r).right(8).toInt(nullptr, 16);
        QCOMPARE(SyntheticBackend::pathsOf(n).front(), std::string("data/part-3.csv"));
    }
}

void TestHistoryPage::singleRefShowsOnlyItsHistory()
{
    const Fixture f = makeFixture();
    auto page = openPage(f);
    QSignalSpy ready(page.get(), &HistoryPage::viewReady);
    page->setRef(QStringLiteral("v1"));
    QVERIFY(ready.wait(10000));
    QCOMPARE(page->model()->commitId(0), idOf(f.tagged));
    QCOMPARE(page->refCombo()->currentData().toString(), QStringLiteral("v1"));
    QCOMPARE(rowWithId(*page, idOf(f.feature)), -1);
}

void TestHistoryPage::errorsShowInline()
{
    auto backend = test::makeMergeHistory(10);
    HistoryPage page(backend, QStringLiteral("no-such-repo"));
    QSignalSpy errors(&page, &HistoryPage::errorOccurred);
    QVERIFY(errors.wait(10000));
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("no-such-repo")));
    QVERIFY(page.messageBar()->text().contains(QLatin1String("no-such-repo")));
    QCOMPARE(page.messageBar()->level(), ui::MessageBar::Level::Error);
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
