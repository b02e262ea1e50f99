// SPDX-License-Identifier: Apache-2.0
// The Compare tab inside a repository's view: "compare with…" from the
// History graph (or the sidebar) switches to it and runs that comparison.
#include "compare/changedobjectsmodel.h"
#include "compare/comparepage.h"
#include "demo/demo.h"
#include "jobs/taskcenter.h"
#include "local/localbackend.h"
#include "repositoryview.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using namespace lakeside::ui;

class TestRepositoryCompare : public QObject {
    Q_OBJECT
private slots:
    void compareRequestOpensTheCompareTab()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = LocalBackend::open(dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        std::shared_ptr<Backend> backend(std::move(opened.value()));
        DemoOptions options;
        options.now = 1711929600;
        const Status st = createDemoData(*backend, options);
        QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());
        const std::string repo = demoRepositoryNames().front();

        TaskCenter tasks;
        RepositoryView view(backend, 0, QString::fromStdString(repo), &tasks);
        view.resize(1200, 800);
        view.show();
        ComparePage* compare = view.comparePage();
        QVERIFY(compare);
        QVERIFY(view.pages()->indexOf(compare) >= 0);
        QVERIFY(view.pages()->currentWidget() != compare);

        // The tag and the default branch of the demo differ (commits after v1.0).
        QSignalSpy finished(compare, &ComparePage::comparisonFinished);
        emit view.compareRequested(QStringLiteral("v1.0"), QStringLiteral("main"));
        QCOMPARE(view.pages()->currentWidget(), compare);
        QVERIFY(finished.wait(20000));
        QVERIFY(compare->objectsModel()->rowCount() > 0);
    }
};

QTEST_MAIN(TestRepositoryCompare)
#include "tst_repositorycompare.moc"
