// SPDX-License-Identifier: Apache-2.0
// The GUI's main flows, once on the embedded workspace and once on a lakeFS
// server (LakeFsBackend -> LakeFsServer -> LocalBackend), with the same test
// code and real widgets: open a repository at a tag from the sidebar and
// preview a CSV, the History graph and a commit's details, a branch created
// from a commit, a comparison down to the changed cell, and a merge started
// from the sidebar. Every row of the test runs the flows in order on its own
// main window (global data rows "embedded" and "served").
#include "compare/changedobjectsmodel.h"
#include "compare/comparepage.h"
#include "compare/tablediffmodel.h"
#include "compare/tablediffpane.h"
#include "dialogs/createrefdialog.h"
#include "history/commitdetailspane.h"
#include "history/commitlogmodel.h"
#include "history/historypage.h"
#include "mainflowfixture.h"
#include "mainwindow.h"
#include "models/connectiontreemodel.h"
#include "models/objecttreemodel.h"
#include "pages/objects/previewpane.h"
#include "pages/objectspage.h"
#include "repositoryview.h"
#include "sidebar/sidebar.h"
#include "widgets/messagebar.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <map>
#include <memory>

using namespace lakeside;
using namespace lakeside::ui;

namespace {

const QString kRepo = QStringLiteral("customer-profiles");
const QString kCsv = QStringLiteral("customers/customers.csv");
const QString kBranch = QStringLiteral("flows-edit");

std::string readObject(Backend& b, const QString& ref, const QString& path)
{
    std::string out;
    const Status st = b.getObject(kRepo.toStdString(), ref.toStdString(), path.toStdString(), [&](const char* d, int64_t n) {
        out.append(d, size_t(n));
        return true;
    });
    return st.ok() ? out : std::string();
}

struct Row {
    std::unique_ptr<MainFlowFixture> fixture;
    std::unique_ptr<MainWindow> window;
    int connection = -1;
    QString oldValue, newValue; // the cell the compare flow changes
};

} // namespace

class TestMainFlows : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void initTestCase_data();
    void cleanupTestCase();
    void browseAtTagAndPreviewCsv();
    void historyGraphAndCommitDetails();
    void createBranchFromCommit();
    void compareReachesTheChangedCell();
    void mergeBranchFromSidebar();

private:
    Row* row();
    RepositoryView* repositoryView(Row* r);
    HistoryPage* history(Row* r);
    QModelIndex sidebarRow(Row* r, const QString& pathSuffix);
    QAction* sidebarAction(Row* r, const QString& pathSuffix, const char* action);

    std::map<QString, Row> m_rows;
};

void TestMainFlows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's QSettings stay out of the user's config
}

void TestMainFlows::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("embedded") << QStringLiteral("embedded");
    QTest::addRow("served") << QStringLiteral("served");
}

void TestMainFlows::cleanupTestCase()
{
    for (auto& [name, r] : m_rows) r.window.reset(); // widgets before the backends they use
    m_rows.clear();
}

Row* TestMainFlows::row()
{
    QFETCH_GLOBAL(QString, backend);
    Row& r = m_rows[backend];
    if (!r.fixture) {
        r.fixture = std::make_unique<MainFlowFixture>(backend);
        if (!r.fixture->gui()) {
            qWarning("fixture %s: %s", qPrintable(backend), qPrintable(r.fixture->error()));
            return nullptr;
        }
        r.window = std::make_unique<MainWindow>();
        r.connection = r.window->addConnection(backend, r.fixture->gui());
        r.window->resize(1400, 860);
        r.window->show();
    }
    return r.fixture->gui() ? &r : nullptr;
}

QModelIndex TestMainFlows::sidebarRow(Row* r, const QString& pathSuffix)
{
    const QString path = QString::number(r->connection) + u'/' + pathSuffix;
    ConnectionTreeModel* model = r->window->connections();
    if (!QTest::qWaitFor([&] { return model->findPath(path).isValid(); }, 20000)) return {};
    Sidebar* sidebar = r->window->sidebar();
    if (!sidebar->selectPath(path)) return {};
    return sidebar->view()->currentIndex();
}

QAction* TestMainFlows::sidebarAction(Row* r, const QString& pathSuffix, const char* action)
{
    const QModelIndex index = sidebarRow(r, pathSuffix);
    if (!index.isValid()) return nullptr;
    QMenu* menu = r->window->sidebar()->menuFor(index, r->window.get());
    menu->deleteLater();
    return menu->findChild<QAction*>(QString::fromLatin1(action));
}

