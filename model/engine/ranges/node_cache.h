// SPDX-License-Identifier: Apache-2.0
#pragma once
// LRU cache of decoded nodes keyed by raw node id. Nodes are immutable and ids are
// content hashes, so entries never need invalidation and one cache may serve many
// stores. Thread-safe (internal mutex).

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lakeside::ranges {

namespace detail { struct Node; }

class NodeCache {
public:
    explicit NodeCache(size_t capacityBytes);

    // The process-wide cache every store uses unless given another (64 MiB).
    static std::shared_ptr<NodeCache> shared();

    std::shared_ptr<const detail::Node> find(std::string_view rawId);
    void insert(std::string_view rawId, std::shared_ptr<const detail::Node> node);
    void clear();
    size_t sizeBytes() const;

private:
    using Item = std::pair<std::string, std::shared_ptr<const detail::Node>>;
    mutable std::mutex m_mutex;
    size_t m_capacity;
    size_t m_bytes = 0;
    std::list<Item> m_lru; // front = most recently used
    std::unordered_map<std::string_view, std::list<Item>::iterator> m_index; // views into m_lru keys
};

} // namespace lakeside::ranges
