// SPDX-License-Identifier: Apache-2.0
#include "idindex.h"


namespace lakeside {

uint64_t IdIndex::hashOf(std::string_view id)
{
    // FNV-1a, then a final mix; 0 is reserved for empty slots.
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h ? h : 1;
}

void IdIndex::grow()
{
    std::vector<uint64_t> keys = std::move(m_keys);
    std::vector<uint32_t> values = std::move(m_values);
    const std::size_t capacity = keys.empty() ? 1024 : keys.size() * 2;
    m_keys.assign(capacity, 0);
    m_values.assign(capacity, kNone);
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i]) continue;
        std::size_t slot = keys[i] & mask;
        while (m_keys[slot]) slot = (slot + 1) & mask;
        m_keys[slot] = keys[i];
        m_values[slot] = values[i];
    }
}

void IdIndex::insert(std::string_view id, uint32_t value)
{
    if ((m_size + 1) * 2 > m_keys.size()) grow();
    const uint64_t h = hashOf(id);
    const std::size_t mask = m_keys.size() - 1;
    std::size_t slot = h & mask;
    while (m_keys[slot] && m_keys[slot] != h) slot = (slot + 1) & mask;
    if (!m_keys[slot]) {
        m_keys[slot] = h;
        ++m_size;
    }
    m_values[slot] = value;
}

uint32_t IdIndex::find(std::string_view id) const
{
    if (m_keys.empty()) return kNone;
    const uint64_t h = hashOf(id);
    const std::size_t mask = m_keys.size() - 1;
    for (std::size_t slot = h & mask; m_keys[slot]; slot = (slot + 1) & mask)
        if (m_keys[slot] == h) return m_values[slot];
    return kNone;
}

void IdIndex::clear()
{
    m_keys.clear();
    m_values.clear();
    m_size = 0;
}

} // namespace lakeside