RepositoryView* TestMainFlows::repositoryView(Row* r) { return r->window->findRepositoryView(r->connection, kRepo); }

HistoryPage* TestMainFlows::history(Row* r)
{
    RepositoryView* view = repositoryView(r);
    if (!view) return nullptr;
    view->pages()->setCurrentWidget(view->historyPage());
    return qobject_cast<HistoryPage*>(view->historyPage());
}

static int rowWhere(HistoryPage* page, const QString& prefix)
{
    for (int i = 0; i < page->model()->rowCount(); ++i)
        if (page->model()->index(i, CommitLogModel::Message).data().toString().startsWith(prefix)) return i;
    return -1;
}

void TestMainFlows::browseAtTagAndPreviewCsv()
{
    Row* r = row();
    QVERIFY(r);
    // The tag row in the sidebar, opened with Return as a user would.
    QVERIFY(sidebarRow(r, kRepo + QStringLiteral("/t/2024-q1")).isValid());
    QTest::keyClick(r->window->sidebar()->view(), Qt::Key_Return);
    RepositoryView* view = repositoryView(r);
    QVERIFY(view);
    QCOMPARE(r->window->tabs()->currentWidget(), view);
    ObjectsPage* objects = view->objectsPage();
    QCOMPARE(view->pages()->currentWidget(), objects);
    QTRY_COMPARE(objects->ref(), QStringLiteral("2024-q1"));

    // customers/ -> customers.csv, listed lazily by the tree as it expands.
    ObjectTreeModel* tree = objects->objectModel();
    QModelIndex csv;
    QModelIndex folder;
    QVERIFY(QTest::qWaitFor([&] {
        for (int i = 0; i < tree->rowCount(); ++i)
            if (tree->index(i, 0).data().toString() == QLatin1String("customers")) folder = tree->index(i, 0);
        return folder.isValid();
    }, 20000));
    objects->treeView()->expand(folder);
    QVERIFY(QTest::qWaitFor([&] {
        if (tree->canFetchMore(folder)) tree->fetchMore(folder);
        for (int i = 0; i < tree->rowCount(folder); ++i)
            if (tree->index(i, 0, folder).data().toString() == QLatin1String("customers.csv")) csv = tree->index(i, 0, folder);
        return csv.isValid();
    }, 20000));
    objects->treeView()->setCurrentIndex(csv);
    QTRY_COMPARE_WITH_TIMEOUT(objects->preview()->shown(), PreviewPane::Shown::Table, 20000);
    QCOMPARE(objects->preview()->titleLabel()->text(), kCsv);
    // As many rows as the tagged file has records (header excluded).
    const QString bytes = QString::fromStdString(readObject(*r->fixture->gui(), QStringLiteral("2024-q1"), kCsv));
    const int records = int(bytes.split(u'\n', Qt::SkipEmptyParts).size()) - 1;
    QVERIFY(records > 10);
    QTRY_COMPARE(objects->preview()->tableView()->model()->rowCount(), records);
}

void TestMainFlows::historyGraphAndCommitDetails()
{
    Row* r = row();
    QVERIFY(r);
    HistoryPage* page = history(r);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->model()->canFetchMore(), 20000);
    QVERIFY(page->model()->laneCount() >= 2); // branches beside main: a drawn graph, not a list
    const int row = rowWhere(page, QStringLiteral("Normalise countries"));
    QVERIFY(row >= 0);
    QTableView* table = page->view();
    const QModelIndex cell = table->model()->index(row, CommitLogModel::Message);
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    const QString id = page->model()->commitId(row);
    QTRY_COMPARE(page->details()->commitId(), id);
    QTRY_VERIFY(page->details()->messageView()->toPlainText().startsWith(QLatin1String("Normalise countries")));
}

void TestMainFlows::createBranchFromCommit()
{
    Row* r = row();
    QVERIFY(r);
    HistoryPage* page = history(r);
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(rowWhere(page, QStringLiteral("Merge gdpr-erasure")) >= 0, 20000);
    const int row = rowWhere(page, QStringLiteral("Merge gdpr-erasure")); // main's head
    const QString id = page->model()->commitId(row);
    QMenu* menu = page->contextMenuForRow(row);
    QVERIFY(menu);
    QAction* create = menu->findChild<QAction*>(QStringLiteral("createBranchHere"));
    QVERIFY(create);
    create->trigger();
    auto* dialog = page->findChild<CreateRefDialog*>(QStringLiteral("createBranchDialog"));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), kBranch);
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(r->fixture->gui()->getBranch(kRepo.toStdString(), kBranch.toStdString()).ok(), 20000);
    QCOMPARE(QString::fromStdString(r->fixture->gui()->getBranch(kRepo.toStdString(), kBranch.toStdString())->commit_id), id);
    // The sidebar lists it after the reload the page asked for.
    QVERIFY(sidebarRow(r, kRepo + QStringLiteral("/b/") + kBranch).isValid());
}

