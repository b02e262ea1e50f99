// SPDX-License-Identifier: Apache-2.0
#pragma once
// Benchmark plumbing: child processes with timing and peak memory, data generation.

#include "engine/ranges/entry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct Proc {
    int exitCode = -1;
    double seconds = 0;
    double cpuSeconds = 0; // user + system, from wait4
    long maxRssKb = 0;
    std::string out;
};

// Runs argv in cwd with extra env ("K=V"), stdin from a file ("" = /dev/null),
// capturing stdout. Wall time covers fork to exit; peak RSS comes from wait4.
Proc run(const std::vector<std::string>& argv, const std::string& cwd, const std::vector<std::string>& env = {},
         const std::string& stdinFile = {});
// Same, exits the benchmark with a message when the command fails.
Proc mustRun(const std::vector<std::string>& argv, const std::string& cwd, const std::vector<std::string>& env = {},
             const std::string& stdinFile = {});

double now();
// This process's user + system CPU time (the benchmark is single-threaded).
double cpuNow();
double best(const std::vector<double>& v); // the minimum
std::string trim(std::string s);

enum class Layout { Flat, Sharded };
const char* layoutName(Layout l);
// Key i of n: "data/part-0000042.parquet" (one directory) or "data/d000/part-042.parquet".
std::string keyOf(Layout l, int64_t i);
// A key that sorts right after keyOf(l, i) and does not exist in the base tree.
std::string addedKeyOf(Layout l, int64_t i);
lakeside::ranges::Entry entryOf(int64_t i, int version = 0);

// 100 changes: 80 overwrites, 10 deletes, 10 inserts at distinct random positions
// in [lo, hi), sorted by key. version > 0 makes overwrites differ from the base.
struct BenchChange {
    std::string key;
    int64_t index; // for entries and git blobs
    enum Kind { Modify, Delete, Add } kind;
};
std::vector<BenchChange> makeChanges(Layout l, int64_t lo, int64_t hi, uint32_t seed, int count = 100);

} // namespace bench
