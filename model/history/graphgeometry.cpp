// SPDX-License-Identifier: Apache-2.0
#include "graphgeometry.h"

#include <algorithm>
#include <cmath>

namespace lakeside {

int GraphGeometry::columnWidth(int lanes) const
{
    const int n = std::clamp(lanes, 1, maxLanes);
    return 2 * margin + n * laneWidth;
}

int GraphGeometry::laneAt(double x, int lanes) const
{
    if (x < margin || laneWidth <= 0) return -1;
    const int lane = static_cast<int>((x - margin) / laneWidth);
    return lane < std::min(lanes, maxLanes) ? lane : -1;
}

bool GraphGeometry::hitsNode(QPointF p, int nodeLane) const
{
    if (nodeLane < 0) return false;
    const QPointF d = p - nodeCenter(nodeLane);
    const double r = nodeRadius + 2.0;
    return d.x() * d.x() + d.y() * d.y() <= r * r;
}

QLineF GraphGeometry::edgeLine(const GraphRow::Edge& e, int nodeLane) const
{
    const double x = laneX(e.lane);
    switch (e.kind) {
    case GraphRow::Kind::Pass:
        return {x, 0.0, x, double(rowHeight)};
    case GraphRow::Kind::In:
        return {x, 0.0, laneX(nodeLane), centerY()};
    case GraphRow::Kind::Out:
        return {laneX(nodeLane), centerY(), x, double(rowHeight)};
    case GraphRow::Kind::Shift:
        return {x, 0.0, laneX(e.to), double(rowHeight)};
    }
    return {};
}

} // namespace lakeside
