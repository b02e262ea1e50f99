// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/store.h"

#include "engine/ranges/node_cache.h"

namespace lakeside::ranges {

RangeStore::RangeStore() : m_cache(NodeCache::shared()) {}

void RangeStore::setCache(std::shared_ptr<NodeCache> cache)
{
    m_cache = cache ? std::move(cache) : NodeCache::shared();
}

Result<std::shared_ptr<const std::string>> MemoryRangeStore::get(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return makeError(ErrorKind::NotFound, "range '" + id + "' not found");
    return it->second;
}

Status MemoryRangeStore::put(const std::string& id, std::string_view bytes)
{
    countPut();
    std::lock_guard lock(m_mutex);
    if (m_nodes.count(id)) return Status::Ok();
    m_nodes.emplace(id, std::make_shared<const std::string>(bytes));
    m_bytes += static_cast<int64_t>(bytes.size());
    return Status::Ok();
}

size_t MemoryRangeStore::size() const
{
    std::lock_guard lock(m_mutex);
    return m_nodes.size();
}

int64_t MemoryRangeStore::storedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace lakeside::ranges
