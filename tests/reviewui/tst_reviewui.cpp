// SPDX-License-Identifier: Apache-2.0
// The merge-review screens driven like a reviewer would, on the embedded
// workspace and on a served (lakeFS API) backend: the seed workflow (bad
// table blocks the merge with the hook's log, fixed data, protection asks
// for an approval, approve, merge records the review id on main) and
// per-path conflict resolution with both sides shown.
#include "../local/testutil.h"
#include "reviewfixture.h"

#include "compare/comparepage.h"
#include "reviews/actionrunlistmodel.h"
#include "reviews/conflictlistmodel.h"
#include "reviews/hookrunlistmodel.h"
#include "reviews/pullrequestlistmodel.h"
#include "reviews/reviewlistmodel.h"
#include "ui/review/actionspage.h"
#include "ui/review/checkspanel.h"
#include "ui/review/conflictpanel.h"
#include "ui/review/newreviewdialog.h"
#include "ui/review/objectdiffview.h"
#include "ui/review/repositorysettingsdialog.h"
#include "ui/review/reviewpanel.h"
#include "ui/review/reviewscreen.h"
#include "ui/review/reviewspage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;
using testutil::commit;
using testutil::get;
using testutil::put;

namespace {
const std::string R = "sales";
constexpr int kWait = 30000;

const char* kChecks = "name: Orders quality\n"
                      "on:\n  pre-merge:\n    branches: [main]\n"
                      "hooks:\n"
                      "  - id: orders_ok\n    type: lakeside_check\n"
                      "    properties:\n      paths: ['tables/*.csv']\n      not_null: [id]\n      unique: [id]\n";

template <class T>
T* child(QWidget* w, const char* name)
{
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qWarning("no child %s", name);
    return c;
}

// Clicks `button` once it is enabled (fails the test after kWait ms).
bool clickWhenEnabled(QPushButton* button)
{
    if (!QTest::qWaitFor([&] { return button->isEnabled(); }, kWait)) return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}
} // namespace

class TestReviewUi : public QObject {
    Q_OBJECT
private slots:
    void seedWorkflow_data();
    void seedWorkflow();
    void conflictsResolvedPerPath_data() { seedWorkflow_data(); }
    void conflictsResolvedPerPath();
    void requestChangesBlocksAndCloseMovesTheRequest_data() { seedWorkflow_data(); }
    void requestChangesBlocksAndCloseMovesTheRequest();
    void failedReloadBlocksMerge_data() { seedWorkflow_data(); }
    void failedReloadBlocksMerge();

private:
    // Reloads the screen and waits for the new snapshot.
    bool reload(ReviewScreen* screen);
};

void TestReviewUi::seedWorkflow_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("embedded") << QStringLiteral("embedded");
    QTest::addRow("served") << QStringLiteral("served");
}

bool TestReviewUi::reload(ReviewScreen* screen)
{
    QSignalSpy loaded(screen, &ReviewScreen::loaded);
    QTest::mouseClick(child<QPushButton>(screen, "reloadReviewButton"), Qt::LeftButton);
    return loaded.wait(kWait);
}

