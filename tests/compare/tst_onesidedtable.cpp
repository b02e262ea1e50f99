// SPDX-License-Identifier: Apache-2.0
// A table added or removed between two refs opens as a table diff: every
// column added (or removed) and every row added (or removed), both in the
// object-diff job and on the Compare tab.
#include "compare/changedobjectsmodel.h"
#include "compare/comparepage.h"
#include "compare/objectdiff.h"
#include "compare/tablediffmodel.h"
#include "compare/tablediffpane.h"
#include "local/localbackend.h"

#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lakeside;
using lakeside::ui::ComparePage;

namespace {
const std::string kRepo = "tables";
const std::string kCsv = "id,name,amount\n1,alpha,10\n2,beta,20\n3,gamma,30\n";
const std::string kNdjson = "{\"id\":1,\"city\":\"Oslo\"}\n{\"id\":2,\"city\":\"Lima\"}\n";

Status put(Backend& b, const std::string& branch, const std::string& path, const std::string& bytes)
{
    size_t pos = 0;
    return b.uploadObject(kRepo, branch, path, [&](char* buf, int64_t cap) -> int64_t {
        const size_t n = std::min(size_t(cap), bytes.size() - pos);
        memcpy(buf, bytes.data() + pos, n);
        pos += n;
        return int64_t(n);
    }, int64_t(bytes.size()), {}).status();
}
} // namespace

class TestOneSidedTable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void objectDiffOfOneSide_data();
    void objectDiffOfOneSide();
    void compareTabShowsTheTablePane();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Backend> m_backend;
};

void TestOneSidedTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = LocalBackend::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), "tester");
    QVERIFY(opened.ok());
    m_backend = std::shared_ptr<Backend>(std::move(opened.value()));
    QVERIFY(m_backend->createRepository(RepositoryCreation{kRepo, "", "main", false}).ok());
    QVERIFY(put(*m_backend, "main", "keep.txt", "x\n").ok());
    QVERIFY(put(*m_backend, "main", "old/people.csv", kCsv).ok());
    CommitCreation c;
    c.message = "base";
    QVERIFY(m_backend->commit(kRepo, "main", c).ok());
    QVERIFY(m_backend->createBranch(kRepo, "next", "main").ok());
    QVERIFY(m_backend->deleteObject(kRepo, "next", "old/people.csv").ok());
    QVERIFY(put(*m_backend, "next", "new/people.csv", kCsv).ok());
    QVERIFY(put(*m_backend, "next", "new/cities.ndjson", kNdjson).ok());
    c.message = "move and add tables";
    QVERIFY(m_backend->commit(kRepo, "next", c).ok());
}

void TestOneSidedTable::objectDiffOfOneSide_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("type");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<int>("rows");
    const QStringList people{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount")};
    QTest::addRow("added csv") << "new/people.csv" << int(DiffType::Added) << people << 3;
    QTest::addRow("removed csv") << "old/people.csv" << int(DiffType::Removed) << people << 3;
    QTest::addRow("added ndjson") << "new/cities.ndjson" << int(DiffType::Added)
                                  << QStringList{QStringLiteral("id"), QStringLiteral("city")} << 2;
}

void TestOneSidedTable::objectDiffOfOneSide()
{
    QFETCH(QString, path);
    QFETCH(int, type);
    QFETCH(QStringList, columns);
    QFETCH(int, rows);
    const bool added = DiffType(type) == DiffType::Added;
    compare::ObjectDiffRequest request;
    request.repo = kRepo;
    request.leftRef = "main";
    request.rightRef = "next";
    request.entry.path = path.toStdString();
    request.entry.type = DiffType(type);
    const compare::ObjectDiff d = compare::computeObjectDiff(*m_backend, request, OpContext{});
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.kind, compare::ContentKind::Table);
    QVERIFY(d.table.has_value());
    const tabular::TableDiffResult& t = *d.table;

    // Schema: every column of the present side, all added (or all removed).
    QStringList names;
    for (const tabular::ColumnMatch& m : t.schema().columns) {
        names << QString::fromStdString(m.name());
        QCOMPARE(m.status, added ? tabular::ColumnStatus::Added : tabular::ColumnStatus::Removed);
    }
    QCOMPARE(names, columns);

    // Rows: all added (or all removed), with their values.
    QCOMPARE(t.summary().added, added ? rows : 0);
    QCOMPARE(t.summary().removed, added ? 0 : rows);
    QCOMPARE(t.summary().changed, 0);
    QCOMPARE(t.rowCount(), int64_t(rows));
    for (int64_t i = 0; i < t.rowCount(); ++i) {
        const Result<tabular::DiffRow> row = t.row(i);
        QVERIFY(row.ok());
        QCOMPARE(row->status, added ? tabular::RowStatus::Added : tabular::RowStatus::Removed);
        const tabular::DiffCell& first = row->cells.at(0);
        QCOMPARE(added ? first.newText : first.oldText, std::to_string(i + 1));
    }
}

void TestOneSidedTable::compareTabShowsTheTablePane()
{
    ComparePage page(m_backend, QString::fromStdString(kRepo));
    page.show();
    QSignalSpy finished(&page, &ComparePage::comparisonFinished);
    page.compare(QStringLiteral("main"), QStringLiteral("next"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(page.objectsModel()->rowCount(), 3);
    auto* list = page.findChild<QTreeView*>(QStringLiteral("objectsView"));
    auto* stack = page.findChild<QStackedWidget*>(QStringLiteral("diffStack"));
    for (int r = 0; r < list->model()->rowCount(); ++r) {
        const QString path = list->model()->index(r, 0).data().toString();
        QSignalSpy shown(&page, &ComparePage::objectDiffShown);
        QSignalSpy errors(&page, &ComparePage::errorOccurred);
        list->setCurrentIndex(list->model()->index(r, 0));
        QVERIFY2(shown.wait(20000), qPrintable(path));
        QCOMPARE(errors.count(), 0);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(page.tablePane()));
        const compare::TableDiffModel* model = page.tablePane()->model();
        const int expected = path.endsWith(QLatin1String(".ndjson")) ? 2 : 3;
        QCOMPARE(model->rowCount(), expected);
        const QString status = path.startsWith(QLatin1String("old/")) ? QStringLiteral("removed") : QStringLiteral("added");
        for (int i = 0; i < model->rowCount(); ++i) QCOMPARE(model->index(i, 0).data().toString(), status);
    }
}

QTEST_MAIN(TestOneSidedTable)
#include "tst_onesidedtable.moc"
