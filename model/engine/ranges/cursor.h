// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal: a position in a tree that can stand on a whole subtree (a node item
// of a meta-range) or on a record. Diff, merge and applyChanges walk trees with
// cursors, comparing heads and expanding a node only when its id differs from the
// other side's. Not thread-safe; nodes are shared immutable data.

#include "engine/ranges/node.h"
#include "engine/ranges/store.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lakeside::ranges {

namespace detail {
// Through the store's node cache.
Result<std::shared_ptr<const Node>> loadNode(RangeStore& store, std::string_view rawId);
// The root node of a tree (null for the empty tree ""); NotFound when absent.
Result<std::shared_ptr<const Node>> loadRoot(RangeStore& store, const std::string& treeId);
// Raw id of a hex tree id; InvalidArgument when malformed. "" stays "" (empty tree).
Result<std::string> rawTreeId(const std::string& treeId);
} // namespace detail

class TreeCursor {
public:
    explicit TreeCursor(RangeStore& store) : m_store(store) {}

    // Positions on the root's first item. InvalidArgument/NotFound/Corruption on bad ids.
    Status open(const std::string& treeId);

    bool atEnd() const { return m_stack.empty(); }
    // The head: a record (rank 0) or a child node (rank = node level + 1).
    // REQUIRES for all accessors: !atEnd().
    bool isRecord() const { return top().node->level == 0; }
    int rank() const { return top().node->level; }
    int nodeLevel() const { return top().node->level - 1; } // REQUIRES: !isRecord()
    std::string_view minKey() const { return top().node->minKey(top().index); }
    std::string_view maxKey() const { return top().node->maxKey(top().index); }
    std::string_view key() const { return minKey(); }
    std::string_view hash() const { return top().node->hash(top().index); } // identity or raw node id
    std::string_view entry() const { return top().node->entry(top().index); }
    int64_t count() const { return top().node->items[top().index].count; }
    int64_t bytes() const { return top().node->items[top().index].bytes; }
    // The head ends its tree at its level (the last item of a right-most node): it
    // ended because the input did, not at a cut, so it may not be spliced.
    bool headRightmost() const { return top().rightmost && top().index + 1 == top().node->items.size(); }

    void pop();
    Status expand(); // REQUIRES: !isRecord()
    // Positions on the first item whose max key is >= key, expanding only nodes that
    // also hold smaller keys (so the head may be a whole node).
    Status seekGE(std::string_view key);
    // Expands until the head is a record (or the end).
    Status toRecord();

private:
    struct Frame {
        std::shared_ptr<const detail::Node> node;
        size_t index = 0;
        bool rightmost = true;
    };
    const Frame& top() const { return m_stack.back(); }
    void normalize(); // pops exhausted frames

    RangeStore& m_store;
    std::shared_ptr<const detail::Node> m_root;
    std::vector<Frame> m_stack;
};

} // namespace lakeside::ranges
