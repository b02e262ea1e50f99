// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakefs:// arguments of the commands. A URI of the wrong shape (not
// lakefs://, a missing ref or path) is a usage error (exit 2); a well-formed
// URI whose names break lakeFS's rules is an invalid-argument error (exit 1),
// reported before anything is sent to the backend.

#include "commandcontext.h"

#include "api/names.h"

#include <string>

namespace lakeside::cli {

enum class RefKind { AnyRef, Branch, Tag };
enum class PathNeed { None, Optional, Required };

// lakefs://REPO (a trailing '/' is accepted).
Result<LakeFsUri> parseRepoUri(CommandContext& ctx, const std::string& arg);
// lakefs://REPO/REF[/PATH], checked as `kind` and `path` say.
Result<LakeFsUri> parseRefUri(CommandContext& ctx, const std::string& arg, RefKind kind,
                              PathNeed path = PathNeed::None);

// The same URI shape, for messages: "lakefs://REPO/BRANCH/PATH".
std::string expectedShape(RefKind kind, PathNeed path);

} // namespace lakeside::cli
