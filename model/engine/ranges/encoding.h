// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: varints, hex and hashing helpers shared by the range formats.
// Thread safety: pure functions.

#include <cstdint>
#include <string>
#include <string_view>

namespace lakeside::ranges::detail {

inline void putVarint(std::string& out, uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>(static_cast<uint8_t>(v) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

inline uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
inline int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

inline void putString(std::string& out, std::string_view s)
{
    putVarint(out, s.size());
    out.append(s);
}

// Reads from a byte window; any overrun sets `bad` and returns zero values, so callers
// check once at the end (or at loop boundaries) instead of after every field.
struct Reader {
    const char* p;
    const char* end;
    bool bad = false;

    explicit Reader(std::string_view s) : p(s.data()), end(s.data() + s.size()) {}
    bool atEnd() const { return p == end; }

    uint64_t varint()
    {
        uint64_t v = 0;
        for (int shift = 0; shift <= 63; shift += 7) {
            if (p == end) { bad = true; return 0; }
            const auto b = static_cast<uint8_t>(*p++);
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        bad = true;
        return 0;
    }
    std::string_view bytes(uint64_t n)
    {
        if (static_cast<uint64_t>(end - p) < n) { bad = true; p = end; return {}; }
        std::string_view s(p, n);
        p += n;
        return s;
    }
    std::string_view string() { return bytes(varint()); }
    uint8_t byte() { return p == end ? (bad = true, 0) : static_cast<uint8_t>(*p++); }
};

std::string toHex(std::string_view raw);
// Empty string when `hex` is not 64 lowercase/uppercase hex digits.
std::string fromHex(std::string_view hex);
std::string sha256Raw(std::string_view data);

// FNV-1a 64-bit, as lakeFS's ShouldBreakAtKey.
inline uint64_t fnv1a64(std::string_view s, uint64_t h = 14695981039346656037ULL)
{
    for (const char c : s) {
        h ^= static_cast<uint8_t>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace lakeside::ranges::detail
