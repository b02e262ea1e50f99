// SPDX-License-Identifier: Apache-2.0
#pragma once
// Demo data products for a first start and for `lakeside-cli demo`: three
// repositories (sales-orders, customer-profiles, marketing-attribution) whose
// CSV/JSON/Markdown content evolves over a few weeks of commits by several
// people, with feature and ingest branches, a tag, merge commits, a schema
// change, uncommitted changes on one branch and one product onboarded from
// another (importFromRef, for lineage).
//
// Content is deterministic: the same bytes for every run. Commit dates are
// spread over the weeks before `DemoOptions::now`, so ids differ between runs
// unless `now` is fixed.
//
// Thread safety: createDemoData only calls the Backend, which is thread-safe;
// run it off the UI thread (it writes a few hundred kilobytes and ~30 commits).

#include "api/backend.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lakeside {

struct DemoOptions {
    // Unix seconds the history ends at; 0 means the current time.
    int64_t now = 0;
    // Optional: a backend acting as `userName`, so the history shows several
    // committers. Unset, or returning nullptr, means every commit goes through
    // the backend passed to createDemoData (one committer).
    std::function<Backend*(const std::string& userName)> actAs;
    // progress(done, total) counts demo steps; cancellation stops between steps
    // (what was written until then stays, as with any interrupted import).
    OpContext ctx;
};

// The repositories createDemoData creates, in creation order.
const std::vector<std::string>& demoRepositoryNames();

// Creates the demo repositories in `backend`. Refuses with Conflict, before
// writing anything, when any of demoRepositoryNames() already exists (the
// message names it). Errors from the backend are returned as they come, with
// the step that failed prefixed to the message.
Status createDemoData(Backend& backend, const DemoOptions& options = {});

} // namespace lakeside
