// SPDX-License-Identifier: Apache-2.0
// GraphLayout: the lanes a commit log is drawn with, row by row.
#include <QTest>

#include "history/graphlayout.h"

using lakeside::GraphLayout;
using lakeside::GraphRow;

namespace {

// "id:p1,p2" -> id and parents.
void appendSpec(GraphLayout& layout, const QString& spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    std::vector<std::string> parents;
    if (parts.size() > 1)
        for (const QString& p : parts.at(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            parents.push_back(p.toStdString());
    layout.append(parts.at(0).toStdString(), parents);
}

// "0M|I0 P1 S2>0 O0": node lane, merge flag, then the edges in stored order.
QString describe(const GraphRow& row)
{
    QString s = QString::number(row.nodeLane) + (row.merge ? QStringLiteral("M") : QString()) + QLatin1Char('|');
    QStringList edges;
    for (const GraphRow::Edge& e : row.edges) {
        switch (e.kind) {
        case GraphRow::Kind::Pass: edges << QStringLiteral("P%1").arg(e.lane); break;
        case GraphRow::Kind::In: edges << QStringLiteral("I%1").arg(e.lane); break;
        case GraphRow::Kind::Out: edges << QStringLiteral("O%1").arg(e.lane); break;
        case GraphRow::Kind::Shift: edges << QStringLiteral("S%1>%2").arg(e.lane).arg(e.to); break;
        }
    }
    return s + edges.join(QLatin1Char(' '));
}

} // namespace

class TestGraphLayout : public QObject {
    Q_OBJECT
private slots:
    void rows_data();
    void rows();
    void rowsDependOnlyOnEarlierRows();
    void compactForLongHistories();
};

void TestGraphLayout::rows_data()
{
    QTest::addColumn<QStringList>("log");      // newest first
    QTest::addColumn<QStringList>("expected"); // one glyph per row
    QTest::addColumn<int>("lanes");

    QTest::addRow("single root") << QStringList{"a:"} << QStringList{"0|"} << 1;
    QTest::addRow("linear") << QStringList{"c:b", "b:a", "a:"}
                            << QStringList{"0|O0", "0|I0 O0", "0|I0"} << 1;
    // A feature branch newer than main's head: main's head opens lane 1 and
    // joins lane 0 diagonally, where the shared parent is already expected.
    QTest::addRow("branch") << QStringList{"f1:m1", "m2:m1", "m1:"}
                            << QStringList{"0|O0", "1|P0 O0", "0|I0"} << 2;
    // A merge opens a lane for its second parent; the mainline keeps lane 0
    // because the feature lane shifts back into it at the fork point.
    QTest::addRow("merge") << QStringList{"m3:m2,f1", "f1:m1", "m2:m1", "m1:"}
                           << QStringList{"0M|O0 O1", "1|I1 P0 O1", "0|I0 S1>0 O0", "0|I0"} << 2;
    // x = merge(b, c) and y = merge(c, b): both merge bases cross over.
    QTest::addRow("criss-cross")
        << QStringList{"top:x,y", "y:c,b", "x:b,c", "c:m1", "b:m1", "m1:"}
        << QStringList{"0M|O0 O1", "1M|I1 P0 O1 O2", "0M|I0 P1 S2>0 O0 O1", "1|I1 P0 O1",
                       "0|I0 S1>0 O0", "0|I0"}
        << 3;
    QTest::addRow("many parallel lanes")
        << QStringList{"a2:a1", "b2:b1", "c2:c1", "d2:d1", "a1:base", "b1:base", "c1:base", "d1:base", "base:"}
        << QStringList{"0|O0", "1|P0 O1", "2|P0 P1 O2", "3|P0 P1 P2 O3", "0|I0 P1 P2 P3 O0",
                       "1|I1 P0 P2 P3 O0", "2|I2 P0 P3 O0", "3|I3 P0 O0", "0|I0"}
        << 4;
    // m4's lane 1 is freed when it joins lane 0; the merge below reuses lane 1
    // for its second parent instead of opening lane 2.
    QTest::addRow("lane reuse after merge")
        << QStringList{"g1:m3", "m4:m3", "m3:m2,f1", "f1:m1", "m2:m1", "m1:", }
        << QStringList{"0|O0", "1|P0 O0", "0M|I0 O0 O1", "1|I1 P0 O1", "0|I0 S1>0 O0", "0|I0"} << 2;
    // A lane freed at a fork is reused by the next branch head.
    QTest::addRow("head reuses freed lane")
        << QStringList{"a:r", "b:r", "c:r", "r:"}
        << QStringList{"0|O0", "1|P0 O0", "1|P0 O0", "0|I0"} << 2;
    // Two unrelated histories (e.g. an orphan branch) side by side.
    QTest::addRow("two roots") << QStringList{"x2:x1", "y1:", "x1:"}
                               << QStringList{"0|O0", "1|P0", "0|I0"} << 2;
    QTest::addRow("duplicate parent listed once") << QStringList{"b:a,a", "a:"}
                                                 << QStringList{"0M|O0", "0|I0"} << 1;
}

void TestGraphLayout::rows()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    QFETCH(int, lanes);

    GraphLayout layout;
    for (const QString& spec : log) appendSpec(layout, spec);
    QCOMPARE(int(layout.rowCount()), expected.size());
    QStringList actual;
    for (std::size_t r = 0; r < layout.rowCount(); ++r) actual << describe(layout.row(r));
    QCOMPARE(actual, expected);
    QCOMPARE(layout.laneCount(), lanes);
    QCOMPARE(layout.openLanes(), 0); // every line ends at a commit
}

void TestGraphLayout::rowsDependOnlyOnEarlierRows()
{
    // Laying out a log page by page gives the same rows as all at once, and
    // rows already laid out never change when more arrive.
    const QStringList log{"top:x,y", "y:c,b", "x:b,c", "c:m1", "b:m1", "m1:"};
    GraphLayout whole;
    for (const QString& s : log) appendSpec(whole, s);
    GraphLayout paged;
    QStringList seen;
    for (const QString& s : log) {
        appendSpec(paged, s);
        for (int r = 0; r < seen.size(); ++r) QCOMPARE(describe(paged.row(r)), seen.at(r));
        seen << describe(paged.row(paged.rowCount() - 1));
    }
    for (std::size_t r = 0; r < whole.rowCount(); ++r) QCOMPARE(describe(paged.row(r)), describe(whole.row(r)));
}

void TestGraphLayout::compactForLongHistories()
{
    // 200k commits, a merge every 10 commits, side branches of 3 commits:
    // the stored layout stays far below the 160 bytes per commit budget.
    GraphLayout layout;
    const int n = 200000;
    auto id = [](int i) { return "c" + std::to_string(i); };
    auto side = [](int i, int k) { return "s" + std::to_string(i) + "_" + std::to_string(k); };
    for (int i = n; i > 0; --i) {
        if (i % 10 == 0) {
            layout.append(id(i), std::vector<std::string>{id(i - 1), side(i, 0)});
            layout.append(side(i, 0), std::vector<std::string>{side(i, 1)});
            layout.append(side(i, 1), std::vector<std::string>{id(i - 3)});
        } else {
            layout.append(id(i), i > 1 ? std::vector<std::string>{id(i - 1)} : std::vector<std::string>{});
        }
    }
    layout.shrinkToFit();
    const double perCommit = double(layout.memoryBytes()) / double(layout.rowCount());
    qInfo("layout: %zu rows, %d lanes, %.1f bytes per commit", layout.rowCount(), layout.laneCount(), perCommit);
    QVERIFY2(perCommit <= 160.0, qPrintable(QString::number(perCommit)));
    QCOMPARE(layout.openLanes(), 0);
    QCOMPARE(layout.laneCount(), 2);
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
