// SPDX-License-Identifier: Apache-2.0
#pragma once
// A deterministic repository layout for GUI and model tests, on the
// in-memory backend:
//
//   sales-orders (default branch main)
//     main:      README.md, data/orders.csv (5 rows), data/regions.tsv,
//                data/config.json, notes/2024/q1.txt, notes/2024/q2.txt,
//                images/pixel.png
//     tag v1.0:  the first data commit: data/orders.csv with 2 rows, no notes/
//     feature-x: main plus data/extra.csv (committed)
//     ingest:    main plus an uncommitted data/new.csv and a changed README.md
//   customer-profiles (default branch main): profiles.json
//
// Commits are dated over several days ending at `now` (unix seconds).

#include "memorybackend.h"

#include <memory>

namespace lakeside::test {

std::shared_ptr<MemoryBackend> makeFixtureBackend(int64_t now = 1700000000);

// The CSV on main, as uploaded.
const char* fixtureOrdersCsv();
// A 1x1 PNG.
std::string fixturePng();

} // namespace lakeside::test
