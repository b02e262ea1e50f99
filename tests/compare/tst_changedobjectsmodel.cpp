// SPDX-License-Identifier: Apache-2.0
// The changed-objects list and its filter, checked with QAbstractItemModelTester.
#include "compare/changedobjectsfilter.h"
#include "compare/changedobjectsmodel.h"
#include "compare/folderrollupmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace lakeside;
using lakeside::compare::ChangedObjectsFilter;
using lakeside::compare::ChangedObjectsModel;

namespace {
DiffEntry entry(DiffType type, const char* path, std::optional<int64_t> size, std::optional<int64_t> left = std::nullopt)
{
    DiffEntry e;
    e.type = type;
    e.path = path;
    e.size_bytes = size;
    e.left_size_bytes = left;
    return e;
}
QStringList paths(const QAbstractItemModel& m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, 0).data().toString();
    return out;
}
} // namespace

class TestChangedObjectsModel : public QObject {
    Q_OBJECT
private slots:
    void pagesAppendAndShowSizes()
    {
        ChangedObjectsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage({entry(DiffType::Added, "a/new.csv", 10), entry(DiffType::Changed, "a/old.csv", 300, 200)});
        model.appendPage({});
        model.appendPage({entry(DiffType::Removed, "b/gone.txt", 5)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.count(DiffType::Changed), 1);
        QCOMPARE(model.index(1, ChangedObjectsModel::ChangeColumn).data().toString(), QStringLiteral("changed"));
        QCOMPARE(model.index(0, ChangedObjectsModel::OldSizeColumn).data().toString(), QStringLiteral("—"));
        QVERIFY(model.index(1, ChangedObjectsModel::OldSizeColumn).data().toString().startsWith(QStringLiteral("200")));
        QVERIFY(model.index(1, ChangedObjectsModel::NewSizeColumn).data().toString().startsWith(QStringLiteral("300")));
        QCOMPARE(model.index(1, 0).data(ChangedObjectsModel::BytesRole).toLongLong(), 100);
        QCOMPARE(model.index(2, ChangedObjectsModel::NewSizeColumn).data().toString(), QStringLiteral("—"));
        QVERIFY(model.index(2, 0).data(ChangedObjectsModel::ForegroundColorRole).toString() == QStringLiteral("#b31d28"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterByTypePrefixAndExtension_data()
    {
        QTest::addColumn<bool>("added");
        QTest::addColumn<bool>("removed");
        QTest::addColumn<bool>("changed");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{QStringLiteral("a/new.csv"), QStringLiteral("a/old.csv"), QStringLiteral("b/gone.txt")};
        QTest::addRow("everything") << true << true << true << QString() << QString() << all;
        QTest::addRow("changed only") << false << false << true << QString() << QString()
                                      << QStringList{QStringLiteral("a/old.csv")};
        QTest::addRow("prefix") << true << true << true << QStringLiteral("b/") << QString()
                                << QStringList{QStringLiteral("b/gone.txt")};
        QTest::addRow("extension with dot") << true << true << true << QString() << QStringLiteral(".CSV")
                                            << QStringList{QStringLiteral("a/new.csv"), QStringLiteral("a/old.csv")};
        QTest::addRow("no added csv") << false << true << true << QStringLiteral("a/") << QStringLiteral("csv")
                                      << QStringList{QStringLiteral("a/old.csv")};
    }
    void filterByTypePrefixAndExtension()
    {
        QFETCH(bool, added);
        QFETCH(bool, removed);
        QFETCH(bool, changed);
        QFETCH(QString, prefix);
        QFETCH(QString, extension);
        QFETCH(QStringList, expected);
        ChangedObjectsModel model;
        ChangedObjectsFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendPage({entry(DiffType::Added, "a/new.csv", 10), entry(DiffType::Changed, "a/old.csv", 300, 200),
                          entry(DiffType::Removed, "b/gone.txt", 5)});
        filter.setTypeVisible(DiffType::Added, added);
        filter.setTypeVisible(DiffType::Removed, removed);
        filter.setTypeVisible(DiffType::Changed, changed);
        filter.setPrefix(prefix);
        filter.setExtension(extension);
        QCOMPARE(paths(filter), expected);
    }

    void folderRollupCountsEveryAncestor()
    {
        ChangedObjectsModel model;
        lakeside::compare::FolderRollupModel rollup;
        QAbstractItemModelTester tester(&rollup, QAbstractItemModelTester::FailureReportingMode::QtTest);
        rollup.setSourceModel(&model);
        QCOMPARE(rollup.rowCount(), 0);
        model.appendPage({entry(DiffType::Added, "a/new.csv", 10), entry(DiffType::Changed, "a/b/old.csv", 300, 200)});
        model.appendPage({entry(DiffType::Removed, "gone.txt", 5)});
        using R = lakeside::compare::FolderRollupModel;
        QStringList rows;
        for (int r = 0; r < rollup.rowCount(); ++r)
            rows << QStringLiteral("%1 +%2 -%3 ~%4")
                        .arg(rollup.index(r, R::FolderColumn).data().toString())
                        .arg(rollup.index(r, R::AddedColumn).data().toInt())
                        .arg(rollup.index(r, R::RemovedColumn).data().toInt())
                        .arg(rollup.index(r, R::ChangedColumn).data().toInt());
        QCOMPARE(rows, (QStringList{QStringLiteral("/ +1 -1 ~1"), QStringLiteral("a/ +1 -0 ~1"), QStringLiteral("a/b/ +0 -0 ~1")}));
        QCOMPARE(rollup.index(1, 0).data(R::PrefixRole).toString(), QStringLiteral("a/"));
        model.clear();
        QCOMPARE(rollup.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChangedObjectsModel)
#include "tst_changedobjectsmodel.moc"
