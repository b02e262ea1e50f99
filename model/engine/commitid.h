// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakeFS's commit id (REFERENCE.md §6.5): hex SHA-256 over the typed encoding of
// ("commit:v1", committer, message, meta_range_id, creation_date, metadata,
// identity(parents)). Version and generation are not hashed. Pure function,
// thread-safe.

#include "api/types.h"

#include <string>

namespace lakeside::engine {

std::string computeCommitId(const Commit& c);

} // namespace lakeside::engine
