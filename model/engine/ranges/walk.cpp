// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/walk.h"

namespace lakeside::ranges::detail {

KeyWindow::KeyWindow(std::string_view prefixIn, std::string_view after) : prefix(prefixIn)
{
    std::string afterNext;
    if (!after.empty()) {
        afterNext.assign(after);
        afterNext.push_back('\0'); // the smallest key > after
    }
    start = std::max(std::string(prefixIn), afterNext);
    // Smallest string greater than every string with this prefix.
    upper.assign(prefixIn);
    while (!upper.empty() && static_cast<uint8_t>(upper.back()) == 0xff) upper.pop_back();
    if (!upper.empty()) upper.back() = static_cast<char>(static_cast<uint8_t>(upper.back()) + 1);
}

Status skipThrough(TreeCursor& c, std::string_view key)
{
    while (!c.atEnd() && c.minKey() <= key) {
        if (c.maxKey() <= key) c.pop();
        else LAKESIDE_RETURN_IF_ERROR(c.expand()); // a record never straddles
    }
    return Status::Ok();
}

std::optional<std::string_view> frontier(std::initializer_list<const TreeCursor*> cursors)
{
    std::optional<std::string_view> f;
    for (const TreeCursor* c : cursors)
        if (!c->atEnd() && (!f || c->minKey() < *f)) f = c->minKey();
    return f;
}

Result<bool> expandAt(std::string_view f, std::initializer_list<TreeCursor*> cursors)
{
    int best = 0;
    for (TreeCursor* c : cursors)
        if (!c->atEnd() && c->minKey() == f) best = std::max(best, c->rank());
    if (best == 0) return false;
    for (TreeCursor* c : cursors)
        if (!c->atEnd() && c->minKey() == f && c->rank() == best) LAKESIDE_RETURN_IF_ERROR(c->expand());
    return true;
}

std::optional<Entry> entryAt(const TreeCursor& c, std::string_view key, Status& st)
{
    if (!recordAt(c, key)) return std::nullopt;
    auto e = decodeEntry(c.entry());
    if (!e.ok()) {
        st = e.status();
        return std::nullopt;
    }
    return std::move(e).value();
}

} // namespace lakeside::ranges::detail
