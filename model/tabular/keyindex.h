// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: open-addressing hash table from a 64-bit key hash to what the diff
// remembers about a row: 24 bytes a slot, sized once from the row count the
// sample suggests (it grows if that was short), so one side of a million-row
// diff costs ~48 MB. The slots live in their own mapping with transparent huge
// pages requested: probes are random, and with 4 KiB pages nearly every probe
// is a TLB miss.

#include <cstdint>
#include <span>

namespace lakeside::tabular::detail {

class KeyIndex {
public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    struct Slot {
        uint64_t key = 0; // 0 = empty
        uint64_t rowHash = 0;
        uint32_t oldRow = kNone;
        uint32_t newRow = kNone;
    };

    explicit KeyIndex(uint64_t expectedEntries);
    ~KeyIndex();
    KeyIndex(KeyIndex&& other) noexcept;
    KeyIndex& operator=(KeyIndex&& other) noexcept;
    KeyIndex(const KeyIndex&) = delete;
    KeyIndex& operator=(const KeyIndex&) = delete;

    // The slot for `key`, inserting an empty one when absent; second is true
    // when inserted.
    std::pair<Slot*, bool> findOrInsert(uint64_t key);
    Slot* find(uint64_t key);
    std::span<Slot> slots() { return {m_slots, m_capacity}; }
    // Hints the cache that `key`'s slot is wanted soon. The diff probes the
    // index a few rows behind the reader so that these misses overlap.
    void prefetch(uint64_t key) const { __builtin_prefetch(&m_slots[fix(key) & m_mask]); }

private:
    void allocate(uint64_t capacity);
    void release();
    void grow();
    static uint64_t fix(uint64_t key) { return key == 0 ? 1 : key; }

    Slot* m_slots = nullptr;
    uint64_t m_capacity = 0;
    uint64_t m_bytes = 0;
    uint64_t m_mask = 0;
    uint64_t m_used = 0;
};

} // namespace lakeside::tabular::detail
