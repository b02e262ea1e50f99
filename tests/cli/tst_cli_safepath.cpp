// SPDX-License-Identifier: Apache-2.0
// `fs download -r` writes only inside DEST: each object key is mapped to a
// file below DEST or refused, whatever a server sends.

#include "cli/safepath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lakeside;
namespace fs = std::filesystem;

class TestCliSafePath : public QObject {
    Q_OBJECT
private slots:
    void mapsKeys_data();
    void mapsKeys();
    void symlinkOutOfDestIsCaught();
};

void TestCliSafePath::mapsKeys_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("expected"); // relative to DEST; "!" refused; "" skipped

    QTest::addRow("plain") << "data/" << QByteArray("data/a.csv") << "a.csv";
    QTest::addRow("nested") << "data/" << QByteArray("data/x/y/b.csv") << "x/y/b.csv";
    QTest::addRow("no prefix") << "" << QByteArray("top.md") << "top.md";
    QTest::addRow("spaces and unicode") << "" << QByteArray("r\xc3\xa9sum\xc3\xa9 2024.csv") << QString::fromUtf8("r\xc3\xa9sum\xc3\xa9 2024.csv");
    QTest::addRow("directory marker") << "data/" << QByteArray("data/sub/") << "";
    QTest::addRow("dot-dot segment") << "data/" << QByteArray("data/../../etc/passwd") << "!";
    QTest::addRow("dot-dot alone") << "" << QByteArray("..") << "!";
    QTest::addRow("dot-dot last") << "" << QByteArray("a/..") << "!";
    QTest::addRow("absolute after prefix") << "data/" << QByteArray("data//etc/passwd") << "!";
    QTest::addRow("absolute") << "" << QByteArray("/etc/passwd") << "!";
    QTest::addRow("empty segment") << "" << QByteArray("a//b") << "!";
    QTest::addRow("dot segment") << "" << QByteArray("a/./b") << "!";
    QTest::addRow("NUL") << "" << QByteArray("a\0b", 3) << "!";
    QTest::addRow("outside prefix") << "data/" << QByteArray("other/a.csv") << "!";
    QTest::addRow("dots in names are fine") << "" << QByteArray("..hidden/a..b") << "..hidden/a..b";
}

void TestCliSafePath::mapsKeys()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, key);
    QFETCH(QString, expected);
    const fs::path dest = "/tmp/dest";
    auto r = cli::downloadTarget(dest, prefix.toStdString(), key.toStdString());
    if (expected == QLatin1String("!")) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(r.error().message.find("refusing") != std::string::npos, r.error().message.c_str());
        return;
    }
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    if (expected.isEmpty()) {
        QVERIFY(!r->has_value());
        return;
    }
    QVERIFY(r->has_value());
    QCOMPARE(QString::fromStdString(r->value().string()), QStringLiteral("/tmp/dest/") + expected);
    QVERIFY(cli::staysInside(dest, r->value()));
}

void TestCliSafePath::symlinkOutOfDestIsCaught()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path dest = dir.filePath(QStringLiteral("dest")).toStdString();
    const fs::path outside = dir.filePath(QStringLiteral("outside")).toStdString();
    fs::create_directories(dest);
    fs::create_directories(outside);
    fs::create_directory_symlink(outside, dest / "link");
    QVERIFY(cli::staysInside(dest, dest / "real" / "a.csv"));
    QVERIFY(!cli::staysInside(dest, dest / "link" / "a.csv"));
    QVERIFY(!cli::staysInside(dest, dest));
}

QTEST_GUILESS_MAIN(TestCliSafePath)
#include "tst_cli_safepath.moc"
