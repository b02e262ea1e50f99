// SPDX-License-Identifier: Apache-2.0
#include "review/reviewstore.h"

#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <sqlite3.h>

#include <cstdio>
#include <type_traits>

namespace lakeside::review {
namespace {

// One prepared statement; binds text parameters in order.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : m_db(db) { sqlite3_prepare_v2(db, sql, -1, &m_s, nullptr); }
    ~Stmt() { sqlite3_finalize(m_s); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& bind(const std::string& v)
    {
        sqlite3_bind_text(m_s, ++m_n, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool valid() const { return m_s != nullptr; }
    int step() { return sqlite3_step(m_s); }
    std::string col(int i)
    {
        const unsigned char* t = sqlite3_column_text(m_s, i);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(m_s, i)))
                 : std::string();
    }
    Status done()
    {
        if (!valid()) return error();
        int rc = step();
        return rc == SQLITE_DONE || rc == SQLITE_ROW ? Status() : error();
    }
    Error error() const { return makeError(ErrorKind::Io, std::string("review.db: ") + sqlite3_errmsg(m_db)); }

    // Every row, each made by `read(Stmt&)`. A failing step is an error, not
    // a shorter list.
    template <class Read>
    auto all(Read read) -> Result<std::vector<std::invoke_result_t<Read, Stmt&>>>
    {
        if (!valid()) return error();
        std::vector<std::invoke_result_t<Read, Stmt&>> out;
        int rc = SQLITE_DONE;
        while ((rc = step()) == SQLITE_ROW) out.push_back(read(*this));
        if (rc != SQLITE_DONE) return error();
        return out;
    }

    // The first row made by `read(Stmt&)`; NotFound with `missing` when there is none.
    template <class Read>
    auto one(Read read, const std::string& missing) -> Result<std::invoke_result_t<Read, Stmt&>>
    {
        if (!valid()) return error();
        const int rc = step();
        if (rc == SQLITE_ROW) return read(*this);
        if (rc == SQLITE_DONE) return makeError(ErrorKind::NotFound, missing);
        return error();
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_s = nullptr;
    int m_n = 0;
};

PullStatus statusFrom(const std::string& s)
{
    return s == "merged" ? PullStatus::Merged : s == "closed" ? PullStatus::Closed : PullStatus::Open;
}

const char* verdictName(ReviewVerdict v)
{
    return v == ReviewVerdict::Approve ? "approve" : v == ReviewVerdict::RequestChanges ? "request_changes" : "comment";
}

ReviewVerdict verdictFrom(const std::string& s)
{
    return s == "approve" ? ReviewVerdict::Approve
         : s == "request_changes" ? ReviewVerdict::RequestChanges : ReviewVerdict::Comment;
}

PullRequest pullFrom(Stmt& s)
{
    PullRequest p;
    p.id = s.col(0);
    p.status = statusFrom(s.col(1));
    p.title = s.col(2);
    p.description = s.col(3);
    p.author = s.col(4);
    p.source_branch = s.col(5);
    p.destination_branch = s.col(6);
    p.creation_date = s.col(7);
    p.closed_date = s.col(8);
    p.merged_commit_id = s.col(9);
    return p;
}

ActionRun runFrom(Stmt& s)
{
    ActionRun r;
    r.run_id = s.col(0);
    r.branch = s.col(1);
    r.commit_id = s.col(2);
    r.event_type = s.col(3);
    r.status = s.col(4);
    r.start_time = s.col(5);
    r.end_time = s.col(6);
    return r;
}

Review reviewFrom(Stmt& s)
{
    Review r;
    r.author = s.col(0);
    r.verdict = verdictFrom(s.col(1));
    r.comment = s.col(2);
    r.created = s.col(3);
    return r;
}

StoredHookRun hookRunFrom(Stmt& s)
{
    StoredHookRun h;
    h.run.hook_run_id = s.col(0);
    h.run.action = s.col(1);
    h.run.hook_id = s.col(2);
    h.run.status = s.col(3);
    h.run.start_time = s.col(4);
    h.run.end_time = s.col(5);
    h.output = s.col(6);
    return h;
}

std::string etagOf(const Backend::ProtectionRules& rules)
{
    nlohmann::json j = {{"patterns", rules.patterns}, {"approvals", rules.required_approvals}};
    std::string text = j.dump();
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), md);
    std::string hex;
    char b[3];
    for (unsigned char c : md) {
        std::snprintf(b, sizeof b, "%02x", c);
        hex += b;
    }
    return hex;
}

constexpr const char* kPullCols =
    "id,status,title,description,author,source,destination,created,closed,merged_commit";
constexpr const char* kRunCols = "run_id,branch,commit_id,event_type,status,start_time,end_time";

} // namespace

