// SPDX-License-Identifier: Apache-2.0
#pragma once
// Identifiers and times for review records.
// Thread safety: all functions may be called from any thread.

#include <string>

namespace lakeside::review {

// xid-like id: 20 characters of [0-9a-v]. Ids made later sort lower, so an
// ascending sort lists the newest first, as lakeFS's run and pull ids do.
std::string newId();
// Current time as RFC 3339 UTC with seconds ("2026-11-24T19:50:45Z").
std::string nowRfc3339();
// lakeFS-style glob: `*` matches any run of characters including `/`, `?` one character.
bool globMatch(const std::string& pattern, const std::string& text);

} // namespace lakeside::review
