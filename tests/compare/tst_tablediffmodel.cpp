// SPDX-License-Identifier: Apache-2.0
// TableDiffModel fed with a diff's partial snapshots, as the Compare tab does:
// rows are appended while the generation stays, a new generation resets, the
// final result appends too; checked by QAbstractItemModelTester.

#include "compare/tablediffmodel.h"
#include "tabular/tablediff.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
using lakeside::compare::TableDiffModel;
using tabular::TableDiffResult;

namespace {

// "id,v" rows 1..n with v changed every `every` rows; new rows appended.
QByteArray table(int n, int every, int appended)
{
    QByteArray out("id,v\n");
    for (int i = 1; i <= n + appended; ++i)
        out += QByteArray::number(i) + ",v" + QByteArray::number(every > 0 && i % every == 0 ? -i : i) + "\n";
    return out;
}

std::string write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    f.write(bytes);
    return f.fileName().toStdString();
}

// The snapshots and the final result of one diff.
std::vector<TableDiffResult> snapshotsOf(const QByteArray& oldCsv, const QByteArray& newCsv, bool mergeJoin = true)
{
    QTemporaryDir dir;
    tabular::TableDiffOptions opts;
    opts.keyColumns = {"id"};
    opts.allowMergeJoin = mergeJoin;
    std::vector<TableDiffResult> out;
    opts.onPartial = [&](const TableDiffResult& p) { out.push_back(p); };
    auto final = tabular::diffTableFiles(write(dir, QStringLiteral("a.csv"), oldCsv),
                                         write(dir, QStringLiteral("b.csv"), newCsv), opts);
    if (!final.ok())
        qFatal("diff failed");
    out.push_back(*final);
    return out;
}

} // namespace

class TestTableDiffModel : public QObject {
    Q_OBJECT
private slots:
    void partialsAppendRows_data();
    void partialsAppendRows();
    void newGenerationResets();
};

void TestTableDiffModel::partialsAppendRows_data()
{
    QTest::addColumn<bool>("changedOnly");
    QTest::addRow("all rows") << false;
    QTest::addRow("changed rows only") << true;
}

void TestTableDiffModel::partialsAppendRows()
{
    QFETCH(bool, changedOnly);
    const std::vector<TableDiffResult> results = snapshotsOf(table(3000, 0, 0), table(3000, 97, 5));
    QVERIFY(results.size() > 3);
    const TableDiffResult& final = results.back();
    QCOMPARE(final.rowCount(), 30 + 5);

    TableDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChangedOnly(changedOnly);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    int shown = 0;
    for (const TableDiffResult& r : results) {
        model.setResult(r);
        QCOMPARE(model.isPartial(), r.isPartial());
        QVERIFY(model.rowCount() >= shown);
        shown = model.rowCount();
        if (shown > 0) // the first row stays the first row
            QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("97"));
    }
    QCOMPARE(resets.count(), 1); // the first snapshot only
    QVERIFY(inserts.count() >= 2);
    QCOMPARE(model.rowCount(), changedOnly ? 30 : 35);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(model.rowCount() - 1, 0).data().toString(),
             changedOnly ? QStringLiteral("changed") : QStringLiteral("added"));
}

void TestTableDiffModel::newGenerationResets()
{
    const std::vector<TableDiffResult> first = snapshotsOf(table(500, 50, 0), table(500, 0, 0));
    const std::vector<TableDiffResult> second = snapshotsOf(table(500, 0, 0), table(500, 0, 3), false);
    TableDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(first.back());
    QCOMPARE(model.rowCount(), 10);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    // Another diff's first snapshot (fewer rows) replaces it, and its final
    // result (hash join: rows only at the end) is appended.
    model.setResult(second.front());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(second.back());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(inserts.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isPartial());
    // A result of another generation with as many rows still resets.
    model.setResult(first.back());
    QCOMPARE(resets.count(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_GUILESS_MAIN(TestTableDiffModel)
#include "tst_tablediffmodel.moc"
