// SPDX-License-Identifier: Apache-2.0
#include "remote/serverhelpers.h"
#include "remote/wire.h"

namespace lakeside::remote::server {

std::string route(const std::string& pattern) { return std::string(kApi) + pattern; }

void sendJson(httplib::Response& res, int status, const Json& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void sendError(httplib::Response& res, const Error& e)
{
    sendJson(res, httpStatusFor(e.kind), errorToJson(e));
}

void sendError(httplib::Response& res, ErrorKind kind, const std::string& message)
{
    sendError(res, makeError(kind, message));
}

void sendStatus(httplib::Response& res, const Status& s, int okStatus)
{
    if (!s.ok()) return sendError(res, s.error());
    res.status = okStatus;
}

std::string param(const httplib::Request& req, const char* name)
{
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}

bool boolParam(const httplib::Request& req, const char* name)
{
    const std::string v = param(req, name);
    return v == "true" || v == "1" || v == "True";
}

ListParams listParams(const httplib::Request& req)
{
    ListParams p;
    p.prefix = param(req, "prefix");
    p.after = param(req, "after");
    const std::string amount = param(req, "amount");
    p.amount = amount.empty() ? 100 : std::atoi(amount.c_str());
    if (p.amount <= 0) p.amount = 100;
    if (p.amount > 1000) p.amount = 1000;
    return p;
}

Result<Json> jsonBody(const httplib::Request& req)
{
    if (req.body.empty()) return Json();
    return parseJson(req.body, "request body");
}

} // namespace lakeside::remote::server
