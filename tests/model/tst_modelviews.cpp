// SPDX-License-Identifier: Apache-2.0
// The sidebar and object-tree models over a backend: contents, lazy folder
// loading with pagination, errors, and the model contract throughout.
#include "fixture.h"
#include "models/connectiontreemodel.h"
#include "models/objecttreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace lakeside;
using Kind = ConnectionTreeModel::Kind;

class TestModelViews : public QObject {
    Q_OBJECT
private:
    static QStringList childNames(const QAbstractItemModel& m, const QModelIndex& parent)
    {
        QStringList out;
        for (int i = 0; i < m.rowCount(parent); ++i) out << m.index(i, 0, parent).data().toString();
        return out;
    }

    // Fetches every page of a folder (the tester may already have started one).
    static bool fetchAll(ObjectTreeModel& model, const QModelIndex& parent, QSignalSpy& pages)
    {
        for (int guard = 0; guard < 100; ++guard) {
            if (model.canFetchMore(parent)) model.fetchMore(parent);
            if (!model.isLoading()) return true;
            if (!pages.wait()) return false;
        }
        return false;
    }

private slots:
    void connectionTree()
    {
        ConnectionTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ConnectionTreeModel::connectionLoaded);
        model.addConnection(QStringLiteral("Local"), test::makeFixtureBackend());
        QVERIFY(loaded.wait());
        const QModelIndex conn = model.index(0, 0);
        QCOMPARE(conn.data().toString(), QStringLiteral("Local"));
        QCOMPARE(childNames(model, conn), (QStringList{QStringLiteral("customer-profiles"), QStringLiteral("sales-orders")}));
        const QModelIndex repo = model.repositoryIndex(0, QStringLiteral("sales-orders"));
        QVERIFY(repo.isValid());
        QCOMPARE(repo.data(ConnectionTreeModel::DefaultBranchRole).toString(), QStringLiteral("main"));
        const QModelIndex branches = model.index(0, 0, repo);
        QCOMPARE(Kind(branches.data(ConnectionTreeModel::KindRole).toInt()), Kind::BranchGroup);
        QCOMPARE(childNames(model, branches),
                 (QStringList{QStringLiteral("feature-x"), QStringLiteral("ingest"), QStringLiteral("main")}));
        const QModelIndex main = model.findPath(QStringLiteral("0/sales-orders/b/main"));
        QVERIFY(main.data(ConnectionTreeModel::IsDefaultRole).toBool());
        QCOMPARE(main.data(ConnectionTreeModel::CommitIdRole).toString().size(), 64);
        const QModelIndex tags = model.index(1, 0, repo);
        QCOMPARE(childNames(model, tags), QStringList{QStringLiteral("v1.0")});

        // A reload replaces the rows (tester checks the remove/insert signals).
        model.refresh();
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(conn), 2);
    }

    void connectionTreeError()
    {
        ConnectionTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto backend = test::makeFixtureBackend();
        backend->failNext("listRepositories", makeError(ErrorKind::Unavailable, "connection refused by lakefs.example"));
        QSignalSpy failed(&model, &ConnectionTreeModel::loadFailed);
        model.addConnection(QStringLiteral("Remote"), backend);
        QVERIFY(failed.wait());
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("connection refused by lakefs.example")));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    }

    void objectTreeLazyPaging()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        model.setSource(test::makeFixtureBackend(), QStringLiteral("sales-orders"), QStringLiteral("main"));
        QSignalSpy pages(&model, &ObjectTreeModel::pageLoaded);
        QVERIFY(fetchAll(model, {}, pages));
        // Root: README.md, data/, images/, notes/ — two per page.
        QCOMPARE(pages.first().at(0).toString(), QString()); // the root's first page...
        QCOMPARE(pages.first().at(1).toInt(), 2);             // ...held one page of keys
        QCOMPARE(childNames(model, {}), (QStringList{QStringLiteral("README.md"), QStringLiteral("data"),
                                                    QStringLiteral("images"), QStringLiteral("notes")}));
        QVERIFY(!model.canFetchMore({}));

        const QModelIndex data = model.index(1, 0);
        QVERIFY(data.data(ObjectTreeModel::IsFolderRole).toBool());
        QCOMPARE(data.data(ObjectTreeModel::PathRole).toString(), QStringLiteral("data/"));
        QVERIFY(model.hasChildren(data));
        QVERIFY(fetchAll(model, data, pages));
        QCOMPARE(childNames(model, data), (QStringList{QStringLiteral("config.json"), QStringLiteral("orders.csv"),
                                                      QStringLiteral("regions.tsv")}));
        const QModelIndex csv = model.index(1, 0, data);
        QCOMPARE(csv.data(ObjectTreeModel::SizeRole).toLongLong(), qint64(strlen(test::fixtureOrdersCsv())));
        QVERIFY(!csv.data(ObjectTreeModel::IsFolderRole).toBool());
        QVERIFY(!model.hasChildren(csv));
        QVERIFY(!model.index(1, ObjectTreeModel::ModifiedColumn, data).data().toString().isEmpty());
    }

    void objectTreeIsLazy()
    {
        // No tester here: it walks (and so fetches) every folder itself.
        ObjectTreeModel model;
        model.setSource(test::makeFixtureBackend(), QStringLiteral("sales-orders"), QStringLiteral("main"));
        QSignalSpy pages(&model, &ObjectTreeModel::pageLoaded);
        QVERIFY(fetchAll(model, {}, pages));
        QCOMPARE(pages.count(), 1);
        const QModelIndex notes = model.index(3, 0);
        QCOMPARE(notes.data().toString(), QStringLiteral("notes"));
        QVERIFY(model.hasChildren(notes));
        QCOMPARE(model.rowCount(notes), 0); // nothing listed before a view asks
        QVERIFY(fetchAll(model, notes, pages));
        QCOMPARE(childNames(model, notes), QStringList{QStringLiteral("2024")});
    }

    void objectTreeAtTag()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(test::makeFixtureBackend(), QStringLiteral("sales-orders"), QStringLiteral("v1.0"));
        QSignalSpy pages(&model, &ObjectTreeModel::pageLoaded);
        QVERIFY(fetchAll(model, {}, pages));
        QCOMPARE(childNames(model, {}), (QStringList{QStringLiteral("README.md"), QStringLiteral("data")}));
    }

    void objectTreeBadRef()
    {
        ObjectTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(test::makeFixtureBackend(), QStringLiteral("sales-orders"), QStringLiteral("no-such-ref"));
        QSignalSpy failed(&model, &ObjectTreeModel::loadFailed);
        model.fetchMore({});
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("no-such-ref")));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModelViews)
#include "tst_modelviews.moc"
