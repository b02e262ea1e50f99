// SPDX-License-Identifier: Apache-2.0
#pragma once
// Synthetic histories shared by the history tests and the graph benchmark.

#include "syntheticbackend.h"

#include <algorithm>
#include <memory>
#include <set>

namespace lakeside::test {

// `n` mainline commits, oldest first, dates increasing; every `mergeEvery`-th
// mainline commit merges a side branch of `sideLength` commits that forked
// `sideLength` commits earlier. Branch "main" points at the newest commit.
// Returns the backend; node indices grow with dates.
inline std::shared_ptr<SyntheticBackend> makeMergeHistory(int n, int mergeEvery = 10, int sideLength = 3)
{
    auto b = std::make_shared<SyntheticBackend>();
    std::vector<int32_t> mainline;
    int64_t date = 1700000000;
    mainline.push_back(b->add(date++));
    for (int i = 1; i < n; ++i) {
        const int32_t prev = mainline.back();
        if (mergeEvery > 0 && i % mergeEvery == 0 && static_cast<int>(mainline.size()) > sideLength) {
            int32_t side = mainline[mainline.size() - 1 - sideLength];
            for (int k = 0; k < sideLength; ++k) side = b->add(date++, side);
            mainline.push_back(b->add(date++, prev, side));
        } else {
            mainline.push_back(b->add(date++, prev));
        }
    }
    b->setBranch("main", mainline.back());
    return b;
}

// Every commit reachable from `heads`, in lakeFS log order (dates are
// monotone here, so a multi-head walk is a plain sort).
inline std::vector<std::string> expectedLog(SyntheticBackend& b, const std::vector<std::string>& heads)
{
    std::set<std::string> seen;
    std::vector<Commit> all;
    for (const std::string& h : heads) {
        (void)forEachPage<Commit>(
            [&](const std::string& after) { return b.logCommits(b.repo, h, LogParams{after, 1000}); },
            [&](const Commit& c) {
                if (seen.insert(c.id).second) all.push_back(c);
                return true;
            });
    }
    std::sort(all.begin(), all.end(), [](const Commit& x, const Commit& y) {
        return x.creation_date != y.creation_date ? x.creation_date > y.creation_date : x.id > y.id;
    });
    std::vector<std::string> ids;
    for (const Commit& c : all) ids.push_back(c.id);
    return ids;
}

} // namespace lakeside::test
