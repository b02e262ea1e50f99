// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where `fs download -r` may write. Object keys come from the backend, and a
// lakeFS server accepts keys no file system should follow ("../x",
// "/etc/passwd", "a/../../b"), so every key is mapped and checked here before
// a single byte is written.

#include "api/status.h"

#include <filesystem>
#include <optional>
#include <string>

namespace lakeside::cli {

// The file under `dest` for object `key` listed under `prefix` (key must start
// with prefix). nullopt: a directory marker (key ends with '/'), nothing to
// write. InvalidArgument naming the key when the remainder is absolute, has an
// empty, "." or ".." segment, or contains NUL.
Result<std::optional<std::filesystem::path>> downloadTarget(const std::filesystem::path& dest,
                                                             const std::string& prefix,
                                                             const std::string& key);

// True when `target`, after resolving symlinks of its existing parents, lies
// inside `dest` (also resolved). Guards against a symlink planted in DEST.
bool staysInside(const std::filesystem::path& dest, const std::filesystem::path& target);

} // namespace lakeside::cli
