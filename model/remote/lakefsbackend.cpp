// SPDX-License-Identifier: Apache-2.0
// LakeFsBackend: plumbing, repositories, branches, tags, commits, service.
#include "remote/lakefsbackend.h"
#include "remote/responseerror.h"
#include "remote/urlencode.h"
#include "remote/wire.h"

#include "api/json.h"

namespace lakeside::remote {

std::string repoPath(const std::string& repo) { return "/repositories/" + percentEncode(repo); }

QueryParams listQuery(const ListParams& p)
{
    QueryParams q;
    if (!p.prefix.empty()) q.emplace_back("prefix", p.prefix);
    if (!p.after.empty()) q.emplace_back("after", p.after);
    q.emplace_back("amount", std::to_string(p.amount <= 0 ? 100 : std::min(p.amount, 1000)));
    return q;
}

namespace {

HttpRequest get(std::string path, QueryParams q = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = std::move(path);
    r.query = std::move(q);
    return r;
}

template <class T>
Result<T> parseAs(const Json& j, const std::string& what)
{
    try {
        return j.get<T>();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, what + ": unexpected answer from the server (" + e.what() + ")");
    }
}

std::string ref(const std::string& repo, const char* kind, const std::string& name)
{
    return std::string(kind) + " '" + name + "' in repository '" + repo + "'";
}

} // namespace

LakeFsBackend::LakeFsBackend(ConnectionConfig config)
    : m_http(config), m_store(config.state_dir, config.endpoint)
{
}

LakeFsBackend::~LakeFsBackend() = default;

std::string LakeFsBackend::describe() const { return "lakeFS " + m_http.config().endpoint; }

std::string LakeFsBackend::userName() const
{
    std::lock_guard<std::mutex> g(m_userMutex);
    if (!m_userName) {
        auto self = const_cast<LakeFsBackend*>(this);
        Result<User> u = self->currentUser();
        if (!u.ok()) return m_http.config().access_key_id; // not cached: ask again next time
        m_userName = u->id;
    }
    return *m_userName;
}

Result<HttpResponse> LakeFsBackend::call(HttpRequest r, std::initializer_list<int> ok, const std::string& what) const
{
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp, m_http.send(r));
    for (int s : ok)
        if (resp.status == s) return resp;
    return errorFromResponse(resp, what);
}

Result<Json> LakeFsBackend::callJson(HttpRequest r, std::initializer_list<int> ok, const std::string& what) const
{
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp, call(std::move(r), ok, what));
    return parseJson(resp.body, what);
}

HttpRequest LakeFsBackend::jsonRequest(const std::string& method, std::string path, const Json& body)
{
    HttpRequest r;
    r.method = method;
    r.path = std::move(path);
    r.body = body.dump();
    r.headers.push_back("Content-Type: application/json");
    return r;
}

// --- repositories -------------------------------------------------------------

Result<Page<Repository>> LakeFsBackend::listRepositories(const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get("/repositories", listQuery(p)), {200}, "list repositories"));
    return pageFromJson<Repository>(j);
}

Result<Repository> LakeFsBackend::getRepository(const std::string& repo)
{
    const std::string what = "repository '" + repo + "'";
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo)), {200}, what));
    return parseAs<Repository>(j, what);
}

Result<Repository> LakeFsBackend::createRepository(const RepositoryCreation& c)
{
    const std::string what = "create repository '" + c.name + "'";
    RepositoryCreation req = c;
    if (req.storage_namespace.empty()) {
        LAKESIDE_ASSIGN_OR_RETURN(Json storage, callJson(get("/config/storage"), {200}, "storage configuration"));
        const std::string prefix = storage.value("default_namespace_prefix", std::string());
        if (prefix.empty())
            return makeError(ErrorKind::InvalidArgument,
                             what + ": this lakeFS server needs a storage namespace (for example "
                                 + storage.value("blockstore_namespace_example", std::string("s3://bucket/path")) + ")");
        req.storage_namespace = prefix + (prefix.back() == '/' ? "" : "/") + c.name; // "local://" + name too
    }
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(jsonRequest("POST", "/repositories", repositoryCreationToJson(req)), {201}, what));
    return parseAs<Repository>(j, what);
}

Status LakeFsBackend::deleteRepository(const std::string& repo)
{
    HttpRequest r;
    r.method = "DELETE";
    r.path = repoPath(repo);
    return call(std::move(r), {204}, "delete repository '" + repo + "'").status();
}

