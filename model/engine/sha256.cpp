// SPDX-License-Identifier: Apache-2.0
#include "sha256.h"

#include <openssl/evp.h>

namespace lakeside::engine {

struct Sha256::Impl {
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : m_d(std::make_unique<Impl>())
{
    m_d->ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(m_d->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_d->ctx); }

void Sha256::update(const void* data, size_t len) { EVP_DigestUpdate(m_d->ctx, data, len); }

std::string Sha256::finishRaw()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(m_d->ctx, md, &n);
    return std::string(reinterpret_cast<const char*>(md), n);
}

std::string Sha256::finishHex() { return toHex(finishRaw()); }

std::string toHex(std::string_view raw)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string sha256Hex(std::string_view data)
{
    Sha256 h;
    h.update(data);
    return h.finishHex();
}

} // namespace lakeside::engine
