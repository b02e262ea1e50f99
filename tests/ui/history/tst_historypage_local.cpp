// SPDX-License-Identifier: Apache-2.0
// HistoryPage over the embedded engine with the demo data products: real
// merges, tags and branches, and the operations run by the engine.
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "demo/demo.h"
#include "dialogs/createrefdialog.h"
#include "history/branchchoicedialog.h"
#include "history/commitchangesmodel.h"
#include "history/commitdetailspane.h"
#include "history/commitlogmodel.h"
#include "history/historypage.h"
#include "local/localbackend.h"

using namespace lakeside;
using lakeside::ui::HistoryPage;

class TestHistoryPageLocal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void graphShowsMergesAndLabels();
    void parentsOfAMergeAreLinks();
    void createBranchAndTagFromCommits();
    void resetBranchToHere();
    void revertOnABranch();
    void revertAMergeAsksForTheParent();

private:
    int rowWhere(const QString& summaryPrefix) const
    {
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            if (m_page->model()->index(r, CommitLogModel::Message).data().toString().startsWith(summaryPrefix)) return r;
        return -1;
    }
    QStringList labelsAt(int row) const
    {
        QStringList names;
        const auto labels = m_page->model()->index(row, CommitLogModel::Message).data(CommitLogModel::RefsRole)
                                .value<QList<RefLabel>>();
        for (const RefLabel& l : labels) names << l.name;
        return names;
    }
    QAction* action(int row, const QString& name) { return m_page->contextMenuForRow(row)->findChild<QAction*>(name); }

    QTemporaryDir m_dir;
    std::shared_ptr<Backend> m_backend;
    std::unique_ptr<HistoryPage> m_page;
    const QString m_repo = QStringLiteral("sales-orders");
};

void TestHistoryPageLocal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<std::unique_ptr<LocalBackend>> opened = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    m_backend = std::shared_ptr<Backend>(std::move(opened.value()));
    DemoOptions options;
    options.now = 1711929600; // 2024-04-01, fixed so the history is the same every run
    const Status st = createDemoData(*m_backend, options);
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());
}

void TestHistoryPageLocal::init()
{
    m_page = std::make_unique<HistoryPage>(m_backend, m_repo);
    m_page->resize(1200, 700);
    m_page->show();
    QSignalSpy ready(m_page.get(), &HistoryPage::viewReady);
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY(!m_page->model()->canFetchMore());
}

void TestHistoryPageLocal::cleanup() { m_page.reset(); }

void TestHistoryPageLocal::graphShowsMergesAndLabels()
{
    const int merge = rowWhere(QStringLiteral("Merge feature-discounts"));
    QVERIFY(merge >= 0);
    QVERIFY(m_page->model()->index(merge, 0).data(CommitLogModel::GraphRole).value<GraphRow>().merge);
    QVERIFY(labelsAt(merge).contains(QStringLiteral("main")) || labelsAt(merge).isEmpty());
    QVERIFY(labelsAt(rowWhere(QStringLiteral("Fix SKU-1042"))).contains(QStringLiteral("v1.0")));
    QVERIFY(labelsAt(rowWhere(QStringLiteral("Document the orders schema change"))).contains(QStringLiteral("feature-discounts")));
    QVERIFY(labelsAt(rowWhere(QStringLiteral("Ingest orders for week 13"))).contains(QStringLiteral("ingest-2024-w13")));
    QVERIFY(m_page->model()->laneCount() >= 2); // the feature branch runs beside main
    QCOMPARE(m_page->model()->layout().openLanes(), 0);
}

void TestHistoryPageLocal::parentsOfAMergeAreLinks()
{
    m_page->selectCommit(m_page->model()->commitId(rowWhere(QStringLiteral("Merge feature-discounts"))));
    QTRY_COMPARE(m_page->details()->parents().size(), 2);
    const QString featureParent = m_page->details()->parents().at(1);
    emit m_page->details()->parentsLabel()->linkActivated(featureParent);
    QTRY_COMPARE(m_page->details()->commitId(), featureParent);
    QCOMPARE(m_page->selectedCommit(), featureParent);
    // Without DemoOptions::actAs every demo commit is made by the backend's user.
    QCOMPARE(m_page->details()->committerLabel()->text(), QString::fromStdString(m_backend->userName()));
    QVERIFY(m_page->details()->messageView()->toPlainText().startsWith(QLatin1String("Document the orders schema change")));
    // "Document the orders schema change" changed README.md against its first parent.
    QTRY_COMPARE(m_page->details()->changesModel()->rowCount(), 1);
    QCOMPARE(m_page->details()->changesModel()->index(0, CommitChangesModel::Path).data().toString(),
             QStringLiteral("README.md"));
}

