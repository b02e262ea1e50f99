// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one place that knows which Backend implementations exist. Commands ask
// CommandContext::backend(); this builds it from the global options.

#include "cli.h"

#include <memory>
#include <string>

namespace lakeside::cli {

// Without --remote: the local workspace at logging::resolveWorkspace(--workspace),
// created when missing, wrapped in a ReviewBackend (branch protection, hooks,
// pull requests; state in <workspace>/review.db) when built with lakeside_review.
// With --remote NAME: a lakeFS server, configured in lakectl's YAML format
// (server.endpoint_url, credentials.access_key_id/secret_access_key) found as
//   NAME = "lakectl"      -> $LAKECTL_CONFIG_FILE or ~/.lakectl.yaml
//   NAME = a file path    -> that file
//   otherwise             -> ${XDG_CONFIG_HOME:-~/.config}/lakeside/remotes/NAME.yaml
// NotImplemented when this build has no lakeFS client.
Result<std::unique_ptr<Backend>> openBackend(const GlobalOptions& options);

// The committer recorded for local operations: $LAKESIDE_USER, else $USER,
// else "lakeside".
std::string cliUserName();

// Where --remote NAME looks for its configuration (see openBackend()).
std::string remoteConfigPath(const std::string& name);

} // namespace lakeside::cli