// --- branches -----------------------------------------------------------------

Result<Page<Ref>> LakeFsBackend::listBranches(const std::string& repo, const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/branches", listQuery(p)), {200},
                                               "list branches of repository '" + repo + "'"));
    return pageFromJson<Ref>(j);
}

Result<Ref> LakeFsBackend::getBranch(const std::string& repo, const std::string& branch)
{
    const std::string what = ref(repo, "branch", branch);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/branches/" + percentEncode(branch)), {200}, what));
    return parseAs<Ref>(j, what);
}

Result<Ref> LakeFsBackend::createBranch(const std::string& repo, const std::string& name, const std::string& source)
{
    const std::string what = "create " + ref(repo, "branch", name) + " from '" + source + "'";
    LAKESIDE_ASSIGN_OR_RETURN(HttpResponse resp,
                              call(jsonRequest("POST", repoPath(repo) + "/branches", Json{{"name", name}, {"source", source}}),
                                   {201}, what));
    // lakeFS answers with the commit id as plain text (REFERENCE.md §11); be
    // lenient about a JSON string or surrounding whitespace.
    std::string id = resp.body;
    while (!id.empty() && std::isspace(static_cast<unsigned char>(id.back()))) id.pop_back();
    while (!id.empty() && std::isspace(static_cast<unsigned char>(id.front()))) id.erase(0, 1);
    if (id.size() >= 2 && id.front() == '"' && id.back() == '"') id = id.substr(1, id.size() - 2);
    if (id.empty()) {
        LAKESIDE_ASSIGN_OR_RETURN(Ref b, getBranch(repo, name));
        return b;
    }
    return Ref{name, id};
}

Status LakeFsBackend::deleteBranch(const std::string& repo, const std::string& branch)
{
    HttpRequest r;
    r.method = "DELETE";
    r.path = repoPath(repo) + "/branches/" + percentEncode(branch);
    return call(std::move(r), {204}, "delete " + ref(repo, "branch", branch)).status();
}

Status LakeFsBackend::resetBranch(const std::string& repo, const std::string& branch, ResetType type,
                                  const std::string& path)
{
    Json body{{"type", resetTypeName(type)}};
    if (type != ResetType::Reset) body["path"] = path;
    return call(jsonRequest("PUT", repoPath(repo) + "/branches/" + percentEncode(branch), body), {204},
                "reset " + ref(repo, "branch", branch))
        .status();
}

Status LakeFsBackend::hardResetBranch(const std::string& repo, const std::string& branch, const std::string& to)
{
    HttpRequest r;
    r.method = "PUT";
    r.path = repoPath(repo) + "/branches/" + percentEncode(branch) + "/hard_reset";
    r.query = {{"ref", to}};
    return call(std::move(r), {204}, "hard reset " + ref(repo, "branch", branch) + " to '" + to + "'").status();
}

Result<Commit> LakeFsBackend::revertBranch(const std::string& repo, const std::string& branch, const std::string& what,
                                           int parentNumber, const CommitOverrides& overrides, bool allowEmpty)
{
    Json body{{"ref", what}, {"parent_number", parentNumber}};
    if (overrides.message || overrides.metadata) body["commit_overrides"] = commitOverridesToJson(overrides);
    if (allowEmpty) body["allow_empty"] = true;
    const std::string ctx = "revert '" + what + "' on " + ref(repo, "branch", branch);
    LAKESIDE_RETURN_IF_ERROR(
        call(jsonRequest("POST", repoPath(repo) + "/branches/" + percentEncode(branch) + "/revert", body), {200, 201, 204}, ctx));
    // lakeFS answers 204 with no body: the new commit is the branch's head.
    LAKESIDE_ASSIGN_OR_RETURN(Ref b, getBranch(repo, branch));
    return getCommit(repo, b.commit_id);
}

Result<Commit> LakeFsBackend::cherryPick(const std::string& repo, const std::string& branch, const std::string& what,
                                         int parentNumber)
{
    Json body{{"ref", what}};
    if (parentNumber > 0) body["parent_number"] = parentNumber;
    const std::string ctx = "cherry-pick '" + what + "' onto " + ref(repo, "branch", branch);
    LAKESIDE_ASSIGN_OR_RETURN(
        Json j, callJson(jsonRequest("POST", repoPath(repo) + "/branches/" + percentEncode(branch) + "/cherry-pick", body), {200, 201}, ctx));
    return parseAs<Commit>(j, ctx);
}

