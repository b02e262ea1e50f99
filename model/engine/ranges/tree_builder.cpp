// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/tree_builder.h"

#include "engine/ranges/encoding.h"

namespace lakeside::ranges {

namespace detail {

bool cutAfterRecord(std::string_view key, size_t items, size_t bodyBytes)
{
    if (bodyBytes >= kRangeMaxBytes) return true;
    return items >= kRangeMinItems && fnv1a64(key) % kRangeTarget == 0;
}

bool cutAfterChild(int level, std::string_view maxKey, size_t items, size_t bodyBytes)
{
    if (bodyBytes >= kMetaMaxBytes) return true;
    if (items < kMetaMinItems) return false;
    // A child's max key usually already met the range rule (hash % 128 == 0), so the
    // meta levels mix the hash with the level to draw independent bits.
    uint64_t h = fnv1a64(maxKey) + 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(level);
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h % kMetaTarget == 0;
}

} // namespace detail

TreeBuilder::TreeBuilder(RangeStore& store) : m_store(store)
{
    level(0);
}

detail::NodeEncoder& TreeBuilder::level(size_t i)
{
    while (m_levels.size() <= i) {
        m_levels.emplace_back();
        m_levels.back().reset(static_cast<int>(m_levels.size() - 1));
        m_lastChild.emplace_back();
    }
    return m_levels[i];
}

Status TreeBuilder::addRecord(std::string_view key, std::string_view identity, std::string_view entry)
{
    if (m_discard) return Status::Ok();
    auto& enc = m_levels[0];
    enc.addRecord(key, identity, entry);
    if (detail::cutAfterRecord(key, enc.itemCount(), enc.bodyBytes())) return emit(0);
    return Status::Ok();
}

bool TreeBuilder::canSplice(int nodeLevel) const
{
    if (m_discard) return true;
    for (size_t i = 0; i <= static_cast<size_t>(nodeLevel) && i < m_levels.size(); ++i)
        if (m_levels[i].itemCount() != 0) return false;
    return true;
}

Status TreeBuilder::addNode(int nodeLevel, std::string_view minKey, std::string_view maxKey,
                            std::string_view rawId, int64_t count, int64_t bytes)
{
    if (m_discard) return Status::Ok();
    const size_t parent = static_cast<size_t>(nodeLevel) + 1;
    level(parent).addChild(minKey, maxKey, rawId, count, bytes);
    m_lastChild[parent].assign(rawId);
    return afterAdd(parent);
}

Status TreeBuilder::afterAdd(size_t lvl)
{
    auto& enc = m_levels[lvl];
    if (detail::cutAfterChild(static_cast<int>(lvl), enc.lastKey(), enc.itemCount(), enc.bodyBytes()))
        return emit(lvl);
    return Status::Ok();
}

Status TreeBuilder::emit(size_t lvl)
{
    std::string bytes = m_levels[lvl].finish();
    const std::string rawId = detail::sha256Raw(bytes);
    LAKESIDE_RETURN_IF_ERROR(m_store.put(detail::toHex(rawId), bytes));
    ++m_written;
    auto& enc = m_levels[lvl];
    const int64_t rangeBytes = lvl == 0 ? static_cast<int64_t>(bytes.size()) : enc.rangeBytes();
    // level() may reallocate m_levels: copy what the parent needs first.
    const std::string first = enc.firstKey();
    const std::string last = enc.lastKey();
    const int64_t count = enc.entryCount();
    enc.reset(static_cast<int>(lvl));
    level(lvl + 1).addChild(first, last, rawId, count, rangeBytes);
    m_lastChild[lvl + 1] = rawId;
    return afterAdd(lvl + 1);
}

Result<std::string> TreeBuilder::finish()
{
    if (m_discard) return std::string();
    for (size_t i = 0; i < m_levels.size(); ++i) {
        const bool top = i + 1 == m_levels.size();
        const size_t items = m_levels[i].itemCount();
        if (top) {
            if (items == 0) return std::string(); // nothing was added
            if (i > 0 && items == 1) return detail::toHex(m_lastChild[i]);
        }
        if (items > 0) LAKESIDE_RETURN_IF_ERROR(emit(i));
    }
    return makeError(ErrorKind::Internal, "tree builder: no root"); // unreachable: the top level always ends it
}

} // namespace lakeside::ranges
