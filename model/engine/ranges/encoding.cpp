// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/encoding.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

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
    // OpenSSL 3's one-shot SHA256() looks the algorithm up (under a lock) on every call;
    // one fetched EVP_MD and one context per thread keep identities cheap.
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                                  &EVP_MD_CTX_free);
    std::string out(32, '\0');
    unsigned int len = 0;
    if (!md || !ctx || !EVP_DigestInit_ex2(ctx.get(), md, nullptr) || !EVP_DigestUpdate(ctx.get(), data.data(), data.size())
        || !EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len))
        std::abort(); // only on a broken OpenSSL installation: ids would be meaningless
    return out;
}

} // namespace lakeside::ranges::detail