Result<std::unique_ptr<ReviewStore>> ReviewStore::open(const std::string& dir)
{
    sqlite3* db = nullptr;
    const std::string path = dir + "/review.db";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return makeError(ErrorKind::Io, "cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<ReviewStore> s(new ReviewStore(db));
    LAKESIDE_RETURN_IF_ERROR(s->exec(
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE IF NOT EXISTS pulls(repo TEXT, id TEXT, status TEXT, title TEXT, description TEXT,"
        " author TEXT, source TEXT, destination TEXT, created TEXT, closed TEXT, merged_commit TEXT,"
        " PRIMARY KEY(repo, id));"
        "CREATE TABLE IF NOT EXISTS reviews(seq INTEGER PRIMARY KEY AUTOINCREMENT, repo TEXT, pull TEXT,"
        " author TEXT, verdict TEXT, comment TEXT, created TEXT);"
        "CREATE TABLE IF NOT EXISTS protection(repo TEXT PRIMARY KEY, rules TEXT);"
        "CREATE TABLE IF NOT EXISTS runs(repo TEXT, run_id TEXT, branch TEXT, commit_id TEXT, event_type TEXT,"
        " status TEXT, start_time TEXT, end_time TEXT, PRIMARY KEY(repo, run_id));"
        "CREATE TABLE IF NOT EXISTS hook_runs(repo TEXT, run_id TEXT, hook_run_id TEXT, action TEXT,"
        " hook_id TEXT, status TEXT, start_time TEXT, end_time TEXT, output TEXT,"
        " PRIMARY KEY(repo, run_id, hook_run_id));"));
    return s;
}

ReviewStore::~ReviewStore() { sqlite3_close(m_db); }

Status ReviewStore::exec(const char* sql)
{
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        return makeError(ErrorKind::Io, "review.db: " + msg);
    }
    return {};
}

Status ReviewStore::putPull(const std::string& repo, const PullRequest& p)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT OR REPLACE INTO pulls(repo,id,status,title,description,author,source,destination,"
                 "created,closed,merged_commit) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(repo).bind(p.id).bind(pullStatusName(p.status)).bind(p.title).bind(p.description).bind(p.author)
        .bind(p.source_branch).bind(p.destination_branch).bind(p.creation_date).bind(p.closed_date)
        .bind(p.merged_commit_id);
    return s.done();
}

Result<PullRequest> ReviewStore::getPull(const std::string& repo, const std::string& id)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, (std::string("SELECT ") + kPullCols + " FROM pulls WHERE repo=? AND id=?").c_str());
    s.bind(repo).bind(id);
    return s.one(pullFrom, "pull request '" + id + "' not found in repository '" + repo + "'");
}

Result<std::vector<PullRequest>> ReviewStore::listPulls(const std::string& repo)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, (std::string("SELECT ") + kPullCols + " FROM pulls WHERE repo=? ORDER BY id").c_str());
    s.bind(repo);
    return s.all(pullFrom);
}

