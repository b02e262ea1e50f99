// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: 64-bit hashing of cells and rows for the diff. Values are first
// brought to their canonical spelling for the column's comparison type, so
// "1.0" and "1" hash alike in a numeric column. Not cryptographic: two
// different keys colliding in 64 bits is treated as a duplicate key (odds
// about 1e-8 for a million rows).

#include "tabular/tablesource.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lakeside::tabular::detail {

inline uint64_t finalize(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dULL;
    x ^= x >> 33;
    return x;
}

inline uint64_t hashBytes(std::string_view s)
{
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ (w * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        // The tail without a byte-wise copy (which stalls store forwarding):
        // an overlapping 8-byte load when the value is long enough, else
        // two 4-byte loads or three single bytes. The length is already in h.
        uint64_t w;
        if (s.size() >= 8) {
            std::memcpy(&w, s.data() + s.size() - 8, 8);
        } else if (n >= 4) {
            uint32_t lo, hi;
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + n - 4, 4);
            w = (static_cast<uint64_t>(hi) << 32) | lo;
        } else {
            w = static_cast<uint64_t>(static_cast<unsigned char>(p[0]))
                | (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8)
                | (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
        }
        h = (h ^ (w * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
    }
    return finalize(h);
}

constexpr uint64_t kNullHash = 0x6A09E667F3BCC909ULL;

// Folds the (already mixed) hash of column `i` into a row hash; order
// matters. Cheap on purpose: pass the result through finalize() before using
// its low bits (hash table slots).
inline uint64_t combine(uint64_t h, uint64_t cell, size_t i)
{
    h = (h << 27) | (h >> 37);
    return (h ^ cell) * 0x9E3779B97F4A7C15ULL + (i + 1);
}

// Hash of a cell compared as `type`; normalize=false compares the raw text.
uint64_t cellHash(const Cell& c, ColumnType type, bool normalize, std::string& scratch);
// Whether two cells are equal under the same rules.
bool cellsEqual(const Cell& a, const Cell& b, ColumnType type, bool normalize);

} // namespace lakeside::tabular::detail
