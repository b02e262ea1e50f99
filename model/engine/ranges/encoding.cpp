// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/encoding.h"

#include <openssl/sha.h>

namespace lakeside::ranges::detail {

std::string toHex(std::string_view raw)
{
    static const char digits[] = "0123456789abcdef";
    std::string out(raw.size() * 2, '0');
    for (size_t i = 0; i < raw.size(); ++i) {
        const auto b = static_cast<uint8_t>(raw[i]);
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 15];
    }
    return out;
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string fromHex(std::string_view hex)
{
    if (hex.size() != 64) return {};
    std::string out(32, '\0');
    for (size_t i = 0; i < 32; ++i) {
        const int hi = hexValue(hex[2 * i]);
        const int lo = hexValue(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return {};
        out[i] = static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::string sha256Raw(std::string_view data)
{
    std::string out(SHA256_DIGEST_LENGTH, '\0');
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
           reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

} // namespace lakeside::ranges::detail
