// SPDX-License-Identifier: Apache-2.0
#pragma once
// Geometry of the graph column: lane -> x, row -> y, and hit-testing, in
// cell-local coordinates (x from the cell's left edge, y from the row's top).
// A plain value type so painting and mouse handling agree on one mapping and
// the mapping is unit-tested without painting anything.

#include "graphrow.h"

#include <QLineF>
#include <QPoint>
#include <QPointF>

namespace lakeside {

struct GraphGeometry {
    int laneWidth = 14;  // distance between two lanes' centres
    int rowHeight = 24;  // fixed: the view uses uniform row heights
    int margin = 6;      // left padding before lane 0
    int nodeRadius = 4;
    int maxLanes = 24;   // wider graphs are clipped (the column never grows past this)

    // Centre x of `lane`.
    double laneX(int lane) const { return margin + lane * laneWidth + laneWidth / 2.0; }
    double centerY() const { return rowHeight / 2.0; }
    // Width of the graph column for `lanes` lanes (clamped to maxLanes).
    int columnWidth(int lanes) const;

    // The lane whose slot contains x, or -1 left of lane 0 or beyond `lanes`.
    int laneAt(double x, int lanes) const;
    // Row under content y (0 = the first row's top edge), or -1 above it.
    int rowAt(int contentY) const { return contentY < 0 ? -1 : contentY / rowHeight; }
    int rowTop(int row) const { return row * rowHeight; }
    // Whether the cell-local point hits the node of a row whose node is in `nodeLane`
    // (a slack of two pixels around the dot, so small dots are still easy to hit).
    bool hitsNode(QPointF p, int nodeLane) const;

    QPointF nodeCenter(int nodeLane) const { return {laneX(nodeLane), centerY()}; }
    // The line segment an edge paints, cell-local.
    QLineF edgeLine(const GraphRow::Edge& e, int nodeLane) const;
};

} // namespace lakeside
