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
    putString(out, e.address);
    putVarint(out, zigzag(e.size));
    putString(out, e.checksum);
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
    e.address = std::string(r.string());
    e.size = detail::unzigzag(r.varint());
    e.checksum = std::string(r.string());
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
