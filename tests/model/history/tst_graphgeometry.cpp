// SPDX-License-Identifier: Apache-2.0
// GraphGeometry: where lanes, rows and nodes are, and what a click hits.
#include <QTest>

#include "history/graphgeometry.h"

using lakeside::GraphGeometry;
using lakeside::GraphRow;

class TestGraphGeometry : public QObject {
    Q_OBJECT
private slots:
    void laneX_data();
    void laneX();
    void laneAt_data();
    void laneAt();
    void rowAt_data();
    void rowAt();
    void hitsNode_data();
    void hitsNode();
    void edgeLines_data();
    void edgeLines();
    void columnWidthIsClamped();
};

void TestGraphGeometry::laneX_data()
{
    QTest::addColumn<int>("lane");
    QTest::addColumn<double>("x");
    // margin 6, lane width 14: centres at 13, 27, 41, ...
    QTest::addRow("lane 0") << 0 << 13.0;
    QTest::addRow("lane 1") << 1 << 27.0;
    QTest::addRow("lane 10") << 10 << 153.0;
}

void TestGraphGeometry::laneX()
{
    QFETCH(int, lane);
    QFETCH(double, x);
    QCOMPARE(GraphGeometry{}.laneX(lane), x);
}

void TestGraphGeometry::laneAt_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("lane");
    QTest::addRow("left margin") << 3.0 << 4 << -1;
    QTest::addRow("first pixel of lane 0") << 6.0 << 4 << 0;
    QTest::addRow("centre of lane 0") << 13.0 << 4 << 0;
    QTest::addRow("last pixel of lane 0") << 19.9 << 4 << 0;
    QTest::addRow("first pixel of lane 1") << 20.0 << 4 << 1;
    QTest::addRow("lane 3") << 50.0 << 4 << 3;
    QTest::addRow("beyond the last lane") << 62.0 << 4 << -1;
    QTest::addRow("beyond the clamp") << 6.0 + 30 * 14 << 40 << -1;
}

void TestGraphGeometry::laneAt()
{
    QFETCH(double, x);
    QFETCH(int, lanes);
    QFETCH(int, lane);
    QCOMPARE(GraphGeometry{}.laneAt(x, lanes), lane);
}

void TestGraphGeometry::rowAt_data()
{
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("row");
    QTest::addRow("above") << -1 << -1;
    QTest::addRow("top of first") << 0 << 0;
    QTest::addRow("bottom of first") << 23 << 0;
    QTest::addRow("top of second") << 24 << 1;
    QTest::addRow("far down") << 24 * 1000000 + 5 << 1000000;
}

void TestGraphGeometry::rowAt()
{
    QFETCH(int, y);
    QFETCH(int, row);
    const GraphGeometry g;
    QCOMPARE(g.rowAt(y), row);
    if (row >= 0) QVERIFY(g.rowTop(row) <= y && y < g.rowTop(row) + g.rowHeight);
}

void TestGraphGeometry::hitsNode_data()
{
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<int>("nodeLane");
    QTest::addColumn<bool>("hit");
    QTest::addRow("centre") << QPointF(13, 12) << 0 << true;
    QTest::addRow("edge of slack") << QPointF(19, 12) << 0 << true;
    QTest::addRow("just outside") << QPointF(19.5, 12) << 0 << false;
    QTest::addRow("diagonal inside") << QPointF(17, 16) << 0 << true;
    QTest::addRow("diagonal outside") << QPointF(18, 17) << 0 << false;
    QTest::addRow("other lane") << QPointF(27, 12) << 0 << false;
    QTest::addRow("node in lane 2") << QPointF(41, 11) << 2 << true;
    QTest::addRow("no node") << QPointF(13, 12) << -1 << false;
}

void TestGraphGeometry::hitsNode()
{
    QFETCH(QPointF, point);
    QFETCH(int, nodeLane);
    QFETCH(bool, hit);
    QCOMPARE(GraphGeometry{}.hitsNode(point, nodeLane), hit);
}

void TestGraphGeometry::edgeLines_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("lane");
    QTest::addColumn<int>("to");
    QTest::addColumn<QLineF>("line");
    // node in lane 1 (x 27), row height 24 (centre 12)
    QTest::addRow("pass") << int(GraphRow::Kind::Pass) << 0 << 0 << QLineF(13, 0, 13, 24);
    QTest::addRow("in") << int(GraphRow::Kind::In) << 1 << 0 << QLineF(27, 0, 27, 12);
    QTest::addRow("out straight") << int(GraphRow::Kind::Out) << 1 << 0 << QLineF(27, 12, 27, 24);
    QTest::addRow("out diagonal") << int(GraphRow::Kind::Out) << 0 << 0 << QLineF(27, 12, 13, 24);
    QTest::addRow("shift") << int(GraphRow::Kind::Shift) << 3 << 1 << QLineF(55, 0, 27, 24);
}

void TestGraphGeometry::edgeLines()
{
    QFETCH(int, kind);
    QFETCH(int, lane);
    QFETCH(int, to);
    QFETCH(QLineF, line);
    const GraphRow::Edge e{uint16_t(lane), GraphRow::Kind(kind), uint16_t(to)};
    QCOMPARE(GraphGeometry{}.edgeLine(e, 1), line);
}

void TestGraphGeometry::columnWidthIsClamped()
{
    const GraphGeometry g;
    QCOMPARE(g.columnWidth(0), 12 + 14);
    QCOMPARE(g.columnWidth(3), 12 + 3 * 14);
    QCOMPARE(g.columnWidth(1000), 12 + g.maxLanes * 14);
}

QTEST_GUILESS_MAIN(TestGraphGeometry)
#include "tst_graphgeometry.moc"
