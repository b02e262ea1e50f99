// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/node_cache.h"

#include "engine/ranges/node.h"

namespace lakeside::ranges {

NodeCache::NodeCache(size_t capacityBytes) : m_capacity(capacityBytes) {}

std::shared_ptr<NodeCache> NodeCache::shared()
{
    static const std::shared_ptr<NodeCache> cache = std::make_shared<NodeCache>(64u << 20);
    return cache;
}

std::shared_ptr<const detail::Node> NodeCache::find(std::string_view rawId)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(rawId);
    if (it == m_index.end()) return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return it->second->second;
}

void NodeCache::insert(std::string_view rawId, std::shared_ptr<const detail::Node> node)
{
    const size_t bytes = node->memoryBytes();
    if (bytes > m_capacity / 4) return; // one huge node must not flush everything else
    std::lock_guard lock(m_mutex);
    if (m_index.count(rawId)) return;
    m_lru.emplace_front(std::string(rawId), std::move(node));
    m_index.emplace(std::string_view(m_lru.front().first), m_lru.begin());
    m_bytes += bytes;
    while (m_bytes > m_capacity && !m_lru.empty()) {
        auto& last = m_lru.back();
        m_bytes -= last.second->memoryBytes();
        m_index.erase(std::string_view(last.first));
        m_lru.pop_back();
    }
}

void NodeCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_index.clear();
    m_lru.clear();
    m_bytes = 0;
}

size_t NodeCache::sizeBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace lakeside::ranges
