// SPDX-License-Identifier: Apache-2.0
// Schema diff: added, removed, renamed (by content and by position), retyped.

#include "tabular/opentable.h"
#include "tabular/schemadiff.h"
#include "tabulartestutil.h"

#include <QTest>

using namespace lakeside::tabular;
using tabulartest::writeFile;

namespace {

SchemaDiff diffOf(const QByteArray& oldCsv, const QByteArray& newCsv)
{
    QTemporaryDir dir;
    auto a = openTable(writeFile(dir, QStringLiteral("old.csv"), oldCsv));
    auto b = openTable(writeFile(dir, QStringLiteral("new.csv"), newCsv));
    if (!a.ok() || !b.ok())
        qFatal("cannot open test tables");
    auto pa = profileTable(**a, 1000);
    auto pb = profileTable(**b, 1000);
    if (!pa.ok() || !pb.ok())
        qFatal("cannot profile test tables");
    return diffSchemas(*pa, *pb);
}

QString describe(const SchemaDiff& d)
{
    QStringList parts;
    for (const ColumnMatch& m : d.columns) {
        QString s = QString::fromStdString(m.name()) + QLatin1Char(':') + QLatin1String(columnStatusName(m.status));
        if (m.oldIndex >= 0 && m.newIndex >= 0 && m.oldName != m.newName)
            s += QLatin1String("<-") + QString::fromStdString(m.oldName) + QLatin1Char('/')
                 + QString::fromStdString(m.renameEvidence);
        if (m.status == ColumnStatus::Retyped || m.status == ColumnStatus::RenamedRetyped)
            s += QLatin1Char('/') + QLatin1String(columnTypeName(m.oldType)) + QLatin1String("->")
                 + QLatin1String(columnTypeName(m.newType));
        parts << s;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestSchemaDiff : public QObject {
    Q_OBJECT
private slots:
    void changes_data();
    void changes();
};

void TestSchemaDiff::changes_data()
{
    QTest::addColumn<QByteArray>("oldCsv");
    QTest::addColumn<QByteArray>("newCsv");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unchanged") << QByteArray("id,v\n1,a\n2,b\n") << QByteArray("id,v\n1,a\n2,c\n")
                               << QStringLiteral("id:unchanged v:unchanged");
    QTest::addRow("added") << QByteArray("id,v\n1,a\n") << QByteArray("id,v,w\n1,a,x\n")
                           << QStringLiteral("id:unchanged v:unchanged w:added");
    QTest::addRow("removed in place") << QByteArray("id,gone,v\n1,z,a\n") << QByteArray("id,v\n1,a\n")
                                      << QStringLiteral("id:unchanged gone:removed v:unchanged");
    QTest::addRow("renamed by content")
        << QByteArray("id,city,n\n1,Oslo,5\n2,Rome,6\n3,Lima,7\n")
        << QByteArray("id,n,town\n1,5,Oslo\n2,6,Rome\n3,7,Lima\n")
        << QStringLiteral("id:unchanged n:unchanged town:renamed<-city/content");
    QTest::addRow("renamed by position")
        << QByteArray("id,a\n1,10\n2,20\n") << QByteArray("id,b\n1,11\n2,21\n")
        << QStringLiteral("id:unchanged b:renamed<-a/position");
    QTest::addRow("different type is no rename")
        << QByteArray("id,a\n1,10\n") << QByteArray("id,b\n1,x\n")
        << QStringLiteral("id:unchanged a:removed b:added");
    QTest::addRow("retyped") << QByteArray("id,v\n1,10\n2,20\n") << QByteArray("id,v\n1,10.5\n2,x\n")
                             << QStringLiteral("id:unchanged v:retyped/integer->text");
    QTest::addRow("widened") << QByteArray("id,v\n1,10\n") << QByteArray("id,v\n1,10.5\n")
                             << QStringLiteral("id:unchanged v:retyped/integer->decimal");
}

void TestSchemaDiff::changes()
{
    QFETCH(QByteArray, oldCsv);
    QFETCH(QByteArray, newCsv);
    QFETCH(QString, expected);
    const SchemaDiff d = diffOf(oldCsv, newCsv);
    QCOMPARE(describe(d), expected);
    bool allUnchanged = true;
    for (const QString& part : expected.split(QLatin1Char(' ')))
        allUnchanged = allUnchanged && part.endsWith(QLatin1String(":unchanged"));
    QCOMPARE(d.hasChanges(), !allUnchanged);
}

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
