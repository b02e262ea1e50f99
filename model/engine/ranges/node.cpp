// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/node.h"

#include "engine/ranges/encoding.h"

namespace lakeside::ranges::detail {

namespace {
constexpr char kMagicRange = 'R';
constexpr char kMagicMeta = 'M';

size_t sharedPrefix(std::string_view a, std::string_view b)
{
    const size_t n = std::min(a.size(), b.size());
    size_t i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return i;
}

void putKeyDelta(std::string& out, std::string_view prev, std::string_view key)
{
    const size_t shared = sharedPrefix(prev, key);
    putVarint(out, shared);
    putString(out, key.substr(shared));
}

Error corrupt(const char* what)
{
    return makeError(ErrorKind::Corruption, std::string("corrupt range node: ") + what);
}
} // namespace

void NodeEncoder::reset(int level)
{
    m_level = level;
    m_body.clear();
    m_count = 0;
    m_entries = 0;
    m_rangeBytes = 0;
    m_first.clear();
    m_last.clear();
}

void NodeEncoder::addRecord(std::string_view key, std::string_view identity, std::string_view entry)
{
    const size_t before = m_body.size();
    putKeyDelta(m_body, m_last, key);
    m_body.append(identity.substr(0, kRecordHashLen));
    putString(m_body, entry);
    if (m_count == 0) m_first.assign(key);
    m_last.assign(key);
    ++m_count;
    ++m_entries;
    m_rangeBytes += static_cast<int64_t>(m_body.size() - before);
}

void NodeEncoder::addChild(std::string_view minKey, std::string_view maxKey, std::string_view id,
                           int64_t count, int64_t bytes)
{
    putKeyDelta(m_body, m_last, minKey);
    putKeyDelta(m_body, minKey, maxKey);
    m_body.append(id);
    putVarint(m_body, static_cast<uint64_t>(count));
    putVarint(m_body, static_cast<uint64_t>(bytes));
    if (m_count == 0) m_first.assign(minKey);
    m_last.assign(maxKey);
    ++m_count;
    m_entries += count;
    m_rangeBytes += bytes;
}

std::string NodeEncoder::finish() const
{
    std::string out;
    out.reserve(m_body.size() + 16);
    out.push_back(m_level == 0 ? kMagicRange : kMagicMeta);
    putVarint(out, static_cast<uint64_t>(m_level));
    putVarint(out, m_count);
    out.append(m_body);
    return out;
}

Result<std::shared_ptr<const Node>> decodeNode(std::shared_ptr<const std::string> raw)
{
    auto node = std::make_shared<Node>();
    Reader r(*raw);
    const char magic = static_cast<char>(r.byte());
    const uint64_t level = r.varint();
    const uint64_t count = r.varint();
    if (r.bad || (magic != kMagicRange && magic != kMagicMeta) || (magic == kMagicRange) != (level == 0)
        || level > 64 || count > raw->size())
        return corrupt("bad header");
    node->level = static_cast<int>(level);
    node->items.resize(count);
    node->keys.reserve(raw->size());
    const char* base = raw->data();
    size_t prevOff = 0, prevLen = 0;
    // Keys are appended to node->keys, which may reallocate: views are rebuilt from offsets.
    auto view = [&](size_t off, size_t len) { return std::string_view(node->keys.data() + off, len); };
    for (uint64_t i = 0; i < count; ++i) {
        NodeItem& it = node->items[i];
        // min key (records: the key), prefix-shared with the previous item's max key
        uint64_t shared = r.varint();
        std::string_view suffix = r.string();
        if (r.bad || shared > prevLen) return corrupt("bad key");
        node->keys.reserve(node->keys.size() + 2 * (shared + suffix.size()) + 64);
        it.minOff = static_cast<uint32_t>(node->keys.size());
        node->keys.append(node->keys, prevOff, shared);
        node->keys.append(suffix);
        it.minLen = static_cast<uint32_t>(node->keys.size() - it.minOff);
        if (i > 0 && view(it.minOff, it.minLen) <= view(prevOff, prevLen))
            return corrupt("keys out of order");
        if (level == 0) {
            it.maxOff = it.minOff;
            it.maxLen = it.minLen;
            const char* start = r.p;
            std::string_view h = r.bytes(kRecordHashLen);
            std::string_view e = r.string();
            if (r.bad) return corrupt("truncated record");
            it.hashOff = static_cast<uint32_t>(h.data() - base);
            it.entryOff = static_cast<uint32_t>(e.data() - base);
            it.entryLen = static_cast<uint32_t>(e.size());
            it.count = 1;
            it.bytes = static_cast<int64_t>(r.p - start) + static_cast<int64_t>(suffix.size()) + 2;
        } else {
            shared = r.varint();
            suffix = r.string();
            if (r.bad || shared > it.minLen) return corrupt("bad max key");
            node->keys.reserve(node->keys.size() + shared + suffix.size());
            it.maxOff = static_cast<uint32_t>(node->keys.size());
            node->keys.append(node->keys, it.minOff, shared);
            node->keys.append(suffix);
            it.maxLen = static_cast<uint32_t>(node->keys.size() - it.maxOff);
            std::string_view h = r.bytes(kHashLen);
            it.count = static_cast<int64_t>(r.varint());
            it.bytes = static_cast<int64_t>(r.varint());
            if (r.bad) return corrupt("truncated child");
            it.hashOff = static_cast<uint32_t>(h.data() - base);
            if (view(it.maxOff, it.maxLen) < view(it.minOff, it.minLen))
                return corrupt("max key below min key");
        }
        prevOff = it.maxOff;
        prevLen = it.maxLen;
    }
    if (!r.atEnd()) return corrupt("trailing bytes");
    node->raw = std::move(raw);
    return std::shared_ptr<const Node>(std::move(node));
}

} // namespace lakeside::ranges::detail
