// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where an object key may be written on disk when exporting, so that no key
// — however hostile — writes outside the folder the user chose.
//
// Object keys are arbitrary strings: "../../etc/passwd", "/etc/passwd",
// "a/../../b", "C:\\Windows\\x", keys with NUL or control characters. The
// rules, in order:
//   - a NUL byte anywhere: refused;
//   - backslashes count as separators (a key written on Windows or read
//     there must not climb with "..\\");
//   - a leading "/" or drive letter ("C:") is dropped: the key becomes relative;
//   - empty and "." segments are dropped;
//   - any ".." segment: refused (never resolved — "a/../b" is refused too, so
//     two keys can never silently land on the same file);
//   - other control characters become '_';
//   - nothing left: refused.
// The result is finally checked lexically to lie strictly inside `root`.
//
// Pure code, no file-system access; thread-safe.

#include <QString>

#include <string>

#include "api/status.h"

namespace lakeside {

// The relative path (with '/' separators) a key maps to under the export
// root, after removing `stripPrefix` (the folder being exported) from its
// front. InvalidArgument naming the key when it cannot be written safely.
Result<QString> sanitizeExportPath(const std::string& key, const std::string& stripPrefix = {});

// The absolute file path under `root` for `key`; same refusals, plus the
// final containment check against `root`.
Result<QString> exportDestination(const QString& root, const std::string& key, const std::string& stripPrefix = {});

} // namespace lakeside
