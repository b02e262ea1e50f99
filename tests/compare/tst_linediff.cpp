// SPDX-License-Identifier: Apache-2.0
// The Compare tab's line and intra-line diff.
#include "compare/linediff.h"

#include <QTest>

using lakeside::compare::CharRun;
using lakeside::compare::diffChars;
using lakeside::compare::diffLines;
using lakeside::compare::LineOp;

namespace {
// Renders ops as "=a -b +c" for readable expectations.
QString render(const QStringList& a, const QStringList& b, const QList<LineOp>& ops)
{
    QStringList out;
    for (const LineOp& op : ops) {
        if (op.kind == LineOp::Equal) out << QLatin1Char('=') + a[op.oldLine];
        else if (op.kind == LineOp::Delete) out << QLatin1Char('-') + a[op.oldLine];
        else out << QLatin1Char('+') + b[op.newLine];
    }
    return out.join(QLatin1Char(' '));
}
QStringList lines(const char* s)
{
    return QString::fromLatin1(s).split(QLatin1Char(','), Qt::SkipEmptyParts);
}
} // namespace

class TestLineDiff : public QObject {
    Q_OBJECT
private slots:
    void lineOps_data()
    {
        QTest::addColumn<QStringList>("oldLines");
        QTest::addColumn<QStringList>("newLines");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("deleted");
        QTest::addRow("equal") << lines("a,b") << lines("a,b") << QStringLiteral("=a =b") << 0 << 0;
        QTest::addRow("insert middle") << lines("a,c") << lines("a,b,c") << QStringLiteral("=a +b =c") << 1 << 0;
        QTest::addRow("insert at end") << lines("a") << lines("a,b") << QStringLiteral("=a +b") << 1 << 0;
        QTest::addRow("delete first") << lines("a,b,c") << lines("b,c") << QStringLiteral("-a =b =c") << 0 << 1;
        QTest::addRow("change groups old before new")
            << lines("a,x,y,d") << lines("a,p,q,d") << QStringLiteral("=a -x -y +p +q =d") << 2 << 2;
        QTest::addRow("from empty") << QStringList() << lines("a,b") << QStringLiteral("+a +b") << 2 << 0;
        QTest::addRow("to empty") << lines("a") << QStringList() << QStringLiteral("-a") << 0 << 1;
        QTest::addRow("moved line keeps the longest common run")
            << lines("a,b,c,d") << lines("b,c,d,a") << QStringLiteral("-a =b =c =d +a") << 1 << 1;
    }
    void lineOps()
    {
        QFETCH(QStringList, oldLines);
        QFETCH(QStringList, newLines);
        QFETCH(QString, expected);
        QFETCH(int, inserted);
        QFETCH(int, deleted);
        const auto d = diffLines(oldLines, newLines);
        QVERIFY(!d.tooLarge);
        QCOMPARE(render(oldLines, newLines, d.ops), expected);
        QCOMPARE(d.inserted, inserted);
        QCOMPARE(d.deleted, deleted);
    }

    void tooLargeIsReported()
    {
        QStringList a, b;
        for (int i = 0; i < 200; ++i) a << QString::number(i), b << QString::number(i * 7 + 1);
        const auto d = diffLines(a, b, 1000);
        QVERIFY(d.tooLarge);
        QVERIFY(d.ops.isEmpty());
        // Shared prefix/suffix do not count against the bound.
        QVERIFY(!diffLines(a, a, 10).tooLarge);
    }

    void intraLine_data()
    {
        QTest::addColumn<QString>("oldLine");
        QTest::addColumn<QString>("newLine");
        QTest::addColumn<QList<CharRun>>("oldRuns");
        QTest::addColumn<QList<CharRun>>("newRuns");
        QTest::addRow("one word changed") << QStringLiteral("id,Berlin,3") << QStringLiteral("id,Bern,3")
                                          << QList<CharRun>{{6, 2}} << QList<CharRun>{};
        QTest::addRow("value replaced") << QStringLiteral("1,DE,x") << QStringLiteral("1,AT,x")
                                        << QList<CharRun>{{2, 2}} << QList<CharRun>{{2, 2}};
        QTest::addRow("two runs") << QStringLiteral("a1b2c") << QStringLiteral("a9b8c")
                                  << QList<CharRun>{{1, 1}, {3, 1}} << QList<CharRun>{{1, 1}, {3, 1}};
        QTest::addRow("appended") << QStringLiteral("abc") << QStringLiteral("abcdef") << QList<CharRun>{}
                                  << QList<CharRun>{{3, 3}};
        QTest::addRow("identical") << QStringLiteral("same") << QStringLiteral("same") << QList<CharRun>{}
                                   << QList<CharRun>{};
    }
    void intraLine()
    {
        QFETCH(QString, oldLine);
        QFETCH(QString, newLine);
        QFETCH(QList<CharRun>, oldRuns);
        QFETCH(QList<CharRun>, newRuns);
        const auto r = diffChars(oldLine, newLine);
        QCOMPARE(r.oldRuns, oldRuns);
        QCOMPARE(r.newRuns, newRuns);
    }

    void splitLinesHandlesCrlfAndFinalNewline()
    {
        QCOMPARE(lakeside::compare::splitLines(QStringLiteral("a\r\nb\n")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(lakeside::compare::splitLines(QString()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
