// SPDX-License-Identifier: Apache-2.0
// The Objects tab's Parquet preview over the embedded engine: a DuckDB-written
// file (tests/parquet/data/small.parquet: 3000 rows in two row groups, a
// nullable INTEGER, a string, a decimal and a list) is uploaded, selected with
// a real click, and shown as rows, schema and row-group summary; rows are
// decoded one row group at a time as the user scrolls. A truncated file and a
// file with a broken page show inline errors naming the reason.
#include "../local/testutil.h"
#include "jobs/taskcenter.h"
#include "local/localbackend.h"
#include "models/objecttreemodel.h"
#include "pages/objects/previewpane.h"
#include "pages/objectspage.h"
#include "parquet/parquetfile.h"
#include "preview/parquetpreview.h"
#include "preview/parquetrowmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QLabel>
#include <QLocale>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using namespace lakeside::ui;

class TestParquetPreview : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void rowsSchemaAndRowGroups();
    void rowGroupsDecodeWhenScrolledTo();
    void truncatedFileSaysWhy();
    void brokenPageIsReportedInline();
    void threeMillionRowsOpenLazily();

private:
    QModelIndex findRoot(const QString& name);
    void clickObject(const QString& name);
    PreviewPane* preview() const { return m_page->preview(); }

    QTemporaryDir m_dir;
    std::shared_ptr<Backend> m_backend;
    std::unique_ptr<TaskCenter> m_tasks;
    std::unique_ptr<ObjectsPage> m_page;
};

void TestParquetPreview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString fixture = QFINDTESTDATA("../parquet/data/small.parquet");
    QVERIFY2(!fixture.isEmpty(), "tests/parquet/data/small.parquet is missing");
    QFile f(fixture);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();

    auto opened = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    m_backend = std::shared_ptr<Backend>(std::move(opened).value());
    RepositoryCreation rc;
    rc.name = "lake";
    QVERIFY(m_backend->createRepository(rc).ok());
    QVERIFY(testutil::put(*m_backend, "lake", "main", "small.parquet", bytes.toStdString()).ok());
    // Cut in the middle: no footer to read.
    QVERIFY(testutil::put(*m_backend, "lake", "main", "truncated.parquet", bytes.left(700).toStdString()).ok());
    // The first page header of column 'name' in row group 1 overwritten: the
    // footer, the schema and row group 0 are fine, row group 1 is not.
    auto file = parquet::ParquetFile::open(fixture.toStdString());
    QVERIFY(file.ok());
    const int name = (*file)->schema().findColumn("name");
    QVERIFY(name >= 0);
    auto range = (*file)->chunkRange(1, name);
    QVERIFY(range.ok());
    QByteArray broken = bytes;
    for (int64_t i = range->first; i < range->first + 12; ++i) broken[qsizetype(i)] = char(0xff);
    QVERIFY(testutil::put(*m_backend, "lake", "main", "broken.parquet", broken.toStdString()).ok());
}

void TestParquetPreview::init()
{
    m_tasks = std::make_unique<TaskCenter>();
    m_page = std::make_unique<ObjectsPage>(m_backend, QStringLiteral("lake"), m_tasks.get());
    // The tester walks every row on each reset: fine for 3000 rows, not for 3 million.
    if (qstrcmp(QTest::currentTestFunction(), "threeMillionRowsOpenLazily") != 0)
        new QAbstractItemModelTester(preview()->parquetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_page.get());
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE(m_page->ref(), QStringLiteral("main"));
}

void TestParquetPreview::cleanup()
{
    m_page.reset();
    m_tasks.reset();
}

QModelIndex TestParquetPreview::findRoot(const QString& name)
{
    ObjectTreeModel* m = m_page->objectModel();
    QModelIndex found;
    (void)QTest::qWaitFor([&] {
        if (m->canFetchMore({})) m->fetchMore({});
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->index(i, 0).data().toString() == name) found = m->index(i, 0);
        return found.isValid();
    }, 5000);
    return found;
}

// Selects the object the way a user does: a left click on its row.
void TestParquetPreview::clickObject(const QString& name)
{
    const QModelIndex index = findRoot(name);
    QVERIFY2(index.isValid(), qPrintable(name));
    QTreeView* tree = m_page->treeView();
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(tree->currentIndex(), index);
}

