// SPDX-License-Identifier: Apache-2.0
// The Overview tab: counts, latest commits, and the two chart models
// (activity per day, objects per branch) filled from the backend.
#include "fixture.h"
#include "models/repositorysummary.h"
#include "pages/overviewpage.h"
#include "widgets/messagebar.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace lakeside;
using namespace lakeside::ui;

class TestOverviewPage : public QObject {
    Q_OBJECT
private slots:
    void summaryAndCharts()
    {
        auto backend = test::makeFixtureBackend();
        OverviewPage page(backend, QStringLiteral("sales-orders"), nullptr);
        QAbstractItemModelTester t1(page.activityModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.branchObjectsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&page, &OverviewPage::loaded);
        page.resize(1200, 800);
        page.show();
        QTRY_COMPARE(loaded.count(), 1);

        QVERIFY(page.summaryLabel()->text().contains(QStringLiteral("<b>main</b>")));
        // Four commits on main: creation, then three data commits, newest first.
        QCOMPARE(page.latestCommits()->topLevelItemCount(), 4);
        QCOMPARE(page.latestCommits()->topLevelItem(0)->text(1), QStringLiteral("Config, notes and images"));

        // One bucket per day from the first commit to the last, gaps as zero.
        CommitActivityModel* activity = page.activityModel();
        QVERIFY(!activity->weekly());
        QCOMPARE(activity->rowCount(), 9); // days -10 .. -2
        int total = 0;
        for (int r = 0; r < activity->rowCount(); ++r) total += activity->index(r, 1).data().toInt();
        QCOMPARE(total, 4);
        QCOMPARE(activity->index(activity->rowCount() - 1, 1).data().toInt(), 1);

        // Objects per branch, the default branch first (staged objects count on ingest).
        BranchObjectsModel* objects = page.branchObjectsModel();
        QCOMPARE(objects->rowCount(), 3);
        QCOMPARE(objects->index(0, 0).data().toString(), QStringLiteral("main"));
        QCOMPARE(objects->index(0, 1).data().toInt(), 7);
        QCOMPARE(objects->index(1, 0).data().toString(), QStringLiteral("feature-x"));
        QCOMPARE(objects->index(1, 1).data().toInt(), 8);
        QCOMPARE(objects->index(2, 1).data().toInt(), 8); // ingest: +new.csv, README changed
        QCOMPARE(page.activityChart()->chart()->title(), QStringLiteral("Commits per day"));
    }

    void branchLabelsAreReadable()
    {
        // A long branch name next to short ones: every label fits left of the
        // plot area (horizontal bars), the long one elided, its tooltip full.
        auto backend = test::makeFixtureBackend();
        const QString longName = QStringLiteral("quarterly-reconciliation-of-the-emea-sales-ledger-2024");
        QVERIFY(backend->createBranch("sales-orders", longName.toStdString(), "main").ok());
        OverviewPage page(backend, QStringLiteral("sales-orders"), nullptr);
        QSignalSpy loaded(&page, &OverviewPage::loaded);
        page.resize(1200, 800);
        page.show();
        QTRY_COMPARE(loaded.count(), 1);

        QChart* chart = page.branchChart()->chart();
        QCOMPARE(chart->series().size(), 1);
        QCOMPARE(chart->series().at(0)->type(), QAbstractSeries::SeriesTypeHorizontalBar);
        const QList<QAbstractAxis*> vertical = chart->axes(Qt::Vertical);
        QCOMPARE(vertical.size(), 1);
        auto* axis = qobject_cast<QBarCategoryAxis*>(vertical.at(0));
        QVERIFY(axis);
        const QStringList labels = axis->categories();
        QCOMPARE(labels.size(), page.branchObjectsModel()->rowCount());
        QCOMPARE(labels.last(), QStringLiteral("main")); // categories go bottom-up: the default branch on top
        QTRY_VERIFY(chart->plotArea().left() > 0);
        const QFontMetrics fm(axis->labelsFont());
        QString elided;
        for (const QString& label : labels) {
            QVERIFY2(fm.horizontalAdvance(label) < chart->plotArea().left(), qPrintable(label));
            if (label.contains(QChar(0x2026))) elided = label;
        }
        QVERIFY(elided.startsWith(QStringLiteral("quart"))); // elided in the middle
        QVERIFY(elided.endsWith(QStringLiteral("2024")));
        int longRow = -1;
        for (int i = 0; i < page.branchObjectsModel()->rowCount(); ++i)
            if (page.branchObjectsModel()->index(i, 0).data().toString() == longName) longRow = i;
        QVERIFY(longRow >= 0);
        QVERIFY(page.branchToolTip(longRow).contains(longName));
        QVERIFY(page.branchToolTip(longRow).contains(QStringLiteral("object")));
    }

    void errorShowsInline()
    {
        auto backend = test::makeFixtureBackend();
        backend->failNext("getRepository", makeError(ErrorKind::Unauthorized, "token expired for lakefs.example"));
        OverviewPage page(backend, QStringLiteral("sales-orders"), nullptr);
        page.show();
        QTRY_VERIFY(page.messageBar()->isVisible());
        QVERIFY(page.messageBar()->text().contains(QStringLiteral("token expired")));
    }
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
