// SPDX-License-Identifier: Apache-2.0
// Export never writes outside the chosen folder, whatever the object keys.
#include "objects/exportpath.h"

#include <QDir>
#include <QTest>

using namespace lakeside;

class TestExportPath : public QObject {
    Q_OBJECT
private slots:
    void sanitize_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("strip");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::addRow("plain") << QByteArray("data/orders.csv") << QByteArray() << QStringLiteral("data/orders.csv");
        QTest::addRow("strip folder") << QByteArray("data/2024/x.csv") << QByteArray("data/") << QStringLiteral("2024/x.csv");
        QTest::addRow("parent escape") << QByteArray("../../etc/passwd") << QByteArray() << QString();
        QTest::addRow("inner escape") << QByteArray("a/../../b") << QByteArray() << QString();
        QTest::addRow("inner dotdot") << QByteArray("a/../b") << QByteArray() << QString();
        QTest::addRow("trailing dotdot") << QByteArray("a/..") << QByteArray() << QString();
        QTest::addRow("absolute") << QByteArray("/etc/passwd") << QByteArray() << QStringLiteral("etc/passwd");
        QTest::addRow("many slashes") << QByteArray("//a///b") << QByteArray() << QStringLiteral("a/b");
        QTest::addRow("dot segments") << QByteArray("./a/./b") << QByteArray() << QStringLiteral("a/b");
        QTest::addRow("backslash escape") << QByteArray("..\\..\\windows\\x") << QByteArray() << QString();
        QTest::addRow("backslash sep") << QByteArray("a\\b.txt") << QByteArray() << QStringLiteral("a/b.txt");
        QTest::addRow("drive letter") << QByteArray("C:\\Windows\\win.ini") << QByteArray() << QStringLiteral("Windows/win.ini");
        QTest::addRow("nul") << QByteArray("a\0b", 3) << QByteArray() << QString();
        QTest::addRow("control chars") << QByteArray("a\x01" "b\n.txt") << QByteArray() << QStringLiteral("a_b_.txt");
        QTest::addRow("only slashes") << QByteArray("///") << QByteArray() << QString();
        QTest::addRow("dotdot after strip") << QByteArray("data/../x") << QByteArray("data/") << QString();
        QTest::addRow("escape hidden by strip") << QByteArray("../../escape.txt") << QByteArray("../../") << QString();
        QTest::addRow("dots in names") << QByteArray("a/..b/c..") << QByteArray() << QStringLiteral("a/..b/c..");
    }
    void sanitize()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, strip);
        QFETCH(QString, expected);
        auto r = sanitizeExportPath(key.toStdString(), strip.toStdString());
        if (expected.isEmpty()) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
            QVERIFY2(QString::fromStdString(r.error().message).contains(QStringLiteral("cannot be exported")),
                     r.error().message.c_str());
        } else {
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            QCOMPARE(*r, expected);
        }
    }
    void destinationStaysInsideRoot_data() { sanitize_data(); }
    void destinationStaysInsideRoot()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, strip);
        QFETCH(QString, expected);
        const QString root = QStringLiteral("/tmp/export-root");
        auto r = exportDestination(root, key.toStdString(), strip.toStdString());
        QCOMPARE(r.ok(), !expected.isEmpty());
        if (r.ok()) {
            QVERIFY(r->startsWith(root + u'/'));
            QCOMPARE(*r, root + u'/' + expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestExportPath)
#include "tst_exportpath.moc"
