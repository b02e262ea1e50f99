// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/cursor.h"

#include "engine/ranges/encoding.h"
#include "engine/ranges/node_cache.h"

#include <algorithm>

namespace lakeside::ranges {

namespace detail {

// Store errors pass through unchanged (NotFound for a missing node).
static Result<std::shared_ptr<const Node>> loadNodeRaw(RangeStore& store, std::string_view rawId)
{
    if (auto hit = store.cache().find(rawId)) return hit;
    const std::string hex = toHex(rawId);
    auto raw = store.get(hex);
    if (!raw.ok()) return raw.error();
    auto node = decodeNode(std::move(raw).value());
    if (!node.ok()) return makeError(ErrorKind::Corruption, node.error().message + " (range '" + hex + "')");
    store.cache().insert(rawId, node.value());
    return node;
}

Result<std::shared_ptr<const Node>> loadNode(RangeStore& store, std::string_view rawId)
{
    auto node = loadNodeRaw(store, rawId);
    // A node below a root that exists must exist: its absence is damage, not a bad argument.
    if (!node.ok() && node.error().kind == ErrorKind::NotFound)
        return makeError(ErrorKind::Corruption, "range '" + toHex(rawId) + "' is missing from the range store");
    return node;
}

Result<std::shared_ptr<const Node>> loadRoot(RangeStore& store, const std::string& treeId)
{
    LAKESIDE_ASSIGN_OR_RETURN(const std::string raw, rawTreeId(treeId));
    if (raw.empty()) return std::shared_ptr<const Node>();
    auto node = loadNodeRaw(store, raw);
    if (!node.ok() && node.error().kind == ErrorKind::NotFound)
        return makeError(ErrorKind::NotFound, "meta-range '" + treeId + "' not found");
    return node;
}

Result<std::string> rawTreeId(const std::string& treeId)
{
    if (treeId.empty()) return std::string();
    std::string raw = fromHex(treeId);
    if (raw.empty()) return makeError(ErrorKind::InvalidArgument, "malformed meta-range id '" + treeId + "'");
    return raw;
}

} // namespace detail

Status TreeCursor::open(const std::string& treeId)
{
    m_stack.clear();
    m_root.reset();
    LAKESIDE_ASSIGN_OR_RETURN(m_root, detail::loadRoot(m_store, treeId));
    if (!m_root) return Status::Ok();
    m_stack.push_back(Frame{m_root, 0, true});
    normalize();
    return Status::Ok();
}

void TreeCursor::normalize()
{
    while (!m_stack.empty() && m_stack.back().index >= m_stack.back().node->items.size()) {
        m_stack.pop_back();
        if (!m_stack.empty()) ++m_stack.back().index;
    }
}

void TreeCursor::pop()
{
    ++m_stack.back().index;
    normalize();
}

Status TreeCursor::expand()
{
    const Frame& f = top();
    LAKESIDE_ASSIGN_OR_RETURN(auto child, detail::loadNode(m_store, hash()));
    if (child->level != f.node->level - 1 || child->items.empty())
        return makeError(ErrorKind::Corruption, "range '" + detail::toHex(hash()) + "' has an unexpected level");
    const bool rightmost = headRightmost();
    m_stack.push_back(Frame{std::move(child), 0, rightmost});
    return Status::Ok();
}

Status TreeCursor::seekGE(std::string_view key)
{
    m_stack.clear();
    if (!m_root) return Status::Ok();
    m_stack.push_back(Frame{m_root, 0, true});
    while (true) {
        Frame& f = m_stack.back();
        const auto& items = f.node->items;
        // First item whose max key >= key.
        size_t lo = 0, hi = items.size();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (f.node->maxKey(mid) < key) lo = mid + 1;
            else hi = mid;
        }
        f.index = lo;
        if (lo == items.size()) {
            normalize();
            return Status::Ok();
        }
        if (f.node->level == 0 || f.node->minKey(lo) >= key) return Status::Ok();
        LAKESIDE_RETURN_IF_ERROR(expand());
    }
}

Status TreeCursor::toRecord()
{
    while (!atEnd() && !isRecord())
        LAKESIDE_RETURN_IF_ERROR(expand());
    return Status::Ok();
}

} // namespace lakeside::ranges
