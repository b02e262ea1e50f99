// SPDX-License-Identifier: Apache-2.0
#pragma once
// Streaming transfers between local files and a Backend: fixed-size buffers,
// never a whole object in memory.

#include "api/backend.h"

#include <filesystem>
#include <ostream>
#include <string>

namespace lakeside::cli {

// Content type from the file extension (text/csv, application/json, ...);
// application/octet-stream when unknown.
std::string guessContentType(const std::string& path);

// Uploads `file` to repo/branch/path. A missing or unreadable file is an Io
// error naming it, reported before the backend is called.
Result<ObjectStats> uploadFile(Backend& backend, const std::string& repo, const std::string& branch,
                               const std::string& path, const std::filesystem::path& file,
                               const OpContext& ctx = {});

// Writes repo/ref/key to `target` through a temporary sibling file renamed on
// success, so a failed download leaves no partial file behind. Creates the
// parent directories.
Status downloadToFile(Backend& backend, const std::string& repo, const std::string& ref,
                      const std::string& key, const std::filesystem::path& target);

// A private folder (mkdtemp, mode 0700) under the system temp directory,
// named lakeside-<tag>-XXXXXX and removed with its contents on scope exit.
// path() is empty when it could not be created.
class TempFolder {
public:
    explicit TempFolder(const std::string& tag);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Streams repo/ref/key to `out` (fs cat).
Status streamObject(Backend& backend, const std::string& repo, const std::string& ref,
                    const std::string& key, std::ostream& out);

} // namespace lakeside::cli
