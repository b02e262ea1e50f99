// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test helper: an embedded workspace in `dir` behind merge review, the way
// the app, the CLI and `serve` open one (ReviewBackend over LocalBackend,
// review.db next to the engine's data).

#include "local/localbackend.h"
#include "review/reviewbackend.h"

#include <memory>
#include <string>

namespace testutil {

inline lakeside::Result<std::unique_ptr<lakeside::ReviewBackend>> openReviewWorkspace(const std::string& dir,
                                                                                       const std::string& user = "alice")
{
    auto local = lakeside::LocalBackend::open(dir, user);
    if (!local.ok()) return local.error();
    return lakeside::ReviewBackend::open(std::shared_ptr<lakeside::Backend>(std::move(local).value()), dir);
}

} // namespace testutil
