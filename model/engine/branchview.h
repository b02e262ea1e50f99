// SPDX-License-Identifier: Apache-2.0
#pragma once
// Ordered view of a ref's objects: a committed tree, overlaid with a branch's
// staged records when the ref includes staging (staged entries win, tombstones
// hide). Reads staging in small batches and the tree through its iterator, so
// memory stays bounded whatever the size of either.
//
// Thread safety: one thread; borrows the Ctx's connection. Wrap a listing in a
// read transaction for a consistent snapshot.

#include "ctx.h"

#include <deque>
#include <string>

namespace lakeside::engine {

class BranchView {
public:
    BranchView(Ctx& c, std::string repo, const Resolved& ref, std::string prefix);

    // Positions at the first live key >= from (and under the prefix).
    void seek(const std::string& from);
    bool valid() const { return m_valid; }
    void next() { settle(); }
    const std::string& key() const { return m_key; }
    const ranges::Entry& entry() const { return m_entry; }
    Status status() const { return m_status; }

private:
    void settle();
    void refill();

    Ctx& m_c;
    std::string m_repo;
    std::string m_branch; // empty: no staging
    std::string m_prefix;
    ranges::TreeIterator m_tree;
    std::deque<StagedRecord> m_staged;
    std::string m_stagedFrom;
    bool m_stagedDone = true;
    bool m_valid = false;
    std::string m_key;
    ranges::Entry m_entry;
    Status m_status;
};

} // namespace lakeside::engine
