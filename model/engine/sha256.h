// SPDX-License-Identifier: Apache-2.0
#pragma once
// Streaming SHA-256 (OpenSSL EVP). Not thread-safe; one instance per stream.

#include <memory>
#include <string>
#include <string_view>

namespace lakeside::engine {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, size_t len);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // 32 raw bytes. The object may not be updated afterwards.
    std::string finishRaw();
    // 64 lowercase hex characters.
    std::string finishHex();

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

std::string toHex(std::string_view raw);
std::string sha256Hex(std::string_view data);

} // namespace lakeside::engine
