// SPDX-License-Identifier: Apache-2.0
#pragma once
// Byte-order key helpers shared by listing, diff and staging queries. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace lakeside::engine {

inline bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// The smallest key greater than every key starting with `prefix`; nullopt when
// no such key exists (prefix empty or all 0xff bytes).
inline std::optional<std::string> prefixEnd(std::string_view prefix)
{
    std::string s(prefix);
    while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xff) s.pop_back();
    if (s.empty()) return std::nullopt;
    s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
    return s;
}

// The smallest key strictly greater than `key`.
inline std::string keyAfter(std::string_view key) { return std::string(key) + '\0'; }

// Under `prefix`, the common prefix of `key` up to and including the first
// `delimiter` after the prefix; nullopt when `key` has no delimiter there.
inline std::optional<std::string> commonPrefixOf(std::string_view key, std::string_view prefix,
                                                 std::string_view delimiter)
{
    if (delimiter.empty() || key.size() < prefix.size()) return std::nullopt;
    const size_t pos = key.find(delimiter, prefix.size());
    if (pos == std::string_view::npos) return std::nullopt;
    return std::string(key.substr(0, pos + delimiter.size()));
}

// Normalised page size: <= 0 means 100, capped at 1000 (REFERENCE.md §2.1).
inline int pageAmount(int amount) { return amount <= 0 ? 100 : (amount > 1000 ? 1000 : amount); }

} // namespace lakeside::engine