void TestParquetPreview::rowsSchemaAndRowGroups()
{
    clickObject(QStringLiteral("small.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Parquet);
    QVERIFY(preview()->infoLabel()->text().contains(QLocale().toString(3000) + QStringLiteral(" row")));
    QVERIFY(preview()->infoLabel()->text().contains(QStringLiteral("2 row group")));
    QVERIFY(preview()->parquetErrorLabel()->isHidden());

    // Rows first: the header is the file's columns, cells as DuckDB spells them.
    QCOMPARE(preview()->parquetTabs()->currentWidget(), preview()->parquetRowsView());
    QAbstractItemModel* rows = preview()->parquetRowsView()->model();
    QCOMPARE(rows->rowCount(), 3000);
    QCOMPARE(rows->columnCount(), 4);
    QStringList header;
    for (int c = 0; c < rows->columnCount(); ++c) header << rows->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(header, (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount"),
                                  QStringLiteral("tags")}));
    QTRY_COMPARE(rows->index(1, 1).data().toString(), QStringLiteral("name-1"));
    QCOMPARE(rows->index(1, 0).data().toString(), QStringLiteral("1"));
    QCOMPARE(rows->index(1, 2).data().toString(), QStringLiteral("1.5"));
    QCOMPARE(rows->index(1, 3).data().toString(), QStringLiteral("[1,2]"));
    QCOMPARE(rows->index(0, 0).data(ParquetRowModel::NullRole).toBool(), true); // id 0 is NULL
    QCOMPARE(rows->index(0, 0).data().toString(), QString());
    QCOMPARE(rows->index(0, 1).data(ParquetRowModel::NullRole).toBool(), false);
    // Numbers line up on the right, text on the left.
    QVERIFY(rows->index(1, 2).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    QVERIFY(rows->index(1, 1).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignLeft);

    // Schema tab, reached by clicking it.
    QTabBar* bar = preview()->parquetTabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
    QCOMPARE(preview()->parquetTabs()->currentWidget(), preview()->parquetSchemaView());
    QAbstractItemModel* schema = preview()->parquetSchemaView()->model();
    QCOMPARE(schema->rowCount(), 4); // leaf columns
    QCOMPARE(schema->index(0, 0).data().toString(), QStringLiteral("id"));
    QCOMPARE(schema->index(0, 1).data().toString(), QStringLiteral("INT32"));
    QCOMPARE(schema->index(0, 3).data().toString(), QStringLiteral("nullable"));
    QCOMPARE(schema->index(1, 0).data().toString(), QStringLiteral("name"));
    QCOMPARE(schema->index(1, 1).data().toString(), QStringLiteral("BYTE_ARRAY"));
    QCOMPARE(schema->index(1, 2).data().toString(), QStringLiteral("UTF8")); // DuckDB writes the converted type
    QVERIFY(schema->index(2, 2).data().toString().startsWith(QStringLiteral("DECIMAL(")));
    QCOMPARE(schema->index(3, 0).data().toString(), QStringLiteral("tags.list.element"));
    QCOMPARE(schema->index(3, 3).data().toString(), QStringLiteral("nullable, in a list"));

    // Row groups tab: rows, codec and the footer's min/max per column.
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(2).center());
    QCOMPARE(preview()->parquetTabs()->currentWidget(), preview()->parquetRowGroupsView());
    QAbstractItemModel* groups = preview()->parquetRowGroupsView()->model();
    QCOMPARE(groups->rowCount(), 2);
    QCOMPARE(groups->index(0, RgRows).data().toString(), QStringLiteral("2048"));
    QCOMPARE(groups->index(1, RgFirstRow).data().toString(), QStringLiteral("2048"));
    QCOMPARE(groups->index(1, RgRows).data().toString(), QStringLiteral("952"));
    QCOMPARE(groups->index(0, RgCodec).data().toString(), QStringLiteral("SNAPPY"));
    QVERIFY(!groups->index(0, RgCompressed).data().toString().isEmpty());
    QCOMPARE(groups->headerData(RgFirstStatistics, Qt::Horizontal).toString(), QStringLiteral("id (min … max)"));
    QCOMPARE(groups->index(0, RgFirstStatistics).data().toString(), QStringLiteral("1 … 2047 · 512 nulls"));
    QCOMPARE(groups->index(1, RgFirstStatistics).data().toString(), QStringLiteral("2049 … 2999 · 238 nulls"));
    QCOMPARE(groups->index(0, RgFirstStatistics + 1).data().toString(), QStringLiteral("name-0 … name-4"));
}

void TestParquetPreview::rowGroupsDecodeWhenScrolledTo()
{
    clickObject(QStringLiteral("small.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Parquet);
    ParquetRowModel* model = preview()->parquetModel();
    QTRY_VERIFY(model->isRowGroupLoaded(0));
    QVERIFY(!model->isRowGroupLoaded(1)); // only what is on screen is decoded
    QCOMPARE(model->index(2999, 0).data(ParquetRowModel::NullRole), QVariant()); // not decoded yet

    // Ctrl+End in the table jumps to the last row, in row group 1.
    QTableView* view = preview()->parquetRowsView();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(0, 1)).center());
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->currentIndex().row(), 2999);
    QTRY_VERIFY(model->isRowGroupLoaded(1));
    QCOMPARE(model->index(2999, 0).data().toString(), QStringLiteral("2999"));
    QCOMPARE(model->index(2999, 1).data().toString(), QStringLiteral("name-4"));
    QCOMPARE(model->index(2048, 0).data(ParquetRowModel::NullRole).toBool(), true); // 2048 % 4 == 0
    QVERIFY(preview()->parquetErrorLabel()->isHidden());
}

