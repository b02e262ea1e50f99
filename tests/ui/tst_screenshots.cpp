// SPDX-License-Identifier: Apache-2.0
// Renders the main views at a fixed size into PNGs: into docs/screenshots
// when LAKESIDE_UPDATE_SCREENSHOTS=1 (run by hand; see docs/gui.md), else
// into a temporary folder, so CI never dirties the tree. Asserts every image
// has content (not one flat colour) and that each view reached its final
// state first (loaded, not partial, nothing still running).
//
// The demo workspace is opened as the GUI opens it (ReviewBackend over
// LocalBackend, see WorkspaceLoader), so the Reviews and Actions tabs exist.
// Overview, History and Objects show the demo data as createDemoData wrote
// it; Compare shows the release tag v1.0 against main; only then does the
// test seed a review request (a pre-merge check on main, a re-ingest branch,
// a refused merge that ran the checks, one approval) for the Reviews shot.
#include "compare/comparepage.h"
#include "compare/tablediffmodel.h"
#include "compare/tablediffpane.h"
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
#include "../local/testutil.h"
#include "demo/demo.h"
#include "demo/demotables.h"
#include "local/localbackend.h"
#endif
#ifdef LAKESIDE_HAVE_REVIEW
#include "../review/reviewworkspace.h"
#include "reviews/reviewlistmodel.h"
#include "ui/review/checkspanel.h"
#include "ui/review/reviewpanel.h"
#include "ui/review/reviewscreen.h"
#include "ui/review/reviewspage.h"
#endif

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;

namespace {
constexpr int kWait = 30000;

// The pre-merge check the review shot runs: on main, so every branch made
// from main carries it (pre-merge hooks are read from the source ref).
const char* kOrdersQuality = "name: Orders quality\n"
                             "on:\n  pre-merge:\n    branches: [main]\n"
                             "hooks:\n"
                             "  - id: orders_ok\n    type: lakeside_check\n"
                             "    properties:\n      paths: ['orders/*.csv']\n"
                             "      required_columns: [order_id, customer_id, discount_pct]\n"
                             "      not_null: [order_id, customer_id]\n      unique: [order_id]\n"
                             "  - id: products_ok\n    type: lakeside_check\n"
                             "    properties:\n      paths: ['products/*.csv']\n"
                             "      unique: [sku]\n      min_rows: 10\n";
} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_outDir;
    std::shared_ptr<Backend> m_backend;
    bool m_demo = false; // m_backend holds the demo data (else the in-memory fixture)
    QString m_repo = QStringLiteral("sales-orders");
    std::unique_ptr<MainWindow> m_window;
    RepositoryView* m_view = nullptr;

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

    // The row of `path` in a list of changed objects (PathColumn), or invalid.
    static QModelIndex rowOf(const QAbstractItemModel* model, const QString& path)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data().toString() == path) return model->index(r, 0);
        return {};
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
        const std::string ws = m_tmp.path().toStdString() + "/workspace";
#if defined(LAKESIDE_HAVE_REVIEW)
        auto opened = testutil::openReviewWorkspace(ws, "maria");
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        std::shared_ptr<Backend> local = std::move(opened).value();
        const Status demo = createDemoData(*local);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.message().c_str());
        m_backend = local;
        m_demo = true;
#elif defined(LAKESIDE_HAVE_LOCAL_BACKEND)
        auto opened = LocalBackend::open(ws, "maria");
        if (opened.ok()) {
            std::shared_ptr<Backend> local = std::move(opened).value();
            if (createDemoData(*local).ok()) {
                m_backend = local;
                m_demo = true;
            }
        }
