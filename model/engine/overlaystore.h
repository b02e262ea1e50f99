// SPDX-License-Identifier: Apache-2.0
#pragma once
// A RangeStore that keeps new nodes in memory on top of a base store. Used to
// build a tree (commit, merge, import, the staged view of a branch) without
// touching the database, then flush() the new nodes inside the same SQLite
// transaction that records the commit: no orphan nodes after a failed or lost race.
//
// Thread safety: not thread-safe; one thread at a time, like the base store.

#include "engine/ranges/store.h"

#include <map>
#include <memory>
#include <string>

namespace lakeside::engine {

class OverlayRangeStore : public ranges::RangeStore {
public:
    explicit OverlayRangeStore(ranges::RangeStore& base) : m_base(base) {}

    Result<std::shared_ptr<const std::string>> get(const std::string& id) override;
    Status put(const std::string& id, std::string_view bytes) override;

    // Writes every node put here into the base store (idempotent there).
    Status flush();
    size_t pending() const { return m_nodes.size(); }

private:
    ranges::RangeStore& m_base;
    std::map<std::string, std::shared_ptr<const std::string>> m_nodes;
};

} // namespace lakeside::engine
