// SPDX-License-Identifier: Apache-2.0
#pragma once
// Persistent review state in `<dir>/review.db` (SQLite, WAL): pull requests,
// reviews, branch protection rules, action runs and hook runs with output.
// Thread safety: every method may be called from any thread; one connection
// guarded by a mutex.

#include "api/backend.h"

#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace lakeside::review {

struct StoredHookRun {
    HookRun run;
    std::string output;
};

class ReviewStore {
public:
    static Result<std::unique_ptr<ReviewStore>> open(const std::string& dir);
    ~ReviewStore();
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;

    Status putPull(const std::string& repo, const PullRequest& p); // insert or replace
    Result<PullRequest> getPull(const std::string& repo, const std::string& id);
    // Sorted by id (newest first); status empty: all.
    Result<std::vector<PullRequest>> listPulls(const std::string& repo);

    Status addReview(const std::string& repo, const std::string& pullId, const Review& r);
    Result<std::vector<Review>> listReviews(const std::string& repo, const std::string& pullId); // oldest first

    Result<Backend::ProtectionRules> protection(const std::string& repo); // etag filled
    // Stale non-empty ifMatch: PreconditionFailed.
    Status setProtection(const std::string& repo, const Backend::ProtectionRules& rules, const std::string& ifMatch);

    Status putRun(const std::string& repo, const ActionRun& run);
    Status putHookRun(const std::string& repo, const std::string& runId, const StoredHookRun& h);
    Result<std::vector<ActionRun>> listRuns(const std::string& repo); // newest first
    Result<ActionRun> getRun(const std::string& repo, const std::string& runId);
    Result<std::vector<StoredHookRun>> listHookRuns(const std::string& repo, const std::string& runId);

private:
    explicit ReviewStore(sqlite3* db) : m_db(db) {}
    Status exec(const char* sql);
    std::mutex m_mutex;
    sqlite3* m_db;
};

} // namespace lakeside::review
