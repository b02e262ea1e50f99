// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: a decoded tree node. Level 0 nodes are ranges (their items are records
// key -> identity + encoded Entry); higher levels are meta-range nodes (their items
// describe child nodes: min key, max key, id, entry count, range bytes).
// Byte format: docs/ranges.md. Immutable once decoded; shared between threads.

#include "api/status.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside::ranges::detail {

inline constexpr size_t kHashLen = 32;       // child node ids
// Records keep the first 16 bytes of their 32-byte identity: they only ever compare the
// identities of one key across versions, where 128 bits leave no practical chance of a
// collision, and every byte saved per record is ~8% of a tree's size.
inline constexpr size_t kRecordHashLen = 16;

struct NodeItem {
    uint32_t minOff = 0, minLen = 0; // into Node::keys
    uint32_t maxOff = 0, maxLen = 0; // records: same as min
    uint32_t hashOff = 0;            // into Node::raw: identity prefix (records, 16 bytes) or child id (32)
    uint32_t entryOff = 0, entryLen = 0; // records: encoded Entry in Node::raw
    int64_t count = 1;  // entries below (1 for a record)
    int64_t bytes = 0;  // encoded range bytes below (records: their own encoded size)
};

struct Node {
    int level = 0; // 0: range of records
    std::shared_ptr<const std::string> raw;
    std::string keys; // reconstructed keys (prefix sharing undone)
    std::vector<NodeItem> items;

    std::string_view minKey(size_t i) const { return {keys.data() + items[i].minOff, items[i].minLen}; }
    std::string_view maxKey(size_t i) const { return {keys.data() + items[i].maxOff, items[i].maxLen}; }
    std::string_view hash(size_t i) const
    {
        return {raw->data() + items[i].hashOff, level == 0 ? kRecordHashLen : kHashLen};
    }
    std::string_view entry(size_t i) const { return {raw->data() + items[i].entryOff, items[i].entryLen}; }
    size_t memoryBytes() const { return raw->size() + keys.size() + items.size() * sizeof(NodeItem) + 64; }
};

// Corruption when the bytes are not one well-formed node.
Result<std::shared_ptr<const Node>> decodeNode(std::shared_ptr<const std::string> raw);

// Incremental encoder of one node's items (used by the tree builder).
class NodeEncoder {
public:
    void reset(int level);
    // `identity`: a full identity or a stored prefix; its first kRecordHashLen bytes are kept.
    void addRecord(std::string_view key, std::string_view identity, std::string_view entry);
    void addChild(std::string_view minKey, std::string_view maxKey, std::string_view id, int64_t count, int64_t bytes);
    size_t itemCount() const { return m_count; }
    size_t bodyBytes() const { return m_body.size(); }
    int64_t entryCount() const { return m_entries; }
    int64_t rangeBytes() const { return m_rangeBytes; }
    const std::string& firstKey() const { return m_first; }
    const std::string& lastKey() const { return m_last; }
    // The complete node bytes (header + items).
    std::string finish() const;

private:
    int m_level = 0;
    std::string m_body;
    size_t m_count = 0;
    int64_t m_entries = 0;
    int64_t m_rangeBytes = 0;
    std::string m_first;
    std::string m_last;
};

} // namespace lakeside::ranges::detail
