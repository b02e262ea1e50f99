// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one place that knows which Backend implementations exist. Commands ask
// CommandContext::backend(); this builds it from the global options.

#include "cli.h"

#include <memory>
#include <string>

namespace lakeside::cli {

// --remote NAME: the lakeFS server configured under NAME (NotImplemented until
// the remote backend is linked in). Otherwise the local workspace at
// logging::resolveWorkspace(--workspace), created when missing.
Result<std::unique_ptr<Backend>> openBackend(const GlobalOptions& options);

// The committer recorded for local operations: $LAKESIDE_USER, else $USER,
// else "lakeside".
std::string cliUserName();

} // namespace lakeside::cli