Status ReviewStore::addReview(const std::string& repo, const std::string& pullId, const Review& r)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO reviews(repo,pull,author,verdict,comment,created) VALUES(?,?,?,?,?,?)");
    s.bind(repo).bind(pullId).bind(r.author).bind(verdictName(r.verdict)).bind(r.comment).bind(r.created);
    return s.done();
}

Result<std::vector<Review>> ReviewStore::listReviews(const std::string& repo, const std::string& pullId)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT author,verdict,comment,created FROM reviews WHERE repo=? AND pull=? ORDER BY seq");
    s.bind(repo).bind(pullId);
    return s.all(reviewFrom);
}

Result<Backend::ProtectionRules> ReviewStore::protection(const std::string& repo)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT rules FROM protection WHERE repo=?");
    s.bind(repo);
    if (!s.valid()) return s.error();
    Backend::ProtectionRules rules;
    if (s.step() == SQLITE_ROW) {
        nlohmann::json j = nlohmann::json::parse(s.col(0), nullptr, false);
        if (j.is_object()) {
            rules.patterns = j.value("patterns", std::vector<std::string>{});
            rules.required_approvals = j.value("approvals", std::map<std::string, int>{});
        }
    }
    rules.etag = etagOf(rules);
    return rules;
}

Status ReviewStore::setProtection(const std::string& repo, const Backend::ProtectionRules& rules,
                                  const std::string& ifMatch)
{
    if (!ifMatch.empty()) {
        auto current = protection(repo);
        if (!current.ok()) return current.error();
        if (current->etag != ifMatch)
            return makeError(ErrorKind::PreconditionFailed,
                             "branch protection rules of repository '" + repo + "' changed (stale ETag)");
    }
    std::lock_guard lock(m_mutex);
    nlohmann::json j = {{"patterns", rules.patterns}, {"approvals", rules.required_approvals}};
    Stmt s(m_db, "INSERT OR REPLACE INTO protection(repo,rules) VALUES(?,?)");
    s.bind(repo).bind(j.dump());
    return s.done();
}

Status ReviewStore::putRun(const std::string& repo, const ActionRun& r)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT OR REPLACE INTO runs(repo,run_id,branch,commit_id,event_type,status,start_time,end_time)"
                 " VALUES(?,?,?,?,?,?,?,?)");
    s.bind(repo).bind(r.run_id).bind(r.branch).bind(r.commit_id).bind(r.event_type).bind(r.status)
        .bind(r.start_time).bind(r.end_time);
    return s.done();
}

Status ReviewStore::putHookRun(const std::string& repo, const std::string& runId, const StoredHookRun& h)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT OR REPLACE INTO hook_runs(repo,run_id,hook_run_id,action,hook_id,status,start_time,"
                 "end_time,output) VALUES(?,?,?,?,?,?,?,?,?)");
    s.bind(repo).bind(runId).bind(h.run.hook_run_id).bind(h.run.action).bind(h.run.hook_id).bind(h.run.status)
        .bind(h.run.start_time).bind(h.run.end_time).bind(h.output);
    return s.done();
}

Result<std::vector<ActionRun>> ReviewStore::listRuns(const std::string& repo)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, (std::string("SELECT ") + kRunCols + " FROM runs WHERE repo=? ORDER BY run_id").c_str());
    s.bind(repo);
    return s.all(runFrom);
}

Result<ActionRun> ReviewStore::getRun(const std::string& repo, const std::string& runId)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, (std::string("SELECT ") + kRunCols + " FROM runs WHERE repo=? AND run_id=?").c_str());
    s.bind(repo).bind(runId);
    return s.one(runFrom, "action run '" + runId + "' not found in repository '" + repo + "'");
}

Result<std::vector<StoredHookRun>> ReviewStore::listHookRuns(const std::string& repo, const std::string& runId)
{
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT hook_run_id,action,hook_id,status,start_time,end_time,output FROM hook_runs"
                 " WHERE repo=? AND run_id=? ORDER BY hook_run_id");
    s.bind(repo).bind(runId);
    return s.all(hookRunFrom);
}

} // namespace lakeside::review
