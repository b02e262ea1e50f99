// SPDX-License-Identifier: Apache-2.0
#pragma once
// One committed object as the range layer stores it, its lakeFS identity and its
// compact byte encoding. See docs/ranges.md for the byte format.
//
// Thread safety: free functions on values; safe from any thread.

#include "api/status.h"
#include "api/types.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace lakeside::ranges {

struct Entry {
    // Opaque to the range layer: "sha256:<hex>" for stored blobs, "file:///abs/path"
    // for zero-copy imports, or whatever the engine puts there. Never part of identity.
    std::string address;
    int64_t size = 0;
    std::string checksum; // lakeFS e_tag
    int64_t mtime = 0;    // unix seconds; never part of identity
    std::string content_type;
    Metadata metadata;    // user metadata

    bool operator==(const Entry&) const = default;
};

// 32 raw bytes: SHA-256 over lakeFS's typed encoding (REFERENCE.md §6.5) of
// size (int64), checksum (string), user metadata (string map) and content_type
// (string, only when non-empty), in that order (§6.2). Diff and merge compare
// entries by identity only: address and mtime never count.
std::string identity(const Entry& e);

// Compact, self-delimiting-by-length encoding (varints; see docs/ranges.md).
// decodeEntry(encodeEntry(e)) == e for every e.
std::string encodeEntry(const Entry& e);
void appendEntry(std::string& out, const Entry& e);
// Corruption when `bytes` is not exactly one encoded entry.
Result<Entry> decodeEntry(std::string_view bytes);

} // namespace lakeside::ranges
