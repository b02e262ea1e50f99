// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: open-addressing hash table from a 64-bit key hash to what the diff
// remembers about a row: 24 bytes a slot, sized once from the row count the
// profile pass found, so one side of a million-row diff costs ~48 MB.

#include <cstdint>
#include <vector>

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

    // The slot for `key`, inserting an empty one when absent; second is true
    // when inserted.
    std::pair<Slot*, bool> findOrInsert(uint64_t key);
    Slot* find(uint64_t key);
    std::vector<Slot>& slots() { return m_slots; }

private:
    void grow();
    static uint64_t fix(uint64_t key) { return key == 0 ? 1 : key; }

    std::vector<Slot> m_slots;
    uint64_t m_mask;
    uint64_t m_used = 0;
};

} // namespace lakeside::tabular::detail
