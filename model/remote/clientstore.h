// SPDX-License-Identifier: Apache-2.0
#pragma once
// Client-side state for what lakeFS has no field for: reviews on pull
// requests and required approvals per protected-branch pattern. One JSON
// file (<state_dir>/lakefs-client-state.json), keyed by normalised endpoint
// and repository (and pull id), so several servers never mix.
//
// Thread safety: all methods may be called concurrently (one mutex); the
// file is rewritten atomically (temp file + rename). Two processes writing
// at once may lose one update: the GUI is the only writer in practice.

#include "api/json.h"
#include "api/status.h"
#include "api/types.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace lakeside::remote {

class ClientStore {
public:
    // `stateDir` empty: ${XDG_DATA_HOME:-~/.local/share}/lakeside/remote.
    ClientStore(std::string stateDir, std::string endpoint);

    Result<std::vector<Review>> reviews(const std::string& repo, const std::string& pullId) const;
    Status addReview(const std::string& repo, const std::string& pullId, const Review& review);

    Result<std::map<std::string, int>> requiredApprovals(const std::string& repo) const;
    Status setRequiredApprovals(const std::string& repo, const std::map<std::string, int>& approvals);

    const std::string& filePath() const { return m_file; }

private:
    Result<Json> load() const;   // REQUIRES: m_mutex held
    Status save(const Json& j);  // REQUIRES: m_mutex held

    std::string m_file;
    std::string m_endpoint;
    mutable std::mutex m_mutex;
};

} // namespace lakeside::remote
