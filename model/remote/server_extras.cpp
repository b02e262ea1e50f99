// SPDX-License-Identifier: Apache-2.0
// Server routes: pull requests, actions, branch protection, service
// endpoints (healthcheck, config, user) and login.
#include "remote/serverhelpers.h"
#include "remote/wire.h"

#include <openssl/rand.h>

#include <ctime>

namespace lakeside::remote::server {

namespace {

std::string seg(int n, const httplib::Request& req) { return req.matches[n].str(); }

void addPullRoutes(httplib::Server& svr, Backend& b, const std::string& repo)
{
    svr.Get(route(repo + "/pulls"), [&b](const httplib::Request& req, httplib::Response& res) {
        std::string status = param(req, "status");
        if (status == "all") status.clear();
        auto page = b.listPulls(seg(1, req), status, listParams(req));
        if (!page.ok()) return sendError(res, page.error());
        sendJson(res, 200, pageJson(*page, [](const PullRequest& p) { return pullToSpecJson(p, true); }));
    });
    svr.Post(route(repo + "/pulls"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto c = pullCreationFromJson(*body);
        if (!c.ok()) return sendError(res, c.error());
        auto id = b.createPull(seg(1, req), *c);
        if (!id.ok()) return sendError(res, id.error());
        sendJson(res, 201, Json{{"id", *id}});
    });
    svr.Get(route(repo + "/pulls/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto p = b.getPull(seg(1, req), seg(2, req));
        if (!p.ok()) return sendError(res, p.error());
        sendJson(res, 200, pullToSpecJson(*p, false));
    });
    svr.Patch(route(repo + "/pulls/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto u = pullUpdateFromJson(*body);
        if (!u.ok()) return sendError(res, u.error());
        // lakeFS answers 204, its spec 200 with no body; an undeclared 204
        // fails spec validation, and clients accept either (REFERENCE.md §11).
        sendStatus(res, b.updatePull(seg(1, req), seg(2, req), *u), 200);
    });
    svr.Put(route(repo + "/pulls/" + kSeg + "/merge"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.mergePull(seg(1, req), seg(2, req), MergeParams{});
        if (!r.ok()) {
            // An Error body that also satisfies the spec's MergeResult shape.
            if (r.error().kind == ErrorKind::Conflict)
                return sendJson(res, 409, Json{{"message", r.error().message}, {"reference", ""}});
            return sendError(res, r.error());
        }
        sendJson(res, 200, Json{{"reference", r->reference}});
    });
}

void addActionRoutes(httplib::Server& svr, Backend& b, const std::string& repo)
{
    svr.Get(route(repo + "/actions/runs"), [&b](const httplib::Request& req, httplib::Response& res) {
        const std::string branch = param(req, "branch"), commit = param(req, "commit");
        if (!branch.empty() && !commit.empty())
            return sendError(res, ErrorKind::InvalidArgument, "list runs: give either 'branch' or 'commit', not both");
        auto page = b.listActionRuns(seg(1, req), branch, commit, listParams(req));
        if (!page.ok()) return sendError(res, page.error());
        sendJson(res, 200, pageJson(*page, actionRunToSpecJson));
    });
    svr.Get(route(repo + "/actions/runs/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.getActionRun(seg(1, req), seg(2, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, actionRunToSpecJson(*r));
    });
    svr.Get(route(repo + "/actions/runs/" + kSeg + "/hooks"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto page = b.listHookRuns(seg(1, req), seg(2, req), listParams(req));
        if (!page.ok()) return sendError(res, page.error());
        sendJson(res, 200, pageJson(*page, hookRunToSpecJson));
    });
    svr.Get(route(repo + "/actions/runs/" + kSeg + "/hooks/" + kSeg + "/output"),
            [&b](const httplib::Request& req, httplib::Response& res) {
                auto out = b.getHookOutput(seg(1, req), seg(2, req), seg(3, req));
                if (!out.ok()) return sendError(res, out.error());
                res.status = 200;
                res.set_content(*out, "application/octet-stream");
            });
}

void addProtectionRoutes(httplib::Server& svr, Backend& b, const std::string& repo)
{
    svr.Get(route(repo + "/settings/branch_protection"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto rules = b.getBranchProtection(seg(1, req));
        if (!rules.ok()) return sendError(res, rules.error());
        res.set_header("ETag", rules->etag);
        sendJson(res, 200, protectionPatternsToJson(rules->patterns));
    });
    svr.Put(route(repo + "/settings/branch_protection"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto patterns = protectionPatternsFromJson(*body);
        if (!patterns.ok()) return sendError(res, patterns.error());
        Backend::ProtectionRules rules;
        // The API carries patterns only; keep the approvals of patterns that stay.
        if (auto current = b.getBranchProtection(seg(1, req)); current.ok())
            for (const std::string& p : *patterns)
                if (auto it = current->required_approvals.find(p); it != current->required_approvals.end())
                    rules.required_approvals[p] = it->second;
        rules.patterns = *patterns;
        sendStatus(res, b.setBranchProtection(seg(1, req), rules, req.get_header_value("If-Match")), 204);
    });
}

Json storageConfig()
{
    return Json{{"blockstore_type", "local"},
                {"blockstore_namespace_example", "local://example-repo"},
                {"blockstore_namespace_ValidityRegex", "^local://"},
                {"default_namespace_prefix", "local://"},
                {"pre_sign_support", false},
                {"pre_sign_support_ui", false},
                {"import_support", false},
                {"import_validity_regex", "^local://"}};
}

} // namespace

void addExtraRoutes(httplib::Server& svr, Context& ctx)
{
    Backend& b = ctx.backend;
    const std::string repo = std::string("/repositories/") + kSeg;
    addPullRoutes(svr, b, repo);
    addActionRoutes(svr, b, repo);
    addProtectionRoutes(svr, b, repo);

    svr.Get(route("/healthcheck"), [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    svr.Get(route("/config/version"), [&ctx](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, Json{{"version", ctx.options.version}});
    });
    svr.Get(route("/config/storage"), [](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, storageConfig());
    });
    svr.Get(route("/config"), [&ctx](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, Json{{"version_config", {{"version", ctx.options.version}}}, {"storage_config", storageConfig()}});
    });
    svr.Get(route("/user"), [&ctx](const httplib::Request&, httplib::Response& res) {
        std::string id = ctx.backend.userName();
        if (id.empty()) id = ctx.options.access_key_id;
        sendJson(res, 200, Json{{"user", {{"id", id}, {"creation_date", ctx.startTime}}}});
    });
    svr.Post(route("/auth/login"), [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        const Json& j = *body;
        if (!j.is_object() || !j.contains("access_key_id") || !j.contains("secret_access_key"))
            return sendError(res, ErrorKind::InvalidArgument, "login: access_key_id and secret_access_key are required");
        const std::string key = j.value("access_key_id", std::string()), secret = j.value("secret_access_key", std::string());
        if (!credentialsMatch(ctx, key, secret)) return sendError(res, ErrorKind::Unauthorized, "error authenticating request");
        unsigned char raw[32];
        if (RAND_bytes(raw, sizeof raw) != 1) return sendError(res, ErrorKind::Internal, "login: no randomness available");
        static const char* hex = "0123456789abcdef";
        std::string token;
        for (unsigned char c : raw) { token.push_back(hex[c >> 4]); token.push_back(hex[c & 15]); }
        {
            std::lock_guard<std::mutex> g(ctx.tokensMutex);
            ctx.tokenHashes.insert(sha256Hex(token));
        }
        const int64_t expires = static_cast<int64_t>(std::time(nullptr)) + 7 * 24 * 3600;
        sendJson(res, 200, Json{{"token", token}, {"token_expiration", expires}});
    });
}

} // namespace lakeside::remote::server
