// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/entry.h"

#include "engine/ranges/encoding.h"

namespace lakeside::ranges {

namespace {

// lakeFS's typed encoding (pkg/ident), REFERENCE.md §6.5.
void typedInt64(std::string& out, int64_t v)
{
    out.push_back(2);
    out.push_back(8);
    const auto u = static_cast<uint64_t>(v);
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(static_cast<uint8_t>(u >> shift)));
}

void typedString(std::string& out, std::string_view s)
{
    out.push_back(1);
    typedInt64(out, static_cast<int64_t>(s.size()));
    out.append(s);
}

void typedMap(std::string& out, const Metadata& m)
{
    out.push_back(4);
    typedInt64(out, static_cast<int64_t>(m.size()));
    for (const auto& [k, v] : m) { // std::map iterates in sorted key order
        typedString(out, k);
        typedString(out, v);
    }
}

// Addresses ("sha256:<hex>") and checksums are mostly lowercase hex, which is stored
// as binary: tag = (prefixLen << 1) | 1, prefix, varint n, n bytes = 2n hex digits.
// Anything else is stored plain: tag = len << 1, bytes.
constexpr size_t kMinHexToPack = 16;

// Nibble value of a lowercase hex digit, or -1. A table: hex digits are random, so a
// branchy classifier mispredicts on every character.
struct HexTable {
    int8_t v[256];
    constexpr HexTable() : v()
    {
        for (int i = 0; i < 256; ++i) v[i] = -1;
        for (int i = 0; i < 10; ++i) v['0' + i] = static_cast<int8_t>(i);
        for (int i = 0; i < 6; ++i) v['a' + i] = static_cast<int8_t>(10 + i);
    }
};
constexpr HexTable kHex;

inline int hexNibble(char c)
{
    return kHex.v[static_cast<uint8_t>(c)];
}

void putPacked(std::string& out, std::string_view s)
{
    size_t start = s.size();
    while (start > 0 && hexNibble(s[start - 1]) >= 0) --start;
    if ((s.size() - start) % 2) ++start;
    if (s.size() - start < kMinHexToPack) {
        detail::putVarint(out, uint64_t(s.size()) << 1);
        out.append(s);
        return;
    }
    detail::putVarint(out, (uint64_t(start) << 1) | 1);
    out.append(s.substr(0, start));
    const size_t n = (s.size() - start) / 2;
    detail::putVarint(out, n);
    const size_t at = out.size();
    out.resize(at + n);
    const char* src = s.data() + start;
    char* dst = out.data() + at;
    for (size_t i = 0; i < n; ++i) dst[i] = static_cast<char>(hexNibble(src[2 * i]) << 4 | hexNibble(src[2 * i + 1]));
}

std::string getPacked(detail::Reader& r)
{
    const uint64_t tag = r.varint();
    if (!(tag & 1)) return std::string(r.bytes(tag >> 1));
    std::string out(r.bytes(tag >> 1));
    const std::string_view bin = r.bytes(r.varint());
    static const char digits[] = "0123456789abcdef";
    const size_t at = out.size();
    out.resize(at + 2 * bin.size());
    for (size_t i = 0; i < bin.size(); ++i) {
        const auto b = static_cast<uint8_t>(bin[i]);
        out[at + 2 * i] = digits[b >> 4];
        out[at + 2 * i + 1] = digits[b & 15];
    }
    return out;
}

} // namespace

std::string identity(const Entry& e)
{
    std::string buf;
    buf.reserve(64 + e.checksum.size() + e.content_type.size());
    typedInt64(buf, e.size);
    typedString(buf, e.checksum);
    typedMap(buf, e.metadata);
    if (!e.content_type.empty())
        typedString(buf, e.content_type);
    return detail::sha256Raw(buf);
}

void appendEntry(std::string& out, const Entry& e)
{
    using namespace detail;
    putPacked(out, e.address);
    putVarint(out, zigzag(e.size));
    putPacked(out, e.checksum);
    putVarint(out, zigzag(e.mtime));
    putString(out, e.content_type);
    putVarint(out, e.metadata.size());
    for (const auto& [k, v] : e.metadata) {
        putString(out, k);
        putString(out, v);
    }
}

std::string encodeEntry(const Entry& e)
{
    std::string out;
    appendEntry(out, e);
    return out;
}

Result<Entry> decodeEntry(std::string_view bytes)
{
    detail::Reader r(bytes);
    Entry e;
    e.address = getPacked(r);
    e.size = detail::unzigzag(r.varint());
    e.checksum = getPacked(r);
    e.mtime = detail::unzigzag(r.varint());
    e.content_type = std::string(r.string());
    const uint64_t n = r.varint();
    for (uint64_t i = 0; i < n && !r.bad; ++i) {
        std::string k(r.string());
        std::string v(r.string());
        e.metadata.emplace(std::move(k), std::move(v));
    }
    if (r.bad || !r.atEnd())
        return makeError(ErrorKind::Corruption, "corrupt entry encoding (" + std::to_string(bytes.size()) + " bytes)");
    return e;
}

} // namespace lakeside::ranges
