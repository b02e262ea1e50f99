// SPDX-License-Identifier: Apache-2.0
// lakeFS naming rules and lakefs:// URIs, as REFERENCE.md §5 states them.
#include "api/names.h"

#include <QTest>

using namespace lakeside;

class TestNames : public QObject {
    Q_OBJECT
private slots:
    void repositoryIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::addRow("plain") << "sales" << true;
        QTest::addRow("dash inside") << "sales-eu-2" << true;
        QTest::addRow("too short") << "ab" << false;
        QTest::addRow("uppercase") << "Sales" << false;
        QTest::addRow("leading dash") << "-sales" << false;
        QTest::addRow("underscore") << "sales_eu" << false;
        QTest::addRow("64 chars") << QString(64, QLatin1Char('a')) << false;
        QTest::addRow("63 chars") << QString(63, QLatin1Char('a')) << true;
    }
    void repositoryIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(validateRepositoryId(id.toStdString()).ok(), valid);
    }

    void branchIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::addRow("main") << "main" << true;
        QTest::addRow("dashes and underscores") << "feature_x-1" << true;
        QTest::addRow("dots") << "my.invalid.branch" << false;
        QTest::addRow("slash") << "feature/x" << false;
        QTest::addRow("leading dash") << "-x" << false;
        QTest::addRow("empty") << "" << false;
        QTest::addRow("unicode") << QStringLiteral("caf\u00e9") << false;
    }
    void branchIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(validateBranchId(id.toStdString()).ok(), valid);
    }

    void tagIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::addRow("dots allowed") << "my.valid.tag" << true;
        QTest::addRow("tilde allowed") << "v1~x" << true;
        QTest::addRow("at") << "@" << false;
        QTest::addRow("ends with dot") << "v1." << false;
        QTest::addRow("ends with .lock") << "v1.lock" << false;
        QTest::addRow("double dot") << "v1..2" << false;
        QTest::addRow("slash") << "v1/2" << false;
        QTest::addRow("space") << "v 1" << false;
        QTest::addRow("caret") << "v^1" << false;
        QTest::addRow("at-brace") << "v@{1" << false;
    }
    void tagIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(validateTagId(id.toStdString()).ok(), valid);
    }

    void objectPaths()
    {
        QVERIFY(validateObjectPath("a/b c/\xc3\xa9.csv").ok());
        QVERIFY(!validateObjectPath("").ok());
        QVERIFY(!validateObjectPath("a/../b").ok());
        QVERIFY(!validateObjectPath("..").ok());
        QVERIFY(validateObjectPath("a/..b").ok());
        QVERIFY(!validateObjectPath(std::string("a\0b", 3)).ok());
        QVERIFY(!validateObjectPath(std::string(1025, 'x')).ok());
    }

    void uris()
    {
        auto u = parseLakeFsUri("lakefs://sales/main/tables/orders.csv");
        QVERIFY(u.ok());
        QCOMPARE(u->repository, std::string("sales"));
        QCOMPARE(u->ref, std::string("main"));
        QCOMPARE(u->path, std::string("tables/orders.csv"));
        auto r = parseLakeFsUri("lakefs://sales");
        QVERIFY(r.ok());
        QVERIFY(!r->hasRef());
        QVERIFY(!parseLakeFsUri("s3://sales/main").ok());
        QVERIFY(!parseLakeFsUri("lakefs:///main").ok());
        QCOMPARE(u->toString(), std::string("lakefs://sales/main/tables/orders.csv"));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
