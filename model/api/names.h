// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakeFS naming rules (REFERENCE.md §5) and lakefs:// URIs. Used by both
// backends, the CLI and the GUI's live validation, so all agree on one rule.

#include "status.h"

#include <optional>
#include <string>
#include <string_view>

namespace lakeside {

// Each returns Ok, or InvalidArgument whose message says why in words a user
// can act on ("a branch name may contain only letters, digits, '_' and '-'").
Status validateRepositoryId(std::string_view id);
Status validateBranchId(std::string_view id);
Status validateTagId(std::string_view id);
Status validateRef(std::string_view ref);         // non-empty, no whitespace
Status validateObjectPath(std::string_view path); // 1..1024 bytes, no NUL, no ".." segment
bool isCommitIdPrefix(std::string_view s);        // 1..64 hex characters

// lakefs://REPO[/REF[/PATH]]
struct LakeFsUri {
    std::string repository;
    std::string ref;  // empty when absent
    std::string path; // empty when absent; may end with '/'
    bool hasRef() const { return !ref.empty(); }
    std::string toString() const;
};
Result<LakeFsUri> parseLakeFsUri(std::string_view uri);

} // namespace lakeside
