// SPDX-License-Identifier: Apache-2.0
#pragma once
// One row of the drawn commit graph, as GraphLayout produced it: which lane
// holds the commit's node and which line pieces cross the row. Plain value
// type (Qt-free) so the model can hand it to the delegate through a role.
//
// Coordinates are lanes (columns of the graph) and three vertical anchor
// points of the row: its top edge, its centre (where the node sits) and its
// bottom edge. A row's bottom edges meet the next row's top edges in the
// same lanes, which is what makes the lines continuous.

#include <cstdint>
#include <vector>

namespace lakeside {

struct GraphRow {
    enum class Kind : uint8_t {
        Pass, // a line from the top edge straight down to the bottom edge of `lane`
        In,   // a line from the top edge of `lane` to the node (a child above reaches this commit)
        Out,  // a line from the node to the bottom edge of `lane` (towards a parent below)
        Shift, // a line from the top edge of `lane` to the bottom edge of `to` (a lane moves left)
    };
    struct Edge {
        uint16_t lane = 0;
        Kind kind = Kind::Pass;
        uint16_t to = 0; // Shift only
        friend bool operator==(const Edge&, const Edge&) = default;
    };

    int nodeLane = -1;  // -1: no graph for this row (e.g. a filtered list)
    bool merge = false; // more than one parent
    std::vector<Edge> edges;

    // Lanes 0..width()-1 are touched by this row (the node or any edge).
    int width() const
    {
        int w = nodeLane + 1;
        for (const Edge& e : edges)
            if (e.lane + 1 > w) w = e.lane + 1;
        return w;
    }
};

} // namespace lakeside
