// SPDX-License-Identifier: Apache-2.0
#include "tabular/keyindex.h"

#include <new>
#include <sys/mman.h>
#include <utility>

namespace lakeside::tabular::detail {

KeyIndex::KeyIndex(uint64_t expectedEntries)
{
    uint64_t cap = 16;
    while (cap < expectedEntries + expectedEntries / 2 + 16)
        cap <<= 1;
    allocate(cap);
}

KeyIndex::~KeyIndex()
{
    release();
}

KeyIndex::KeyIndex(KeyIndex&& other) noexcept
{
    *this = std::move(other);
}

KeyIndex& KeyIndex::operator=(KeyIndex&& other) noexcept
{
    if (this != &other) {
        release();
        m_slots = std::exchange(other.m_slots, nullptr);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_bytes = std::exchange(other.m_bytes, 0);
        m_mask = std::exchange(other.m_mask, 0);
        m_used = std::exchange(other.m_used, 0);
    }
    return *this;
}

void KeyIndex::allocate(uint64_t capacity)
{
    constexpr uint64_t kHuge = uint64_t(2) << 20;
    m_bytes = (capacity * sizeof(Slot) + kHuge - 1) / kHuge * kHuge;
    void* p = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc(); // like any other allocation failure
    madvise(p, m_bytes, MADV_HUGEPAGE); // a hint: fine if refused
    m_slots = static_cast<Slot*>(p);
    m_capacity = capacity;
    m_mask = capacity - 1;
    m_used = 0;
    for (uint64_t i = 0; i < capacity; ++i)
        new (&m_slots[i]) Slot();
}

void KeyIndex::release()
{
    if (m_slots)
        munmap(m_slots, m_bytes);
    m_slots = nullptr;
}

void KeyIndex::grow()
{
    Slot* old = m_slots;
    const uint64_t oldCap = m_capacity;
    const uint64_t oldBytes = m_bytes;
    const uint64_t used = m_used;
    allocate(oldCap * 2);
    for (uint64_t k = 0; k < oldCap; ++k) {
        const Slot& s = old[k];
        if (s.key == 0)
            continue;
        uint64_t i = s.key & m_mask;
        while (m_slots[i].key != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = s;
    }
    m_used = used;
    munmap(old, oldBytes);
}

std::pair<KeyIndex::Slot*, bool> KeyIndex::findOrInsert(uint64_t key)
{
    key = fix(key);
    if ((m_used + 1) * 4 > m_capacity * 3)
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
