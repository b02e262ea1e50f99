// SPDX-License-Identifier: Apache-2.0
// Renders the main views at a fixed size into PNGs: into docs/screenshots
// when LAKESIDE_UPDATE_SCREENSHOTS=1 (run by hand; see docs/gui.md), else
// into a temporary folder, so CI never dirties the tree. Asserts every image
// has content (not one flat colour).
#include "fixture.h"
#include "history/commitchangesmodel.h"
#include "history/commitdetailspane.h"
#include "history/historypage.h"
#include "mainwindow.h"
#include "models/connectiontreemodel.h"
#include "models/objecttreemodel.h"
#include "pages/objects/previewpane.h"
#include "pages/objectspage.h"
#include "pages/overviewpage.h"
#include "repositoryview.h"
#include "sidebar/sidebar.h"
#include "theme/theme.h"

#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
#include "demo/demo.h"
#include "local/localbackend.h"
#endif

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;

class TestScreenshots : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_outDir;
    std::shared_ptr<Backend> m_backend;
    QString m_repo = QStringLiteral("sales-orders");

    void save(QWidget* w, const QString& name)
    {
        const QImage img = w->grab().toImage();
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(1400, 860));
        // Content, not a blank window: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 7)
            for (int x = 0; x < img.width(); x += 7) colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(name));
        const QString path = m_outDir + u'/' + name + QStringLiteral(".png");
        QVERIFY(img.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        Theme::apply(ThemeMode::Light);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(9);
        QApplication::setFont(font);
        const QString src = qEnvironmentVariable("LAKESIDE_SOURCE_DIR");
        m_outDir = qEnvironmentVariable("LAKESIDE_UPDATE_SCREENSHOTS") == QLatin1String("1") && !src.isEmpty()
            ? src + QStringLiteral("/docs/screenshots")
            : m_tmp.path();
        QVERIFY(QDir().mkpath(m_outDir));
#ifdef LAKESIDE_HAVE_LOCAL_BACKEND
        auto opened = LocalBackend::open(m_tmp.path().toStdString() + "/workspace", "maria");
        if (opened.ok()) {
            std::shared_ptr<Backend> local = std::move(opened).value();
            if (createDemoData(*local).ok()) m_backend = local;
        }
#endif
        if (!m_backend) m_backend = test::makeFixtureBackend(QDateTime::currentSecsSinceEpoch());
    }

    void mainViews()
    {
        MainWindow window;
        window.resize(1400, 860);
        QSignalSpy loaded(window.connections(), &ConnectionTreeModel::connectionLoaded);
        window.addConnection(QStringLiteral("Local workspace"), m_backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        window.sidebar()->selectPath(QStringLiteral("0/") + m_repo);

        RepositoryView* view = window.openRepository(0, m_repo);
        QVERIFY(view);
        QSignalSpy overviewLoaded(view->overviewPage(), &OverviewPage::loaded);
        view->showOverview();
        QTRY_VERIFY_WITH_TIMEOUT(overviewLoaded.count() > 0, 20000);
        save(&window, QStringLiteral("overview"));

        if (view->historyPage()) {
            view->pages()->setCurrentWidget(view->historyPage());
            QTRY_VERIFY_WITH_TIMEOUT(view->historyPage()->isVisible(), 5000);
            // Wait for the graph's first page and show a commit's details, as a user sees it.
            auto* graph = view->historyPage()->findChild<QTableView*>();
            QVERIFY(graph);
            QTRY_VERIFY_WITH_TIMEOUT(graph->model() && graph->model()->rowCount() > 3, 20000);
            graph->selectRow(2);
            // The pane shows the first row's commit until the selected one is
            // read: wait for the selected commit itself, or the shot mismatches.
            auto* history = qobject_cast<HistoryPage*>(view->historyPage());
            QVERIFY(history);
            auto detailsShown = [&] {
                return !history->selectedCommit().isEmpty() && !history->details()->isLoading()
                    && history->details()->commitId() == history->selectedCommit()
                    && history->details()->changesModel()->rowCount() > 0;
            };
            QTRY_VERIFY_WITH_TIMEOUT(detailsShown(), 20000);
            save(&window, QStringLiteral("history"));
        }

        // Objects with a CSV preview.
        ObjectsPage* objects = view->objectsPage();
        view->pages()->setCurrentWidget(objects);
        ObjectTreeModel* tree = objects->objectModel();
        QModelIndex csv;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                // Walk down folders until a CSV turns up (the demo data and the fixture differ).
                std::function<QModelIndex(const QModelIndex&, int)> find = [&](const QModelIndex& p, int depth) {
                    if (tree->canFetchMore(p)) tree->fetchMore(p);
                    for (int i = 0; i < tree->rowCount(p); ++i) {
                        const QModelIndex c = tree->index(i, 0, p);
                        if (c.data().toString().endsWith(QStringLiteral(".csv"))) return c;
                        if (depth < 3 && c.data(ObjectTreeModel::IsFolderRole).toBool()) {
                            objects->treeView()->expand(c);
                            if (QModelIndex hit = find(c, depth + 1); hit.isValid()) return hit;
                        }
                    }
                    return QModelIndex();
                };
                csv = find({}, 0);
                return csv.isValid();
            }(),
            20000);
        objects->treeView()->setCurrentIndex(csv);
        QTRY_COMPARE_WITH_TIMEOUT(objects->preview()->shown(), PreviewPane::Shown::Table, 20000);
        save(&window, QStringLiteral("objects"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
