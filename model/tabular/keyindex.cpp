// SPDX-License-Identifier: Apache-2.0
#include "tabular/keyindex.h"

namespace lakeside::tabular::detail {

KeyIndex::KeyIndex(uint64_t expectedEntries)
{
    uint64_t cap = 16;
    while (cap < expectedEntries + expectedEntries / 2 + 16)
        cap <<= 1;
    m_slots.resize(cap);
    m_mask = cap - 1;
}

void KeyIndex::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.resize(old.size() * 2);
    m_mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.key == 0)
            continue;
        uint64_t i = s.key & m_mask;
        while (m_slots[i].key != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = s;
    }
}

std::pair<KeyIndex::Slot*, bool> KeyIndex::findOrInsert(uint64_t key)
{
    key = fix(key);
    if ((m_used + 1) * 4 > m_slots.size() * 3)
        grow();
    uint64_t i = key & m_mask;
    while (true) {
        Slot& s = m_slots[i];
        if (s.key == key)
            return {&s, false};
        if (s.key == 0) {
            s.key = key;
            ++m_used;
            return {&s, true};
        }
        i = (i + 1) & m_mask;
    }
}

KeyIndex::Slot* KeyIndex::find(uint64_t key)
{
    key = fix(key);
    uint64_t i = key & m_mask;
    while (true) {
        Slot& s = m_slots[i];
        if (s.key == key)
            return &s;
        if (s.key == 0)
            return nullptr;
        i = (i + 1) & m_mask;
    }
}

} // namespace lakeside::tabular::detail
