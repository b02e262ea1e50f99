// SPDX-License-Identifier: Apache-2.0
#include "graphlayout.h"

#include <algorithm>

namespace lakeside {

namespace {
constexpr uint16_t kLaneMask = 0x1fff;
constexpr uint16_t kMergeBit = 0x2000;
constexpr int kKindShift = 13;

int findLane(const std::vector<std::string>& expect, std::string_view id)
{
    for (std::size_t i = 0; i < expect.size(); ++i)
        if (!expect[i].empty() && expect[i] == id) return static_cast<int>(i);
    return -1;
}

uint16_t packEdge(int lane, GraphRow::Kind kind)
{
    return static_cast<uint16_t>((lane & kLaneMask) | (static_cast<int>(kind) << kKindShift));
}
} // namespace

int GraphLayout::takeFreeLane()
{
    for (std::size_t i = 0; i < m_expect.size(); ++i)
        if (m_expect[i].empty()) return static_cast<int>(i);
    if (static_cast<int>(m_expect.size()) >= kMaxLanes) return kMaxLanes - 1; // clamp: shares the last lane
    m_expect.emplace_back();
    return static_cast<int>(m_expect.size()) - 1;
}

void GraphLayout::append(std::string_view id, const std::vector<std::string>& parents)
{
    appendImpl(id, parents);
}

void GraphLayout::append(std::string_view id, const std::vector<std::string_view>& parents)
{
    appendImpl(id, parents);
}

template <class Parents>
void GraphLayout::appendImpl(std::string_view id, const Parents& parents)
{
    // Which lanes carry a line into this row from above.
    const std::size_t beforeSize = m_expect.size();
    std::vector<bool> activeBefore(beforeSize);
    for (std::size_t i = 0; i < beforeSize; ++i) activeBefore[i] = !m_expect[i].empty();

    int node = findLane(m_expect, id);
    const bool reached = node >= 0;
    if (!reached) node = takeFreeLane();
    m_expect[node].clear();

    int outs[8];
    std::vector<int> moreOuts; // only for commits with more than 8 parents
    int outCount = 0;
    auto addOut = [&](int lane) {
        for (int i = 0; i < outCount; ++i)
            if (outs[i] == lane) return;
        if (std::find(moreOuts.begin(), moreOuts.end(), lane) != moreOuts.end()) return;
        if (outCount < 8) outs[outCount++] = lane;
        else moreOuts.push_back(lane);
    };
    int shiftFrom = -1;
    bool first = true;
    for (const auto& parent : parents) {
        const std::string_view p(parent);
        int lane = findLane(m_expect, p);
        if (lane > node && first) {
            // Fold the right lane into the node's: the node goes straight down
            // and the right lane's line shifts over to it.
            shiftFrom = lane;
            m_expect[node] = std::move(m_expect[lane]);
            m_expect[lane].clear();
            lane = node;
        } else if (lane < 0) {
            // The node's own lane is free here (consumed above), so the first
            // parent goes straight down; later parents open a lane.
            lane = first ? node : takeFreeLane();
            m_expect[lane].assign(p.data(), p.size());
        }
        addOut(lane);
        first = false;
    }

    m_words.push_back(static_cast<uint16_t>((node & kLaneMask) | (parents.size() > 1 ? kMergeBit : 0)));
    int width = node + 1;
    if (reached) m_words.push_back(packEdge(node, GraphRow::Kind::In));
    for (std::size_t i = 0; i < beforeSize; ++i) {
        const int lane = static_cast<int>(i);
        if (lane != node && activeBefore[i] && !m_expect[i].empty()) {
            m_words.push_back(packEdge(lane, GraphRow::Kind::Pass));
            width = std::max(width, lane + 1);
        }
    }
    if (shiftFrom >= 0) {
        m_words.push_back(packEdge(shiftFrom, GraphRow::Kind::Shift));
        m_words.push_back(static_cast<uint16_t>(node));
        width = std::max(width, shiftFrom + 1);
    }
    auto emitOut = [&](int lane) {
        m_words.push_back(packEdge(lane, GraphRow::Kind::Out));
        width = std::max(width, lane + 1);
    };
    for (int i = 0; i < outCount; ++i) emitOut(outs[i]);
    for (int lane : moreOuts) emitOut(lane);
    m_offsets.push_back(static_cast<uint32_t>(m_words.size()));
    m_maxWidth = std::max(m_maxWidth, width);

    while (!m_expect.empty() && m_expect.back().empty()) m_expect.pop_back();
}

GraphRow GraphLayout::row(std::size_t r) const
{
    GraphRow out;
    const uint32_t begin = m_offsets[r];
    const uint32_t end = m_offsets[r + 1];
    const uint16_t header = m_words[begin];
    out.nodeLane = header & kLaneMask;
    out.merge = (header & kMergeBit) != 0;
    out.edges.reserve(end - begin - 1);
    for (uint32_t i = begin + 1; i < end; ++i) {
        const uint16_t w = m_words[i];
        GraphRow::Edge e{static_cast<uint16_t>(w & kLaneMask), static_cast<GraphRow::Kind>(w >> kKindShift), 0};
        if (e.kind == GraphRow::Kind::Shift && i + 1 < end) e.to = m_words[++i];
        out.edges.push_back(e);
    }
    return out;
}

int GraphLayout::openLanes() const
{
    return static_cast<int>(std::count_if(m_expect.begin(), m_expect.end(),
                                          [](const std::string& s) { return !s.empty(); }));
}

std::size_t GraphLayout::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_words.capacity() * sizeof(uint16_t)
        + m_offsets.capacity() * sizeof(uint32_t) + m_expect.capacity() * sizeof(std::string);
    for (const std::string& s : m_expect)
        if (s.capacity() > 15) bytes += s.capacity() + 1; // heap buffer beyond the small-string storage
    return bytes;
}

void GraphLayout::clear()
{
    m_words.clear();
    m_offsets.assign(1, 0);
    m_expect.clear();
    m_maxWidth = 0;
}

void GraphLayout::shrinkToFit()
{
    m_words.shrink_to_fit();
    m_offsets.shrink_to_fit();
}

} // namespace lakeside
