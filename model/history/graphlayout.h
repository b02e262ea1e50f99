// SPDX-License-Identifier: Apache-2.0
#pragma once
// Lane layout of a commit graph, computed incrementally as log pages arrive.
//
// Feed commits in log order (every child before its parents, as a newest-first
// lakeFS log or a merge of several logs gives them). Each append() decides the
// row's glyph from the rows before it only, so pages can be laid out as they
// arrive and earlier rows never change.
//
// Rules (close to `git log --graph`, with lanes that never move sideways):
// - A commit takes the lane that expects it (a child named it as a parent);
//   a commit nobody expects (a branch head) takes the lowest free lane.
// - Its first parent continues in the same lane. If another lane already
//   expects that parent, the two lanes fold into the left one: a lane to the
//   left is joined by a diagonal from the node, a lane to the right shifts
//   into the node's lane (so a mainline keeps its column). The right lane
//   becomes free for reuse.
// - Every further parent (merge) joins the lane expecting it, or opens a new
//   lane at the lowest free index.
// Hence at most one lane expects any given id.
//
// Storage is compact: per row a 32-bit offset plus one 16-bit word for the
// node and one per edge (two for a shift), in one arena (memoryBytes() reports the total).
// Lanes beyond 8191 are clamped (never seen in practice; stays drawable).
//
// Thread safety: none; use from one thread at a time. Qt-free.

#include "graphrow.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside {

class GraphLayout {
public:
    static constexpr int kMaxLanes = 8191;

    // Appends one commit's row. `parents` are the commit's parent ids in order;
    // ids must not repeat across calls (the caller de-duplicates the log).
    void append(std::string_view id, const std::vector<std::string>& parents);
    void append(std::string_view id, const std::vector<std::string_view>& parents);

    std::size_t rowCount() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    // REQUIRES: row < rowCount()
    GraphRow row(std::size_t row) const;
    // Widest row so far, in lanes (the graph column's width).
    int laneCount() const { return m_maxWidth; }
    // Lanes currently open (expecting a parent not yet laid out).
    int openLanes() const;
    // Bytes held by the stored rows plus the open-lane state.
    std::size_t memoryBytes() const;
    void clear();
    // Releases slack capacity (after the last page, or for measuring).
    void shrinkToFit();

private:
    template <class Parents>
    void appendImpl(std::string_view id, const Parents& parents);
    int takeFreeLane();

    // Packed row words: header = node lane | merge flag; edge = lane | kind << 13
    // (a Shift edge is followed by a word holding its target lane).
    std::vector<uint16_t> m_words;
    std::vector<uint32_t> m_offsets{0};
    // Per lane, the id it waits for; empty = free.
    std::vector<std::string> m_expect;
    int m_maxWidth = 0;
};

} // namespace lakeside