void TestMainFlows::compareReachesTheChangedCell()
{
    Row* r = row();
    QVERIFY(r);
    Backend& b = *r->fixture->gui();
    // One cell changed on the branch, committed through the row's backend.
    QStringList lines = QString::fromStdString(readObject(b, kBranch, kCsv)).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 5);
    int edited = -1;
    for (int i = 1; i < lines.size() && edited < 0; ++i)
        if (!lines[i].contains(u'"')) edited = i;
    QVERIFY(edited > 0);
    QStringList fields = lines[edited].split(u',');
    r->oldValue = fields[1];
    r->newValue = fields[1] + QStringLiteral(" (flows)");
    fields[1] = r->newValue;
    lines[edited] = fields.join(u',');
    const std::string bytes = QString(lines.join(u'\n') + u'\n').toStdString();
    size_t pos = 0;
    auto up = b.uploadObject(kRepo.toStdString(), kBranch.toStdString(), kCsv.toStdString(),
                             [&](char* buf, int64_t cap) -> int64_t {
                                 const size_t n = std::min(size_t(cap), bytes.size() - pos);
                                 memcpy(buf, bytes.data() + pos, n);
                                 pos += n;
                                 return int64_t(n);
                             },
                             int64_t(bytes.size()), {});
    QVERIFY2(up.ok(), up.ok() ? "" : up.error().message.c_str());
    CommitCreation c;
    c.message = "Rename one customer";
    QVERIFY(b.commit(kRepo.toStdString(), kBranch.toStdString(), c).ok());

    // "Compare with main" on the branch's sidebar row.
    QAction* compare = sidebarAction(r, kRepo + QStringLiteral("/b/") + kBranch, "compareAction");
    QVERIFY(compare);
    QVERIFY(compare->isEnabled());
    compare->trigger();
    RepositoryView* view = repositoryView(r);
    ComparePage* page = view->comparePage();
    QVERIFY(page);
    QCOMPARE(view->pages()->currentWidget(), page);
    QTRY_VERIFY_WITH_TIMEOUT(page->objectsModel()->rowCount() == 1
                                 && page->objectsModel()->index(0, 0).data().toString() == kCsv,
                             20000);
    auto* list = page->findChild<QTreeView*>(QStringLiteral("objectsView"));
    QVERIFY(list);
    QSignalSpy shown(page, &ComparePage::objectDiffShown);
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(shown.wait(20000));
    compare::TableDiffModel* model = page->tablePane()->model();
    QModelIndex changed;
    for (int row = 0; row < model->rowCount() && !changed.isValid(); ++row)
        for (int col = 0; col < model->columnCount(); ++col)
            if (model->index(row, col).data(compare::TableDiffModel::ChangedCellRole).toBool()) changed = model->index(row, col);
    QVERIFY(changed.isValid());
    QCOMPARE(changed.data().toString(), r->oldValue + QStringLiteral(" → ") + r->newValue);
}

void TestMainFlows::mergeBranchFromSidebar()
{
    Row* r = row();
    QVERIFY(r);
    Backend& b = *r->fixture->gui();
    const std::string mainBefore = b.getBranch(kRepo.toStdString(), "main")->commit_id;
    QAction* merge = sidebarAction(r, kRepo + QStringLiteral("/b/") + kBranch, "mergeAction");
    QVERIFY(merge);
    merge->trigger();
    auto* dialog = r->window->findChild<QDialog*>(QStringLiteral("mergeDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* dest = dialog->findChild<QComboBox*>(QStringLiteral("mergeDestination"));
    QVERIFY(dest);
    QCOMPARE(dest->currentText(), QStringLiteral("main")); // the default branch preselected
    QVERIFY(dest->findText(kBranch) < 0);                  // never into itself
    QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(b.getBranch(kRepo.toStdString(), "main")->commit_id != mainBefore, 20000);
    // main now has the branch's edit, and the user is told so.
    const QString merged = QString::fromStdString(readObject(b, QStringLiteral("main"), kCsv));
    QVERIFY(merged.contains(r->newValue));
    QTRY_VERIFY(r->window->messageBar()->text().contains(QStringLiteral("Merged")));
}

QTEST_MAIN(TestMainFlows)
#include "tst_mainflows.moc"
