// SPDX-License-Identifier: Apache-2.0
#pragma once
// Value types of the Backend interface. Field names are lakeFS's (swagger.yml),
// so --json output and `lakeside-cli serve` serialise them without renaming.
// Timestamps are unix seconds unless the field says otherwise.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lakeside {

using Metadata = std::map<std::string, std::string>;

struct Repository {
    std::string id;
    int64_t creation_date = 0;
    std::string default_branch;
    std::string storage_namespace;
    bool read_only = false;
};

struct RepositoryCreation {
    std::string name;
    std::string storage_namespace; // empty: the backend picks one (local://<name> for the embedded engine)
    std::string default_branch = "main";
    bool read_only = false;
};

// A branch or a tag.
struct Ref {
    std::string id;
    std::string commit_id;
};

struct Commit {
    std::string id;
    std::vector<std::string> parents;
    std::string committer;
    std::string message;
    int64_t creation_date = 0;
    std::string meta_range_id;
    Metadata metadata;
    int64_t generation = 0;
    int version = 1;
};

struct CommitCreation {
    std::string message;
    Metadata metadata;
    std::optional<int64_t> date; // overrides the creation time (unix seconds)
    bool allow_empty = false;
    bool force = false;
};

enum class PathType { Object, CommonPrefix };

struct ObjectStats {
    std::string path;
    PathType path_type = PathType::Object;
    std::string physical_address;
    std::string checksum;
    int64_t size_bytes = 0;
    int64_t mtime = 0;
    std::string content_type;
    Metadata metadata; // user metadata
};

enum class DiffType { Added, Removed, Changed, Conflict, PrefixChanged };
const char* diffTypeName(DiffType t); // "added", "removed", ... as lakeFS spells them

struct DiffEntry {
    DiffType type = DiffType::Added;
    std::string path;
    PathType path_type = PathType::Object;
    // lakeFS's size_bytes: the new size for added/changed, the old size for removed.
    std::optional<int64_t> size_bytes;
    // Lakeside extensions (not in lakeFS's Diff; the remote backend fills what it can):
    std::optional<int64_t> left_size_bytes;  // size on the left side, when present there
    std::string left_checksum;
    std::string right_checksum;
};

// Pagination exactly as the API: `after` is exclusive, `amount` <= 0 means 100, capped at 1000.
struct ListParams {
    std::string prefix;
    std::string after;
    int amount = 100;
};

template <class T>
struct Page {
    std::vector<T> results;
    bool has_more = false;
    std::string next_offset; // key of the last returned item when has_more, else ""
};

struct LogParams {
    std::string after; // id of the last commit already seen
    int amount = 100;
    bool first_parent = false;
    std::vector<std::string> objects;  // keep commits that changed any of these exact paths
    std::vector<std::string> prefixes; // keep commits that changed anything under these prefixes
    bool limit = false;
    std::optional<int64_t> since; // unix seconds
    std::string stop_at;          // ref; stop after this commit (included)
};

enum class DiffKind { ThreeDot, TwoDot };

struct DiffParams {
    std::string prefix;
    std::string after;
    int amount = 100;
    std::string delimiter;
    DiffKind type = DiffKind::ThreeDot;
};

enum class ResetType { Reset, Object, CommonPrefix };

enum class MergeStrategy { None, DestWins, SourceWins };
const char* mergeStrategyName(MergeStrategy s); // "default", "dest-wins", "source-wins"

struct MergeParams {
    std::string message;
    Metadata metadata;
    MergeStrategy strategy = MergeStrategy::None;
    bool force = false;
    bool allow_empty = false;
    bool squash_merge = false;
    // Lakeside extension: per-path conflict resolution chosen in the review screen.
    // A path listed here is resolved to that side even when strategy is None.
    std::map<std::string, MergeStrategy> resolutions;
};

struct MergeResult {
    std::string reference; // the new commit id
};

struct FindMergeBaseResult {
    std::string source_commit_id;
    std::string destination_commit_id;
    std::string base_commit_id;
};

struct CommitOverrides {
    std::optional<std::string> message;
    std::optional<Metadata> metadata;
};

struct UploadOptions {
    std::string content_type; // empty: application/octet-stream
    Metadata metadata;        // user metadata
    bool if_none_match_star = false; // create-only: existing path gives PreconditionFailed
    bool force = false;
};

struct ObjectError {
    std::string path;
    int status_code = 0;
    std::string message;
};

// --- review requests (lakeFS /pulls) ---------------------------------------
enum class PullStatus { Open, Closed, Merged };
const char* pullStatusName(PullStatus s);

struct PullRequest {
    std::string id;
    PullStatus status = PullStatus::Open;
    std::string title;
    std::string description;
    std::string author;
    std::string source_branch;
    std::string destination_branch;
    std::string creation_date; // RFC 3339
    std::string closed_date;   // RFC 3339, empty when open
    std::string merged_commit_id;
};

struct PullRequestCreation {
    std::string title;
    std::string description;
    std::string source_branch;
    std::string destination_branch;
};

struct PullRequestUpdate {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<PullStatus> status;
};

// Lakeside extension: lakeFS has no field for reviews; see docs/reviews.md.
enum class ReviewVerdict { Approve, RequestChanges, Comment };
struct Review {
    std::string author;
    ReviewVerdict verdict = ReviewVerdict::Comment;
    std::string comment;
    std::string created; // RFC 3339
};

// --- actions -----------------------------------------------------------------
struct ActionRun {
    std::string run_id;
    std::string branch;
    std::string commit_id;
    std::string event_type;
    std::string status; // completed | failed
    std::string start_time; // RFC 3339
    std::string end_time;
};

struct HookRun {
    std::string hook_run_id;
    std::string action;
    std::string hook_id;
    std::string status; // completed | failed | skipped
    std::string start_time;
    std::string end_time;
};

// --- service -------------------------------------------------------------------
struct VersionConfig {
    std::string version;
};

struct User {
    std::string id;
    int64_t creation_date = 0;
};

// Progress and cancellation for long calls. Plain C++ so the engine stays Qt-free.
// The callee calls progress from its own thread; the caller owns `cancelled`
// and keeps it alive for the call's duration.
struct OpContext {
    std::function<void(int64_t done, int64_t total)> progress; // total < 0: unknown
    const std::atomic<bool>* cancelled = nullptr;
    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
    void report(int64_t done, int64_t total) const { if (progress) progress(done, total); }
};

// Streaming byte source and sink, so uploads and downloads never hold a whole object in memory.
// A source returns the number of bytes written into buf (0 at the end) or -1 on error.
using ByteSource = std::function<int64_t(char* buf, int64_t capacity)>;
// A sink returns false to stop (cancellation or a write error on the caller's side).
using ByteSink = std::function<bool(const char* data, int64_t len)>;

struct ByteRange {
    int64_t first = 0;
    std::optional<int64_t> last; // inclusive, as in HTTP Range
};

} // namespace lakeside
