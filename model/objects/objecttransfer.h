// SPDX-License-Identifier: Apache-2.0
#pragma once
// Export (download to disk) and upload of objects, as plain functions to run
// in a job: they stream, report byte progress through the OpContext and stop
// at cancellation.
//
// Export: each selected key or folder (a key ending in '/') is written under
// `root` relative to the folder that holds the selection, through
// exportDestination() — a key that would land outside `root` is refused and
// listed in the report, never written. Files are written atomically
// (QSaveFile): a cancelled or failed download leaves no partial file.
// Existing directories that are symlinks pointing outside `root` are refused
// as well (the lexical check alone cannot see them).
//
// Upload: local files and folders (recursively) go under `destPrefix` on a
// branch, as uncommitted changes.
//
// Thread-safe (only the Backend is shared, and it is thread-safe).

#include <QString>
#include <QStringList>

#include <vector>

#include "api/backend.h"

namespace lakeside {

struct TransferReport {
    int files = 0;
    qint64 bytes = 0;
    QStringList refused;   // "key: reason" for keys not written (export)
    std::optional<Error> error; // the failure that stopped the transfer, if any
    bool cancelled = false;
};

TransferReport exportObjects(Backend& backend, const std::string& repo, const std::string& ref,
                             const QStringList& keys, const QString& root, const OpContext& ctx);

// `localPaths`: files or folders. Keys: destPrefix + name (+ path inside a folder).
TransferReport uploadPaths(Backend& backend, const std::string& repo, const std::string& branch,
                           const QStringList& localPaths, const QString& destPrefix, const OpContext& ctx);

} // namespace lakeside
