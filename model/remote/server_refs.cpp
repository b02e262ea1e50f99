// SPDX-License-Identifier: Apache-2.0
// Server routes: repositories, branches, tags, commits and log.
#include "remote/serverhelpers.h"
#include "remote/wire.h"

namespace lakeside::remote::server {

namespace {

std::string seg(int n, const httplib::Request& req) { return req.matches[n].str(); }

} // namespace

void addRefRoutes(httplib::Server& svr, Context& ctx)
{
    Backend& b = ctx.backend;
    const std::string repo = std::string("/repositories/") + kSeg;

    svr.Get(route("/repositories"), [&b](const httplib::Request& req, httplib::Response& res) {
        sendPage(res, b.listRepositories(listParams(req)));
    });
    svr.Post(route("/repositories"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto c = repositoryCreationFromJson(*body);
        if (!c.ok()) return sendError(res, c.error());
        auto r = b.createRepository(*c);
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 201, *r);
    });
    svr.Get(route(repo), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.getRepository(seg(1, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, *r);
    });
    svr.Delete(route(repo), [&b](const httplib::Request& req, httplib::Response& res) {
        sendStatus(res, b.deleteRepository(seg(1, req)), 204);
    });

    // --- branches ---
    svr.Get(route(repo + "/branches"), [&b](const httplib::Request& req, httplib::Response& res) {
        sendPage(res, b.listBranches(seg(1, req), listParams(req)));
    });
    svr.Post(route(repo + "/branches"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        const Json& j = *body;
        if (!j.is_object() || !j.contains("name") || !j["name"].is_string() || !j.contains("source") || !j["source"].is_string())
            return sendError(res, ErrorKind::InvalidArgument, "branch creation: 'name' and 'source' are required");
        auto r = b.createBranch(seg(1, req), j["name"].get<std::string>(), j["source"].get<std::string>());
        if (!r.ok()) return sendError(res, r.error());
        // lakeFS answers the source commit id as text, not JSON (REFERENCE.md §3.2).
        res.status = 201;
        res.set_content(r->commit_id, "text/html");
    });
    svr.Get(route(repo + "/branches/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.getBranch(seg(1, req), seg(2, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, *r);
    });
    svr.Delete(route(repo + "/branches/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        sendStatus(res, b.deleteBranch(seg(1, req), seg(2, req)), 204);
    });
    svr.Put(route(repo + "/branches/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        if (!body->is_object() || !(*body).contains("type") || !(*body)["type"].is_string())
            return sendError(res, ErrorKind::InvalidArgument, "reset: 'type' is required");
        auto type = resetTypeFromName((*body)["type"].get<std::string>());
        if (!type.ok()) return sendError(res, type.error());
        sendStatus(res, b.resetBranch(seg(1, req), seg(2, req), *type, body->value("path", std::string())), 204);
    });
    svr.Put(route(repo + "/branches/" + kSeg + "/hard_reset"), [&b](const httplib::Request& req, httplib::Response& res) {
        const std::string to = param(req, "ref");
        if (to.empty()) return sendError(res, ErrorKind::InvalidArgument, "hard reset: query parameter 'ref' is required");
        sendStatus(res, b.hardResetBranch(seg(1, req), seg(2, req), to), 204);
    });

    // --- tags ---
    svr.Get(route(repo + "/tags"), [&b](const httplib::Request& req, httplib::Response& res) {
        sendPage(res, b.listTags(seg(1, req), listParams(req)));
    });
    svr.Post(route(repo + "/tags"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        const Json& j = *body;
        if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || !j.contains("ref") || !j["ref"].is_string())
            return sendError(res, ErrorKind::InvalidArgument, "tag creation: 'id' and 'ref' are required");
        auto r = b.createTag(seg(1, req), j["id"].get<std::string>(), j["ref"].get<std::string>());
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 201, *r);
    });
    svr.Get(route(repo + "/tags/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.getTag(seg(1, req), seg(2, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, *r);
    });
    svr.Delete(route(repo + "/tags/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        sendStatus(res, b.deleteTag(seg(1, req), seg(2, req)), 204);
    });

    // --- commits ---
    svr.Get(route(repo + "/commits/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.getCommit(seg(1, req), seg(2, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, *r);
    });
    svr.Post(route(repo + "/branches/" + kSeg + "/commits"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto c = commitCreationFromJson(*body);
        if (!c.ok()) return sendError(res, c.error());
        auto r = b.commit(seg(1, req), seg(2, req), *c);
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 201, *r);
    });
    svr.Get(route(repo + "/refs/" + kSeg + "/commits"), [&b](const httplib::Request& req, httplib::Response& res) {
        LogParams p;
        const ListParams lp = listParams(req);
        p.after = lp.after;
        p.amount = lp.amount;
        for (size_t i = 0; i < req.get_param_value_count("objects"); ++i) p.objects.push_back(req.get_param_value("objects", i));
        for (size_t i = 0; i < req.get_param_value_count("prefixes"); ++i) p.prefixes.push_back(req.get_param_value("prefixes", i));
        p.limit = boolParam(req, "limit");
        p.first_parent = boolParam(req, "first_parent");
        if (const std::string since = param(req, "since"); !since.empty()) {
            const int64_t t = fromRfc3339(since);
            if (t < 0) return sendError(res, ErrorKind::InvalidArgument, "log: 'since' is not an RFC 3339 date-time: " + since);
            p.since = t;
        }
        p.stop_at = param(req, "stop_at");
        sendPage(res, b.logCommits(seg(1, req), seg(2, req), p));
    });
}

} // namespace lakeside::remote::server
