// SPDX-License-Identifier: Apache-2.0
// A repository tab on the workspace backend has the Reviews and Actions tabs
// and a "Repository settings…" button whose dialog manages branch protection.
#include "../local/testutil.h"
#include "reviewfixture.h"

#include "jobs/taskcenter.h"
#include "repositoryview.h"
#include "ui/review/actionspage.h"
#include "ui/review/repositorysettingsdialog.h"
#include "ui/review/reviewspage.h"
#include "reviews/pullrequestlistmodel.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace lakeside;
using namespace lakeside::ui;

class TestRepositoryReviewTabs : public QObject {
    Q_OBJECT
private slots:
    void tabsAndSettings()
    {
        ReviewFixture fx;
        QVERIFY2(fx.open(QStringLiteral("embedded")), qPrintable(fx.error()));
        RepositoryCreation rc;
        rc.name = "sales";
        QVERIFY(fx.backend()->createRepository(rc).ok());
        TaskCenter tasks;
        RepositoryView view(fx.backend(), 0, QStringLiteral("sales"), &tasks);
        view.resize(1200, 800);
        view.show();
        QStringList tabs;
        for (int i = 0; i < view.pages()->count(); ++i) tabs << view.pages()->tabText(i);
        QVERIFY2(tabs.contains(QStringLiteral("Reviews")) && tabs.contains(QStringLiteral("Actions")),
                 qPrintable(tabs.join(QLatin1Char(','))));
        QVERIFY(view.reviewsPage());
        QVERIFY(view.actionsPage());

        // The Reviews tab loads its list when it is first shown.
        QVERIFY(testutil::put(*fx.backend(), "sales", "main", "a.txt", "a").ok());
        QVERIFY(testutil::commit(*fx.backend(), "sales", "main", "a").ok());
        QVERIFY(fx.backend()->createBranch("sales", "dev", "main").ok());
        QVERIFY(fx.backend()->createPull("sales", {"from dev", "", "dev", "main"}).ok());
        QCOMPARE(view.reviewsPage()->model()->rowCount(), 0);
        view.pages()->setCurrentWidget(view.reviewsPage());
        QTRY_COMPARE_WITH_TIMEOUT(view.reviewsPage()->model()->rowCount(), 1, 20000);

        auto* button = view.findChild<QPushButton*>(QStringLiteral("repositorySettingsButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        RepositorySettingsDialog* dialog = view.settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QSignalSpy rules(dialog, &RepositorySettingsDialog::rulesLoaded);
        QVERIFY(rules.wait(20000));
        QCOMPARE(dialog->rulesTable()->rowCount(), 0);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("protectionPattern")), QStringLiteral("release-*"));
        dialog->findChild<QSpinBox*>(QStringLiteral("requiredApprovals"))->setValue(2);
        QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("protectionPattern")), Qt::Key_Return);
        QVERIFY(rules.wait(20000));
        QCOMPARE(dialog->rulesTable()->rowCount(), 1);
        auto stored = fx.backend()->getBranchProtection("sales");
        QVERIFY(stored.ok());
        QCOMPARE(stored->patterns, std::vector<std::string>{"release-*"});
        QCOMPARE(stored->required_approvals.at("release-*"), 2);

        // Delete the selected rule.
        dialog->rulesTable()->selectRow(0);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("deleteRuleButton")), Qt::LeftButton);
        QVERIFY(rules.wait(20000));
        QCOMPARE(dialog->rulesTable()->rowCount(), 0);
        QVERIFY(fx.backend()->getBranchProtection("sales")->patterns.empty());
    }
};

QTEST_MAIN(TestRepositoryReviewTabs)
#include "tst_repositoryreviewtabs.moc"
