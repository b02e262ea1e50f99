// SPDX-License-Identifier: Apache-2.0
// Server routes: diff, merge, merge base, revert and cherry-pick.
#include "remote/serverhelpers.h"
#include "remote/wire.h"

namespace lakeside::remote::server {

namespace {

std::string seg(int n, const httplib::Request& req) { return req.matches[n].str(); }

Result<DiffParams> diffParams(const httplib::Request& req)
{
    DiffParams p;
    const ListParams lp = listParams(req);
    p.prefix = lp.prefix;
    p.after = lp.after;
    p.amount = lp.amount;
    p.delimiter = param(req, "delimiter");
    const std::string type = param(req, "type");
    if (type.empty() || type == "three_dot") p.type = DiffKind::ThreeDot;
    else if (type == "two_dot") p.type = DiffKind::TwoDot;
    else return makeError(ErrorKind::InvalidArgument, "diff type '" + type + "' is not one of two_dot, three_dot");
    return p;
}

} // namespace

void addMergeRoutes(httplib::Server& svr, Context& ctx)
{
    Backend& b = ctx.backend;
    const std::string repo = std::string("/repositories/") + kSeg;

    svr.Get(route(repo + "/refs/" + kSeg + "/diff/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto p = diffParams(req);
        if (!p.ok()) return sendError(res, p.error());
        sendPage(res, b.diffRefs(seg(1, req), seg(2, req), seg(3, req), *p));
    });
    svr.Get(route(repo + "/branches/" + kSeg + "/diff"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto p = diffParams(req);
        if (!p.ok()) return sendError(res, p.error());
        sendPage(res, b.diffBranch(seg(1, req), seg(2, req), *p));
    });
    svr.Post(route(repo + "/refs/" + kSeg + "/merge/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        auto p = mergeParamsFromJson(*body);
        if (!p.ok()) return sendError(res, p.error());
        auto r = b.merge(seg(1, req), seg(2, req), seg(3, req), *p);
        if (!r.ok()) {
            // lakeFS's branch merge answers a conflict with an empty MergeResult (REFERENCE.md §3.6).
            if (r.error().kind == ErrorKind::Conflict) return sendJson(res, 409, Json{{"reference", ""}});
            return sendError(res, r.error());
        }
        sendJson(res, 200, Json{{"reference", r->reference}});
    });
    svr.Get(route(repo + "/refs/" + kSeg + "/merge/" + kSeg), [&b](const httplib::Request& req, httplib::Response& res) {
        auto r = b.findMergeBase(seg(1, req), seg(2, req), seg(3, req));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 200, findMergeBaseToJson(*r));
    });
    svr.Post(route(repo + "/branches/" + kSeg + "/revert"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        const Json& j = *body;
        if (!j.is_object() || !j.contains("ref") || !j["ref"].is_string())
            return sendError(res, ErrorKind::InvalidArgument, "revert: 'ref' is required");
        const CommitOverrides o = commitOverridesFromJson(j.value("commit_overrides", Json::object()));
        auto r = b.revertBranch(seg(1, req), seg(2, req), j["ref"].get<std::string>(), j.value("parent_number", 0), o,
                                j.value("allow_empty", false));
        if (!r.ok()) return sendError(res, r.error());
        res.status = 204; // lakeFS sends no body (REFERENCE.md §11)
    });
    svr.Post(route(repo + "/branches/" + kSeg + "/cherry-pick"), [&b](const httplib::Request& req, httplib::Response& res) {
        auto body = jsonBody(req);
        if (!body.ok()) return sendError(res, body.error());
        const Json& j = *body;
        if (!j.is_object() || !j.contains("ref") || !j["ref"].is_string())
            return sendError(res, ErrorKind::InvalidArgument, "cherry-pick: 'ref' is required");
        auto r = b.cherryPick(seg(1, req), seg(2, req), j["ref"].get<std::string>(), j.value("parent_number", 0));
        if (!r.ok()) return sendError(res, r.error());
        sendJson(res, 201, *r);
    });
}

} // namespace lakeside::remote::server
