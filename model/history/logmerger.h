// SPDX-License-Identifier: Apache-2.0
#pragma once
// One newest-first log over several heads (`git log --branches`), built from
// the Backend's per-ref paginated logs, because the Backend has no log over
// several heads.
//
// Each head is a stream read page by page with keyset pagination (`after` =
// the last id read). next() merge-sorts the streams' heads by (creation_date,
// id), newest first (lakeFS's own log order), and drops duplicates: with
// monotone dates a shared commit is at the head of every stream holding it at
// the same moment, and a set of seen ids catches the rest (clock skew).
//
// Streams that can only repeat others are dropped early, so "all branches"
// costs about one pass over the history instead of one pass per branch: a
// lakeFS log is a plain reachability walk, so everything a stream will still
// return is reachable from its frontier (parents of what it returned, not yet
// returned). When that frontier is contained in the union of the other live
// streams' frontiers, the other streams return or have returned all of it.
// This needs the parents of every commit a stream returns, so it is off when
// the log is filtered by path (objects/prefixes) or cut by since/stop_at.
//
// Thread safety: none; one job at a time uses it (the model starts the next
// page only after the previous one arrived). The Backend is thread-safe.

#include "api/backend.h"
#include "idindex.h"

#include <deque>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace lakeside {

class LogMerger {
public:
    // `params.after` and `params.amount` are ignored (the merger pages itself);
    // the filters (objects, prefixes, first_parent, since, stop_at) apply to every head.
    LogMerger(std::shared_ptr<Backend> backend, std::string repo, std::vector<std::string> heads,
              LogParams params = {});

    // Up to `n` further commits, newest first. An empty vector with atEnd()
    // true means the log is complete. A backend error stops the merger
    // (further calls return the same error); cancellation returns Cancelled.
    Result<std::vector<Commit>> next(int n, const OpContext& ctx = {});
    bool atEnd() const;

    // Counters for tests and benchmarks.
    int64_t backendCalls() const { return m_calls; }
    int64_t commitsRead() const { return m_read; }
    int liveStreams() const;

private:
    struct Stream {
        std::string ref;
        std::string after;
        bool hasMore = true;
        bool started = false; // returned at least one commit (frontier is known)
        bool dropped = false;
        int amount = 0; // next page size: small at first, so a redundant stream costs little
        std::deque<Commit> buffer;
        std::unordered_set<std::string> frontier;
    };

    Status fill(Stream& s, int n, const OpContext& ctx);
    void consume(Stream& s);
    void dropRedundantStreams();
    bool pruningAllowed() const;

    std::shared_ptr<Backend> m_backend;
    std::string m_repo;
    LogParams m_params;
    std::vector<Stream> m_streams;
    IdIndex m_seen;
    std::optional<Error> m_error;
    int64_t m_calls = 0;
    int64_t m_read = 0;
    int m_sincePrune = 0;
};

} // namespace lakeside
