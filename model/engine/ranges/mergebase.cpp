// SPDX-License-Identifier: Apache-2.0
#include "engine/ranges/mergebase.h"

#include <queue>
#include <tuple>
#include <unordered_map>

namespace lakeside::ranges {

Result<std::string> findMergeBase(const CommitLoader& load, const std::string& a, const std::string& b)
{
    if (a.empty() || b.empty()) return makeError(ErrorKind::InvalidArgument, "merge base: empty commit id");
    if (a == b) {
        LAKESIDE_RETURN_IF_ERROR(load(a).status());
        return a;
    }
    enum : uint8_t { FromA = 1, FromB = 2 };
    struct Item {
        int64_t generation;
        int64_t date;
        std::string id;
        // Max-heap: higher generation first, then newer, then the smaller id.
        bool operator<(const Item& o) const
        {
            if (generation != o.generation) return generation < o.generation;
            if (date != o.date) return date < o.date;
            return id > o.id;
        }
    };
    struct Seen {
        uint8_t flags = 0;
        bool queued = true;
        std::vector<std::string> parents;
        int64_t generation = 0;
        int64_t date = 0;
    };
    std::unordered_map<std::string, Seen> seen;
    std::priority_queue<Item> heap;
    auto reach = [&](const std::string& id, uint8_t flags) -> Status {
        auto it = seen.find(id);
        if (it != seen.end()) {
            const uint8_t before = it->second.flags;
            it->second.flags |= flags;
            // Generations normally make every child pop before its parents, so a visited
            // commit rarely learns a new side; when it does (bad generations), revisit it.
            if (it->second.flags != before && !it->second.queued) {
                it->second.queued = true;
                heap.push(Item{it->second.generation, it->second.date, id});
            }
            return Status::Ok();
        }
        auto node = load(id);
        if (!node.ok()) return node.status();
        seen.emplace(id, Seen{flags, true, node->parents, node->generation, node->creation_date});
        heap.push(Item{node->generation, node->creation_date, id});
        return Status::Ok();
    };
    LAKESIDE_RETURN_IF_ERROR(reach(a, FromA));
    LAKESIDE_RETURN_IF_ERROR(reach(b, FromB));
    while (!heap.empty()) {
        const Item top = heap.top();
        heap.pop();
        Seen& s = seen.at(top.id);
        if (!s.queued) continue; // a stale duplicate
        s.queued = false;
        const uint8_t flags = s.flags;
        if (flags == (FromA | FromB)) return top.id;
        const std::vector<std::string> parents = s.parents; // `seen` may rehash below
        for (const auto& p : parents) LAKESIDE_RETURN_IF_ERROR(reach(p, flags));
    }
    return makeError(ErrorKind::NotFound, "no merge base between '" + a + "' and '" + b + "'");
}

} // namespace lakeside::ranges