#endif
        if (!m_backend) m_backend = test::makeFixtureBackend(QDateTime::currentSecsSinceEpoch());

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 860);
        QSignalSpy loaded(m_window->connections(), &ConnectionTreeModel::connectionLoaded);
        m_window->addConnection(QStringLiteral("Local workspace"), m_backend);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        m_window->sidebar()->selectPath(QStringLiteral("0/") + m_repo);
        m_view = m_window->openRepository(0, m_repo);
        QVERIFY(m_view);
    }

    void cleanupTestCase()
    {
        m_window.reset(); // before the backend and the workspace folder
    }

    void mainViews()
    {
        RepositoryView* view = m_view;
        QVERIFY(view);
        QSignalSpy overviewLoaded(view->overviewPage(), &OverviewPage::loaded);
        view->showOverview();
        QTRY_VERIFY_WITH_TIMEOUT(overviewLoaded.count() > 0, 20000);
        save(m_window.get(), QStringLiteral("overview"));

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
            save(m_window.get(), QStringLiteral("history"));
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
        save(m_window.get(), QStringLiteral("objects"));
    }

    // The Compare tab: the release tag against main, orders.csv's table diff
    // (rows added and removed, cancelled orders, a new column, a retyped one).
    void compareView()
    {
        if (!m_demo) QSKIP("needs the demo workspace (embedded engine)");
        QVERIFY(m_view);
        ComparePage* page = m_view->comparePage();
        QVERIFY(page);
        m_view->pages()->setCurrentWidget(page);
        QSignalSpy finished(page, &ComparePage::comparisonFinished);
        QSignalSpy errors(page, &ComparePage::errorOccurred);
        page->compare(QStringLiteral("v1.0"), QStringLiteral("main"));
        QTRY_VERIFY2_WITH_TIMEOUT(finished.count() > 0, "Compare: the changed-objects list did not finish loading", kWait);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.at(0).at(0).toString()));

        // Select the changed table the way a user clicks it.
        auto* list = page->findChild<QTreeView*>(QStringLiteral("objectsView"));
        QVERIFY(list);
        const QString orders = QStringLiteral("orders/orders.csv");
        const QModelIndex row = rowOf(list->model(), orders);
        QVERIFY2(row.isValid(), "Compare: orders/orders.csv is not among the changed objects of v1.0...main");
        QSignalSpy shown(page, &ComparePage::objectDiffShown);
        list->setCurrentIndex(row);
        QTRY_VERIFY2_WITH_TIMEOUT(!shown.isEmpty(), "Compare: the table diff of orders/orders.csv never became final",
                                  kWait);
        QCOMPARE(shown.at(0).at(0).toString(), orders);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.at(0).at(0).toString()));

        // Final, not a partial snapshot; the progress bar is gone.
        TableDiffPane* pane = page->tablePane();
        compare::TableDiffModel* model = pane->model();
        QTRY_VERIFY2_WITH_TIMEOUT(pane->isVisible(), "Compare: the table diff pane is not on screen", kWait);
        QVERIFY2(!model->isPartial(), "Compare: the table diff is still partial");
        QVERIFY(model->rowCount() > 0);
        auto* progress = page->findChild<QProgressBar*>(QStringLiteral("progress"));
        QVERIFY(progress);
        QTRY_VERIFY2_WITH_TIMEOUT(!progress->isVisible(), "Compare: the progress bar is still showing", kWait);
        const QString counts = pane->findChild<QLabel*>(QStringLiteral("countsLabel"))->text();
        QVERIFY2(counts.contains(QStringLiteral(" added")) && !counts.startsWith(QStringLiteral("So far")),
                 qPrintable(counts));
        QVERIFY2(!pane->findChild<QLabel*>(QStringLiteral("schemaLabel"))->text().isEmpty(),
                 "Compare: no schema changes shown");
        // Some visible cell reads "old → new".
        auto* table = pane->findChild<QTableView*>(QStringLiteral("tableDiff"));
        QVERIFY(table);
        bool changedCell = false;
        for (int r = 0; r < std::min(model->rowCount(), 30) && !changedCell; ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->index(r, c).data().toString().contains(QStringLiteral(" → "))) {
                    changedCell = true;
                    break;
                }
        QVERIFY2(changedCell, "Compare: no changed cell (old → new) among the first rows");

        // How much of the diff a user sees at this window size.
        const int rowHeight = std::max(1, table->verticalHeader()->defaultSectionSize());
        const int visible = std::min(model->rowCount(), table->viewport()->height() / rowHeight);
        qInfo("compare: %d table-diff rows visible without scrolling (viewport %d px, row %d px; %d rows in all)",
              visible, table->viewport()->height(), rowHeight, model->rowCount());
        qInfo("compare: %s", qPrintable(counts));
        save(m_window.get(), QStringLiteral("compare"));
    }

    // The Reviews tab with a review request open on its Checks: a re-ingest
    // of week 13 on the new schema, the pre-merge checks run (by a merge
    // attempt that the missing approval refused) and passed, then approved.
    void reviewView()
    {
#ifndef LAKESIDE_HAVE_REVIEW
        QSKIP("built without merge review");
#else
        if (!m_demo) QSKIP("needs the demo workspace (embedded engine)");
        QVERIFY(m_view);
        ReviewsPage* reviewsPage = m_view->reviewsPage();
        QVERIFY2(reviewsPage, "no Reviews tab: the workspace is not behind ReviewBackend");
        Backend& b = *m_backend;
        const std::string r = m_repo.toStdString();
        auto check = [](const Status& st, const char* what) {
            if (!st.ok()) qWarning("%s: %s", what, st.message().c_str());
            return st.ok();
        };
        QVERIFY(check(testutil::put(b, r, "main", "_lakefs_actions/orders_quality.yaml", kOrdersQuality).status(),
                      "put action"));
        QVERIFY(check(testutil::commit(b, r, "main", "Check orders and products before every merge into main").status(),
                      "commit action"));
        const std::string branch = "ingest-2024-w13-rerun";
        QVERIFY(check(b.createBranch(r, branch, "main").status(), "branch"));
        demo::OrdersVersion v;
        v.lastRow = 150;
        v.priceFix = true;
        v.removed = {17, 58, 93};
        v.cancelled = {5, 44, 131};
        v.discountColumn = true;
        v.customerIdsAsText = true;
        QVERIFY(check(testutil::put(b, r, branch, "orders/orders.csv", demo::ordersCsv(v)).status(), "put orders"));
        QVERIFY(check(testutil::commit(b, r, branch, "Re-ingest week 13 on the new orders schema").status(), "commit"));
        Backend::ProtectionRules rules;
        rules.patterns = {"main"};
        rules.required_approvals["main"] = 1;
        QVERIFY(check(b.setBranchProtection(r, rules, {}), "protection"));
        auto pull = b.createPull(r, {"Week 13 orders on the new schema",
                                     "Replaces ingest-2024-w13, which conflicts with the discount_pct and text "
                                     "customer_id change. 30 new orders; order 10131 cancelled by the customer.",
                                     branch, "main"});
        QVERIFY(check(pull.status(), "create review request"));
        const QString id = QString::fromStdString(*pull);
        // The merge runs the pre-merge checks first; the missing approval refuses it.
        auto refused = b.mergePull(r, *pull, {});
        QVERIFY2(!refused.ok(), "the merge went through without the required approval");
        auto runs = b.listActionRuns(r, "main", {}, {});
        QVERIFY2(runs.ok() && !runs->results.empty(), "the merge attempt ran no pre-merge checks");
        Review approval;
        approval.author = "jonas.berg";
        approval.verdict = ReviewVerdict::Approve;
        approval.comment = "Row counts match the ERP export; checks are green.";
        QVERIFY(check(b.addReview(r, *pull, approval), "approve"));

        // Refresh (F5), as a user would after work elsewhere: the sidebar lists the new branch.
        QAction* refresh = nullptr;
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QKeySequence::Refresh)) refresh = a;
        QVERIFY2(refresh, "no Refresh action (F5)");
        refresh->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(!m_window->connections()
                                       ->match(m_window->connections()->index(0, 0), Qt::DisplayRole,
                                               QString::fromStdString(branch), 1,
                                               Qt::MatchExactly | Qt::MatchRecursive)
                                       .isEmpty(),
                                  "Reviews: the sidebar does not list the review's branch after Refresh", kWait);
        m_window->sidebar()->selectPath(QStringLiteral("0/") + m_repo);
        m_view->pages()->setCurrentWidget(reviewsPage);
        ReviewScreen* screen = reviewsPage->screen();
        reviewsPage->openPull(id);
        auto ready = [&] {
            return QString::fromStdString(screen->snapshot().pull.id) == id
                && screen->checksPanel()->state() == reviews::CheckState::Passed
                && screen->reviewPanel()->model()->rowCount() == 1;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(ready(), "Reviews: the review screen never showed the request with passed checks "
                                           "and one approval", kWait);
        QTRY_VERIFY2_WITH_TIMEOUT(reviewsPage->listView()->model()->rowCount() > 0,
                                  "Reviews: the list of review requests stayed empty", kWait);
        // What the merge brings is listed (the Changes tab's Compare page).
        auto* changes = screen->comparePage()->findChild<QTreeView*>(QStringLiteral("objectsView"));
        QTRY_VERIFY2_WITH_TIMEOUT(rowOf(changes->model(), QStringLiteral("orders/orders.csv")).isValid(),
                                  "Reviews: the Changes tab does not list orders/orders.csv", kWait);
        screen->tabs()->setCurrentWidget(screen->checksPanel());
        auto* log = screen->findChild<QPlainTextEdit*>(QStringLiteral("hookLog"));
        QVERIFY(log);
        QTRY_VERIFY2_WITH_TIMEOUT(!log->toPlainText().isEmpty(), "Reviews: the selected hook shows no log", kWait);
        auto* merge = screen->findChild<QPushButton*>(QStringLiteral("mergeButton"));
        QVERIFY(merge);
        QTRY_VERIFY2_WITH_TIMEOUT(merge->isEnabled(), "Reviews: Merge is not offered with checks passed and approved",
                                  kWait);
        qInfo("review: %s | %s | %s", qPrintable(screen->tabs()->tabText(2)), qPrintable(screen->tabs()->tabText(3)),
              qPrintable(screen->findChild<QLabel*>(QStringLiteral("mergeReason"))->text()));
        save(m_window.get(), QStringLiteral("review"));
#endif
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
