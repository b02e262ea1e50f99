// SPDX-License-Identifier: Apache-2.0
#pragma once
// Turns a stream of tree diff records into one page of lakeFS DiffEntry values:
// delimiter roll-up into `prefix_changed` common prefixes, `after` skipping a
// whole common prefix, and amount+1 look-ahead for has_more. Pure; one thread.

#include "engine/ranges/diff.h"

#include "api/types.h"

#include <string>

namespace lakeside::engine {

class DiffPager {
public:
    explicit DiffPager(const DiffParams& p);

    // Feed records in ascending key order; returns false once the page is full.
    bool add(const ranges::DiffRecord& r);
    Page<DiffEntry> finish();

private:
    std::string m_prefix;
    std::string m_delimiter;
    int m_amount;
    std::string m_skipPrefix; // keys under the last rolled-up prefix are already counted
    Page<DiffEntry> m_page;
};

DiffEntry toDiffEntry(const ranges::DiffRecord& r);

} // namespace lakeside::engine