void TestParquetPreview::truncatedFileSaysWhy()
{
    clickObject(QStringLiteral("truncated.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Message);
    const QString message = preview()->messageText();
    QVERIFY2(message.contains(QStringLiteral("truncated.parquet")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("PAR1")) || message.contains(QStringLiteral("footer")),
             qPrintable(message));

    // The next object previews normally again.
    clickObject(QStringLiteral("small.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Parquet);
}

void TestParquetPreview::brokenPageIsReportedInline()
{
    clickObject(QStringLiteral("broken.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Parquet);
    ParquetRowModel* model = preview()->parquetModel();
    QTRY_COMPARE(model->index(1, 1).data().toString(), QStringLiteral("name-1")); // row group 0 is intact
    QVERIFY(preview()->parquetErrorLabel()->isHidden());

    QTableView* view = preview()->parquetRowsView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTRY_VERIFY(preview()->parquetErrorLabel()->isVisible());
    const QString error = preview()->parquetErrorLabel()->text();
    QVERIFY2(error.contains(QStringLiteral("broken.parquet")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("'name'")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("row group 1")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("page header")), qPrintable(error));
    QCOMPARE(model->errorText().isEmpty(), false);
    QVERIFY(!model->isRowGroupLoaded(1));
    QCOMPARE(model->index(2999, 0).data().toString(), QString()); // no endless retries, no stale "…"
}

// A 3 M-row file DuckDB writes at test time (about 25 row groups): the preview
// shows as soon as the footer is read and decodes only the row groups on
// screen. Time is logged, not asserted; what is asserted is what was decoded.
void TestParquetPreview::threeMillionRowsOpenLazily()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty())
        QSKIP("node and npm are needed to write a large Parquet file with DuckDB; install nodejs and npm");
    const QString gen = QFileInfo(QFINDTESTDATA("../parquet/gen/large.mjs")).absolutePath();
    QVERIFY(!gen.isEmpty());
    const auto run = [&](const QString& program, const QStringList& args, QString* why) {
        QProcess p;
        p.setWorkingDirectory(gen);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        const bool ok = p.waitForFinished(600000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        *why = QString::fromLocal8Bit(p.readAll().right(2000));
        return ok;
    };
    QString why;
    if (!QFile::exists(gen + QStringLiteral("/node_modules/@duckdb/node-api/package.json"))
        && !run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")}, &why))
        QSKIP(qPrintable(QStringLiteral("cannot install DuckDB from the npm registry: ") + why));
    const QString path = m_dir.filePath(QStringLiteral("big.parquet"));
    QVERIFY2(run(node, {QStringLiteral("large.mjs"), path, QStringLiteral("3000000")}, &why), qPrintable(why));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(testutil::put(*m_backend, "lake", "main", "big.parquet", f.readAll().toStdString()).ok());
    m_page->refresh();

    QElapsedTimer timer;
    timer.start();
    clickObject(QStringLiteral("big.parquet"));
    QTRY_COMPARE(preview()->shown(), PreviewPane::Shown::Parquet);
    const qint64 opened = timer.elapsed();
    ParquetRowModel* model = preview()->parquetModel();
    QCOMPARE(model->rowCount(), 3000000);
    QTRY_COMPARE(model->index(0, 0).data().toString(), QStringLiteral("0"));
    qInfo("3 M rows: preview shown after %lld ms, first rows after %lld ms", opened, timer.elapsed());
    const int groups = model->file()->numRowGroups();
    QVERIFY(groups > 10);
    for (int g = 1; g < groups; ++g) QVERIFY2(!model->isRowGroupLoaded(g), qPrintable(QString::number(g)));

    QTableView* view = preview()->parquetRowsView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTRY_VERIFY(model->isRowGroupLoaded(groups - 1));
    QCOMPARE(model->index(2999999, 0).data().toString(), QStringLiteral("2999999"));
    int loaded = 0;
    for (int g = 0; g < groups; ++g) loaded += model->isRowGroupLoaded(g) ? 1 : 0;
    QVERIFY2(loaded <= ParquetRowModel::kCachedRowGroups, qPrintable(QString::number(loaded)));
    QVERIFY(preview()->parquetErrorLabel()->isHidden());
}

QTEST_MAIN(TestParquetPreview)
#include "tst_parquetpreview.moc"