void TestHistoryPageLocal::createBranchAndTagFromCommits()
{
    const int row = rowWhere(QStringLiteral("Fix SKU-1042"));
    const QString id = m_page->model()->commitId(row);
    action(row, QStringLiteral("createBranchHere"))->trigger();
    auto* dialog = m_page->findChild<ui::CreateRefDialog*>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("hotfix/prices"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->reasonLabel()->text().isEmpty());
    dialog->nameEdit()->clear();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("hotfix-prices"));
    QVERIFY(dialog->okButton()->isEnabled());
    QSignalSpy refs(m_page.get(), &HistoryPage::refsChanged);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_COMPARE(refs.count(), 1);
    QCOMPARE(QString::fromStdString(m_backend->getBranch(m_repo.toStdString(), "hotfix-prices")->commit_id), id);
    QTRY_VERIFY(labelsAt(rowWhere(QStringLiteral("Fix SKU-1042"))).contains(QStringLiteral("hotfix-prices")));

    const int week12 = rowWhere(QStringLiteral("Ingest orders for week 12"));
    action(week12, QStringLiteral("tagCommit"))->trigger();
    auto* tagDialog = m_page->findChild<ui::CreateRefDialog*>(QStringLiteral("createTagDialog"));
    QVERIFY(tagDialog);
    QTest::keyClicks(tagDialog->nameEdit(), QStringLiteral("v1.0")); // exists
    QVERIFY(!tagDialog->okButton()->isEnabled());
    tagDialog->nameEdit()->clear();
    QTest::keyClicks(tagDialog->nameEdit(), QStringLiteral("v1.1"));
    QTest::mouseClick(tagDialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(m_backend->getTag(m_repo.toStdString(), "v1.1").ok());
    QTRY_VERIFY(labelsAt(rowWhere(QStringLiteral("Ingest orders for week 12"))).contains(QStringLiteral("v1.1")));
}

void TestHistoryPageLocal::resetBranchToHere()
{
    const int row = rowWhere(QStringLiteral("Ingest orders for week 11"));
    const QString id = m_page->model()->commitId(row);
    action(row, QStringLiteral("resetBranchHere"))->trigger();
    auto* dialog = m_page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    dialog->branchCombo()->setCurrentText(QStringLiteral("hotfix-prices"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_COMPARE(QString::fromStdString(m_backend->getBranch(m_repo.toStdString(), "hotfix-prices")->commit_id), id);
}

void TestHistoryPageLocal::revertOnABranch()
{
    const int row = rowWhere(QStringLiteral("Ingest orders for week 13"));
    const std::string before = m_backend->getBranch(m_repo.toStdString(), "ingest-2024-w13")->commit_id;
    action(row, QStringLiteral("revertCommit"))->trigger();
    auto* dialog = m_page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    QVERIFY(!dialog->parentSpin()->isVisibleTo(dialog));
    dialog->branchCombo()->setCurrentText(QStringLiteral("ingest-2024-w13"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(m_backend->getBranch(m_repo.toStdString(), "ingest-2024-w13")->commit_id != before);
    const Result<Commit> head = m_backend->getCommit(m_repo.toStdString(), "ingest-2024-w13");
    QVERIFY(QString::fromStdString(head->message).startsWith(QLatin1String("Revert")));
    QTRY_VERIFY(rowWhere(QStringLiteral("Revert")) >= 0); // the page reloaded with the new commit
}

void TestHistoryPageLocal::revertAMergeAsksForTheParent()
{
    const int row = rowWhere(QStringLiteral("Merge feature-discounts"));
    const std::string before = m_backend->getBranch(m_repo.toStdString(), "main")->commit_id;
    action(row, QStringLiteral("revertCommit"))->trigger();
    auto* dialog = m_page->findChild<ui::BranchChoiceDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->parentSpin()->isVisibleTo(dialog));
    QCOMPARE(dialog->parentSpin()->maximum(), 2);
    QCOMPARE(dialog->branch(), QStringLiteral("main"));
    QSignalSpy errors(m_page.get(), &HistoryPage::errorOccurred);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    // Main moved past the merge since (a later commit), so the engine may
    // refuse with a conflict; either way the user sees the outcome.
    QTRY_VERIFY(m_backend->getBranch(m_repo.toStdString(), "main")->commit_id != before || !errors.isEmpty());
    if (!errors.isEmpty()) QVERIFY(!errors.at(0).at(0).toString().isEmpty());
}

QTEST_MAIN(TestHistoryPageLocal)
#include "tst_historypage_local.moc"