void TestReviewUi::seedWorkflow()
{
    QFETCH(QString, kind);
    ReviewFixture fx;
    QVERIFY2(fx.open(kind), qPrintable(fx.error()));
    Backend& b = *fx.backend();
    RepositoryCreation rc;
    rc.name = R;
    CHECK_OK(b.createRepository(rc));
    CHECK_OK(put(b, R, "main", "README.md", "sales\n"));
    CHECK_OK(commit(b, R, "main", "readme"));
    CHECK_OK(b.createBranch(R, "ingest", "main"));
    CHECK_OK(put(b, R, "ingest", "_lakefs_actions/checks.yaml", kChecks));
    CHECK_OK(put(b, R, "ingest", "tables/orders.csv", "id,amount\n1,10\n2,20\n2,30\n"));
    CHECK_OK(commit(b, R, "ingest", "ingest orders"));
    const std::string mainBefore = b.getBranch(R, "main")->commit_id;

    ReviewsPage page(fx.backend(), QString::fromStdString(R));
    QAbstractItemModelTester listTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1200, 800);
    page.show();
    ReviewScreen* screen = page.screen();
    QAbstractItemModelTester conflictsTester(screen->conflictPanel()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester hooksTester(screen->checksPanel()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester reviewsTester(screen->reviewPanel()->model(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);

    // New review request through the dialog.
    QTest::mouseClick(child<QPushButton>(&page, "newReviewButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.newReviewDialog() && page.newReviewDialog()->isVisible(), kWait);
    NewReviewDialog* dialog = page.newReviewDialog();
    QPushButton* ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QCOMPARE(child<QComboBox>(dialog, "sourceBranch")->currentText(), QStringLiteral("ingest"));
    QCOMPARE(child<QComboBox>(dialog, "destinationBranch")->currentText(), QStringLiteral("main"));
    QVERIFY(!ok->isEnabled()); // no title yet
    QTest::keyClicks(child<QLineEdit>(dialog, "reviewTitleEdit"), QStringLiteral("Orders 2026-11"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog, "reviewDescriptionEdit"), QStringLiteral("monthly ingest"));
    QVERIFY(ok->isEnabled());
    QSignalSpy created(&page, &ReviewsPage::pullCreated);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(created.wait(kWait));
    const QString id = created.at(0).at(0).toString();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(screen->snapshot().pull.id), id, kWait);
    QCOMPARE(child<QLabel>(screen, "reviewTitle")->text(), QStringLiteral("Orders 2026-11"));
    QCOMPARE(child<QLabel>(screen, "reviewBranches")->text(), QStringLiteral("ingest → main"));
    QCOMPARE(child<QLabel>(screen, "reviewStatus")->text(), QStringLiteral("OPEN"));
    QCOMPARE(child<QLabel>(screen, "reviewDescription")->text(), QStringLiteral("monthly ingest"));

    // What the merge brings: the Compare page lists the ingested objects.
    QTRY_COMPARE_WITH_TIMEOUT(screen->comparePage()->findChild<QTreeView*>(QStringLiteral("objectsView"))->model()->rowCount(),
                              2, kWait);

    // The checks have not run yet; the merge attempt runs them and the bad table stops it.
    QPushButton* mergeButton = child<QPushButton>(screen, "mergeButton");
    QLabel* reason = child<QLabel>(screen, "mergeReason");
    QCOMPARE(screen->checksPanel()->state(), reviews::CheckState::NotRun);
    QVERIFY(mergeButton->isEnabled());
    QSignalSpy merged(screen, &ReviewScreen::mergeFinished);
    QSignalSpy loaded(screen, &ReviewScreen::loaded);
    QTest::mouseClick(mergeButton, Qt::LeftButton);
    QVERIFY(merged.wait(kWait));
    QCOMPARE(merged.at(0).at(0).toBool(), false);
    QVERIFY2(merged.at(0).at(1).toString().contains(QStringLiteral("orders_ok")), qPrintable(merged.at(0).at(1).toString()));
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(screen->checksPanel()->state(), reviews::CheckState::Failed);
    QCOMPARE(screen->tabs()->currentWidget(), static_cast<QWidget*>(screen->checksPanel()));
    const QString log = child<QPlainTextEdit>(screen, "hookLog")->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("tables/orders.csv: row 3 (line 4): duplicate key in column(s) 'id'")), qPrintable(log));
    QVERIFY(!mergeButton->isEnabled());
    QVERIFY2(reason->text().contains(QStringLiteral("Orders quality / orders_ok")), qPrintable(reason->text()));
    QCOMPARE(b.getBranch(R, "main")->commit_id, mainBefore);

    // Fix the data on the source: the failure belonged to the old head.
    CHECK_OK(put(b, R, "ingest", "tables/orders.csv", "id,amount\n1,10\n2,20\n3,30\n"));
    CHECK_OK(commit(b, R, "ingest", "fix duplicate id"));
    QVERIFY(reload(screen));
    QCOMPARE(screen->checksPanel()->state(), reviews::CheckState::NotRun);
    QVERIFY(mergeButton->isEnabled());

    // Protection on main asks for one approval (repository settings).
    RepositorySettingsDialog settings(fx.backend(), QString::fromStdString(R));
    QSignalSpy rules(&settings, &RepositorySettingsDialog::rulesLoaded);
    settings.show();
    QVERIFY(rules.wait(kWait));
    QTest::keyClicks(child<QLineEdit>(&settings, "protectionPattern"), QStringLiteral("main"));
    child<QSpinBox>(&settings, "requiredApprovals")->setValue(1);
    QTest::mouseClick(child<QPushButton>(&settings, "addRuleButton"), Qt::LeftButton);
    QVERIFY(rules.wait(kWait));
    QCOMPARE(settings.rulesTable()->rowCount(), 1);
    QCOMPARE(settings.rulesTable()->item(0, 0)->text(), QStringLiteral("main"));
    QCOMPARE(settings.rulesTable()->item(0, 1)->text(), QStringLiteral("1"));
    QCOMPARE(put(b, R, "main", "direct.txt", "x").error().kind, ErrorKind::Forbidden);

    QVERIFY(reload(screen));
    QVERIFY(!mergeButton->isEnabled());
    QVERIFY2(reason->text().contains(QStringLiteral("Needs 1 approval")), qPrintable(reason->text()));

    // Approve with a comment.
    screen->tabs()->setCurrentWidget(screen->reviewPanel());
    QTest::keyClicks(child<QPlainTextEdit>(screen, "reviewComment"), QStringLiteral("numbers add up"));
    QTest::mouseClick(child<QPushButton>(screen, "approveButton"), Qt::LeftButton);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(screen->reviewPanel()->model()->rowCount(), 1);
    QCOMPARE(screen->reviewPanel()->model()->index(0, reviews::ReviewListModel::CommentColumn).data().toString(),
             QStringLiteral("numbers add up"));
    QVERIFY(!child<QLabel>(screen, "reviewsNote")->text().isEmpty());
    QVERIFY2(mergeButton->isEnabled(), qPrintable(reason->text()));

    // Merge: the checks pass now and main records the review.
    merged.clear();
    QTest::mouseClick(mergeButton, Qt::LeftButton);
    QVERIFY(merged.wait(kWait));
    QVERIFY2(merged.at(0).at(0).toBool(), qPrintable(merged.at(0).at(1).toString()));
    auto head = b.getCommit(R, "main");
    QVERIFY(head.ok());
    QCOMPARE(QString::fromStdString(head->metadata["lakeside.review.id"]), id);
    QCOMPARE(*get(b, R, "main", "tables/orders.csv"), std::string("id,amount\n1,10\n2,20\n3,30\n"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(screen, "reviewStatus")->text(), QStringLiteral("MERGED"), kWait);
    QCOMPARE(screen->checksPanel()->state(), reviews::CheckState::Passed);
    QVERIFY(!mergeButton->isEnabled());

    // The list: nothing open any more, one merged request.
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 0, kWait);
    child<QComboBox>(&page, "statusFilter")->setCurrentIndex(2); // Merged
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWait);
    QCOMPARE(page.model()->index(0, 0).data(reviews::PullRequestListModel::IdRole).toString(), id);

    // The Actions tab: both runs, the failed one with its log.
    ActionsPage actions(fx.backend(), QString::fromStdString(R));
    QAbstractItemModelTester runsTester(actions.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester actionHooksTester(actions.hooksModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    actions.show();
    QTRY_COMPARE_WITH_TIMEOUT(actions.runsModel()->rowCount(), 2, kWait);
    QCOMPARE(actions.runsModel()->index(0, reviews::ActionRunListModel::StatusColumn).data().toString(), QStringLiteral("completed"));
    QCOMPARE(actions.runsModel()->index(1, reviews::ActionRunListModel::StatusColumn).data().toString(), QStringLiteral("failed"));
    QCOMPARE(actions.runsModel()->index(1, reviews::ActionRunListModel::EventColumn).data().toString(), QStringLiteral("pre-merge"));
    QCOMPARE(actions.runsModel()->index(1, reviews::ActionRunListModel::BranchColumn).data().toString(), QStringLiteral("main"));
    QTreeView* runsView = actions.runsView();
    QTest::mouseClick(runsView->viewport(), Qt::LeftButton, {}, runsView->visualRect(runsView->model()->index(1, 0)).center());
    QTRY_VERIFY_WITH_TIMEOUT(child<QPlainTextEdit>(&actions, "actionHookLog")->toPlainText().contains(QStringLiteral("duplicate key")),
                             kWait);
}

void TestReviewUi::conflictsResolvedPerPath()
{
    QFETCH(QString, kind);
    ReviewFixture fx;
    QVERIFY2(fx.open(kind), qPrintable(fx.error()));
    Backend& b = *fx.backend();
    RepositoryCreation rc;
    rc.name = R;
    CHECK_OK(b.createRepository(rc));
    CHECK_OK(put(b, R, "main", "t.csv", "id,name\n1,a\n2,b\n"));
    CHECK_OK(put(b, R, "main", "notes.txt", "one\ntwo\n"));
    CHECK_OK(put(b, R, "main", "same.txt", "x\n"));
    CHECK_OK(commit(b, R, "main", "base"));
    CHECK_OK(b.createBranch(R, "src", "main"));
    CHECK_OK(put(b, R, "src", "t.csv", "id,name\n1,a\n2,SOURCE\n"));
    CHECK_OK(put(b, R, "src", "notes.txt", "one\nsource\n"));
    CHECK_OK(put(b, R, "src", "only-src.txt", "new\n"));
    CHECK_OK(commit(b, R, "src", "src side"));
    CHECK_OK(put(b, R, "main", "t.csv", "id,name\n1,a\n2,DEST\n"));
    CHECK_OK(put(b, R, "main", "notes.txt", "one\ndest\n"));
    CHECK_OK(commit(b, R, "main", "dest side"));
    auto id = b.createPull(R, {"conflicting", "", "src", "main"});
    QVERIFY(id.ok());

    ReviewsPage page(fx.backend(), QString::fromStdString(R));
    page.resize(1200, 800);
    page.show();
    ReviewScreen* screen = page.screen();
    ConflictPanel* panel = screen->conflictPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(screen, &ReviewScreen::loaded);
    page.openPull(QString::fromStdString(*id));
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(panel->model()->index(0, 0).data().toString(), QStringLiteral("notes.txt"));
    QCOMPARE(panel->model()->index(1, 0).data().toString(), QStringLiteral("t.csv"));
    QCOMPARE(panel->model()->index(1, reviews::ConflictListModel::SourceColumn).data().toString(), QStringLiteral("changed"));
    QCOMPARE(panel->model()->index(1, reviews::ConflictListModel::ResolutionColumn).data().toString(), QStringLiteral("unresolved"));
    QPushButton* mergeButton = child<QPushButton>(screen, "mergeButton");
    QVERIFY(!mergeButton->isEnabled());
    QVERIFY2(child<QLabel>(screen, "mergeReason")->text().contains(QStringLiteral("2 conflict(s) unresolved")),
             qPrintable(child<QLabel>(screen, "mergeReason")->text()));

    // Each conflict opens side by side: the table diff, then the text diff.
    screen->tabs()->setCurrentWidget(panel);
    QTreeView* view = child<QTreeView>(panel, "conflictsView");
    QSignalSpy sides(panel, &ConflictPanel::sidesShown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(1, 0)).center());
    QVERIFY(sides.wait(kWait));
    QCOMPARE(sides.at(0).at(0).toString(), QStringLiteral("t.csv"));
    QCOMPARE(panel->destinationView()->shownKind(), QStringLiteral("table"));
    QCOMPARE(panel->sourceView()->shownKind(), QStringLiteral("table"));
    QTest::mouseClick(child<QPushButton>(panel, "takeSourceButton"), Qt::LeftButton);
    QCOMPARE(panel->model()->unresolvedCount(), 1);
    QVERIFY(!mergeButton->isEnabled());

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
    QVERIFY(sides.wait(kWait));
    QCOMPARE(panel->destinationView()->shownKind(), QStringLiteral("text"));
    QCOMPARE(panel->sourceView()->shownKind(), QStringLiteral("text"));
    QTest::mouseClick(child<QPushButton>(panel, "takeDestinationButton"), Qt::LeftButton);
    QCOMPARE(panel->model()->unresolvedCount(), 0);
    QCOMPARE(panel->model()->index(0, reviews::ConflictListModel::ResolutionColumn).data().toString(),
             QStringLiteral("take destination"));

    QSignalSpy merged(screen, &ReviewScreen::mergeFinished);
    QVERIFY(clickWhenEnabled(mergeButton));
    QVERIFY(merged.wait(kWait));
    // On the served backend LakeFsBackend merges the branches with the
    // resolutions itself and then marks the request merged (PATCH), so both
    // rows must end with a merged request and the review in the metadata.
    QVERIFY2(merged.at(0).at(0).toBool(), qPrintable(merged.at(0).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(screen, "reviewStatus")->text(), QStringLiteral("MERGED"), kWait);
    QCOMPARE(b.getPull(R, *id)->status, PullStatus::Merged);
    QCOMPARE(b.getCommit(R, "main")->metadata["lakeside.review.id"], *id);
    QCOMPARE(*get(b, R, "main", "t.csv"), std::string("id,name\n1,a\n2,SOURCE\n"));
    QCOMPARE(*get(b, R, "main", "notes.txt"), std::string("one\ndest\n"));
    QCOMPARE(*get(b, R, "main", "only-src.txt"), std::string("new\n"));
}

void TestReviewUi::requestChangesBlocksAndCloseMovesTheRequest()
{
    QFETCH(QString, kind);
    ReviewFixture fx;
    QVERIFY2(fx.open(kind), qPrintable(fx.error()));
    Backend& b = *fx.backend();
    RepositoryCreation rc;
    rc.name = R;
    CHECK_OK(b.createRepository(rc));
    CHECK_OK(put(b, R, "main", "a.txt", "a\n"));
    CHECK_OK(commit(b, R, "main", "base"));
    CHECK_OK(b.createBranch(R, "dev", "main"));
    CHECK_OK(put(b, R, "dev", "b.txt", "b\n"));
    CHECK_OK(commit(b, R, "dev", "b"));
    auto id = b.createPull(R, {"add b", "", "dev", "main"});
    QVERIFY(id.ok());

    ReviewsPage page(fx.backend(), QString::fromStdString(R));
    page.show();
    ReviewScreen* screen = page.screen();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWait);
    QSignalSpy loaded(screen, &ReviewScreen::loaded);
    QTreeView* list = child<QTreeView>(&page, "reviewsList");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(QString::fromStdString(screen->snapshot().pull.id), QString::fromStdString(*id));
    QPushButton* mergeButton = child<QPushButton>(screen, "mergeButton");
    QVERIFY(mergeButton->isEnabled());

    // Request changes needs a comment; with one it blocks the merge.
    QPushButton* requestChanges = child<QPushButton>(screen, "requestChangesButton");
    QTest::mouseClick(requestChanges, Qt::LeftButton);
    QCOMPARE(screen->reviewPanel()->model()->rowCount(), 0);
    QTest::keyClicks(child<QPlainTextEdit>(screen, "reviewComment"), QStringLiteral("wrong units"));
    QTest::mouseClick(requestChanges, Qt::LeftButton);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(screen->reviewPanel()->model()->rowCount(), 1);
    QVERIFY(!mergeButton->isEnabled());
    QVERIFY2(child<QLabel>(screen, "mergeReason")->text().contains(QStringLiteral("requested changes")),
             qPrintable(child<QLabel>(screen, "mergeReason")->text()));

    // Closing moves it from Open to Closed.
    QTest::mouseClick(child<QPushButton>(screen, "closeReviewButton"), Qt::LeftButton);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(child<QLabel>(screen, "reviewStatus")->text(), QStringLiteral("CLOSED"));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 0, kWait);
    child<QComboBox>(&page, "statusFilter")->setCurrentIndex(1); // Closed
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWait);
    QCOMPARE(b.getPull(R, *id)->status, PullStatus::Closed);
}

