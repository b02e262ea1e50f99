// SPDX-License-Identifier: Apache-2.0
#pragma once
// What fsck found (Engine::fsck, LocalBackend::fsck). A plain value; thread-safe to copy.

#include <cstdint>
#include <string>
#include <vector>

namespace lakeside::engine {

struct FsckReport {
    int64_t repositories = 0;
    int64_t commits = 0; // reachable commits verified (id recomputed)
    int64_t trees = 0;   // distinct trees walked (every node hash-checked)
    int64_t entries = 0; // tree entries visited
    int64_t objects = 0; // distinct blobs verified (content hashed)
    // One line each, naming the repository, commit or ref, and path. Empty when healthy.
    std::vector<std::string> problems;
    bool clean() const { return problems.empty(); }
};

} // namespace lakeside::engine