// --- tags ---------------------------------------------------------------------

Result<Page<Ref>> LakeFsBackend::listTags(const std::string& repo, const ListParams& p)
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/tags", listQuery(p)), {200},
                                               "list tags of repository '" + repo + "'"));
    return pageFromJson<Ref>(j);
}

Result<Ref> LakeFsBackend::getTag(const std::string& repo, const std::string& tag)
{
    const std::string what = ref(repo, "tag", tag);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/tags/" + percentEncode(tag)), {200}, what));
    return parseAs<Ref>(j, what);
}

Result<Ref> LakeFsBackend::createTag(const std::string& repo, const std::string& id, const std::string& target)
{
    const std::string what = "create " + ref(repo, "tag", id) + " at '" + target + "'";
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(jsonRequest("POST", repoPath(repo) + "/tags", Json{{"id", id}, {"ref", target}}), {201}, what));
    return parseAs<Ref>(j, what);
}

Status LakeFsBackend::deleteTag(const std::string& repo, const std::string& tag)
{
    HttpRequest r;
    r.method = "DELETE";
    r.path = repoPath(repo) + "/tags/" + percentEncode(tag);
    return call(std::move(r), {204}, "delete " + ref(repo, "tag", tag)).status();
}

// --- commits ------------------------------------------------------------------

Result<Commit> LakeFsBackend::getCommit(const std::string& repo, const std::string& what)
{
    const std::string ctx = ref(repo, "commit", what);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/commits/" + percentEncode(what)), {200}, ctx));
    return parseAs<Commit>(j, ctx);
}

Result<Page<Commit>> LakeFsBackend::logCommits(const std::string& repo, const std::string& from, const LogParams& p)
{
    QueryParams q;
    if (!p.after.empty()) q.emplace_back("after", p.after);
    q.emplace_back("amount", std::to_string(p.amount <= 0 ? 100 : std::min(p.amount, 1000)));
    for (const std::string& o : p.objects) q.emplace_back("objects", o);
    for (const std::string& pre : p.prefixes) q.emplace_back("prefixes", pre);
    if (p.limit) q.emplace_back("limit", "true");
    if (p.first_parent) q.emplace_back("first_parent", "true");
    if (p.since) q.emplace_back("since", toRfc3339(*p.since));
    if (!p.stop_at.empty()) q.emplace_back("stop_at", p.stop_at);
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get(repoPath(repo) + "/refs/" + percentEncode(from) + "/commits", q), {200},
                                               "log of " + ref(repo, "ref", from)));
    return pageFromJson<Commit>(j);
}

Result<Commit> LakeFsBackend::commit(const std::string& repo, const std::string& branch, const CommitCreation& c)
{
    const std::string what = "commit to " + ref(repo, "branch", branch);
    HttpRequest r = jsonRequest("POST", repoPath(repo) + "/branches/" + percentEncode(branch) + "/commits", commitCreationToJson(c));
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(std::move(r), {201}, what));
    return parseAs<Commit>(j, what);
}

// --- service ------------------------------------------------------------------

Status LakeFsBackend::healthcheck()
{
    HttpRequest r = get("/healthcheck");
    r.authenticate = false;
    return call(std::move(r), {200, 204}, "health check of " + m_http.config().endpoint).status();
}

Result<VersionConfig> LakeFsBackend::version()
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get("/config/version"), {200}, "server version"));
    VersionConfig v;
    v.version = j.is_object() ? j.value("version", std::string()) : std::string();
    return v;
}

Result<User> LakeFsBackend::currentUser()
{
    LAKESIDE_ASSIGN_OR_RETURN(Json j, callJson(get("/user"), {200}, "current user"));
    if (!j.is_object() || !j.contains("user") || !j["user"].is_object() || !j["user"].contains("id"))
        return makeError(ErrorKind::InvalidArgument, "current user: unexpected answer from the server (no user.id)");
    User u;
    u.id = j["user"]["id"].is_string() ? j["user"]["id"].get<std::string>() : j["user"]["id"].dump();
    u.creation_date = j["user"].value("creation_date", int64_t(0));
    return u;
}

} // namespace lakeside::remote
