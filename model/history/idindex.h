// SPDX-License-Identifier: Apache-2.0
#pragma once
// A compact map from commit id to a 32-bit value (a row number), keyed by a
// 64-bit hash of the id. 12 bytes per slot, kept at most half full, so a
// million commits cost about 24-48 MB instead of a hash table of strings.
// Two ids with the same 64-bit hash would alias (odds ~1e-8 at a million
// commits); callers that must be exact compare the stored id afterwards.
//
// Thread safety: none. Qt-free.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lakeside {

class IdIndex {
public:
    static constexpr uint32_t kNone = UINT32_MAX;

    // Inserts or overwrites.
    void insert(std::string_view id, uint32_t value);
    // The value stored for `id`, or kNone.
    uint32_t find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != kNone; }
    std::size_t size() const { return m_size; }
    void clear();
    std::size_t memoryBytes() const { return m_keys.capacity() * 8 + m_values.capacity() * 4; }

private:
    static uint64_t hashOf(std::string_view id);
    void grow();

    std::vector<uint64_t> m_keys; // 0 = empty slot
    std::vector<uint32_t> m_values;
    std::size_t m_size = 0;
};

} // namespace lakeside