// A reload that fails leaves the last state on screen but must not let a
// merge go ahead on it.
void TestReviewUi::failedReloadBlocksMerge()
{
    QFETCH(QString, kind);
    ReviewFixture fx;
    QVERIFY2(fx.open(kind), qPrintable(fx.error()));
    Backend& b = *fx.backend();
    RepositoryCreation rc;
    rc.name = R;
    CHECK_OK(b.createRepository(rc));
    CHECK_OK(put(b, R, "main", "a.txt", "a\n"));
    CHECK_OK(commit(b, R, "main", "base"));
    CHECK_OK(b.createBranch(R, "dev", "main"));
    CHECK_OK(put(b, R, "dev", "b.txt", "b\n"));
    CHECK_OK(commit(b, R, "dev", "b"));
    auto id = b.createPull(R, {"add b", "", "dev", "main"});
    QVERIFY(id.ok());

    ReviewsPage page(fx.backend(), QString::fromStdString(R));
    page.show();
    ReviewScreen* screen = page.screen();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, kWait);
    QSignalSpy loaded(screen, &ReviewScreen::loaded);
    QTreeView* list = child<QTreeView>(&page, "reviewsList");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QVERIFY(loaded.wait(kWait));
    QPushButton* mergeButton = child<QPushButton>(screen, "mergeButton");
    QVERIFY(mergeButton->isEnabled());

    // The source branch goes away behind the screen's back: the reload fails.
    CHECK_OK(b.deleteBranch(R, "dev"));
    QTest::mouseClick(child<QPushButton>(screen, "reloadReviewButton"), Qt::LeftButton);
    QVERIFY(loaded.wait(kWait));
    QVERIFY(child<QLabel>(screen, "reviewMessage")->isVisible());
    QVERIFY(child<QLabel>(screen, "reviewMessage")->text().contains(QStringLiteral("dev")));
    QVERIFY(!mergeButton->isEnabled());
}

QTEST_MAIN(TestReviewUi)
#include "tst_reviewui.moc"
