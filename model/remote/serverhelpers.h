// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared pieces of the server's route files: the context every handler
// sees, JSON and error answers in lakeFS's shapes, and query parsing.
// Internal to lakeside_server.

#include "api/backend.h"
#include "api/json.h"
#include "remote/server.h"

#include <httplib.h>

#include <functional>
#include <mutex>
#include <set>
#include <string>

namespace lakeside::remote::server {

struct Context {
    Backend& backend;
    const ServerOptions& options;
    int64_t startTime = 0;
    std::mutex tokensMutex;
    std::set<std::string> tokenHashes; // SHA-256 hex of issued Bearer tokens
};

constexpr const char* kApi = "/api/v1";
// Regex of one path segment.
constexpr const char* kSeg = "([^/]+)";

void sendJson(httplib::Response& res, int status, const Json& body);
void sendError(httplib::Response& res, const Error& e);
void sendError(httplib::Response& res, ErrorKind kind, const std::string& message);
void sendStatus(httplib::Response& res, const Status& s, int okStatus);

std::string param(const httplib::Request& req, const char* name);
bool boolParam(const httplib::Request& req, const char* name);
ListParams listParams(const httplib::Request& req);
// JSON body; null for an empty body; InvalidArgument when malformed.
Result<Json> jsonBody(const httplib::Request& req);

template <class T, class ToJson>
Json pageJson(const Page<T>& page, ToJson&& toJson)
{
    Json results = Json::array();
    for (const T& item : page.results) results.push_back(toJson(item));
    return Json{{"pagination",
                 {{"has_more", page.has_more},
                  {"next_offset", page.has_more ? page.next_offset : std::string()},
                  {"results", static_cast<int64_t>(page.results.size())},
                  {"max_per_page", 1000}}},
                {"results", std::move(results)}};
}

template <class T>
void sendPage(httplib::Response& res, const Result<Page<T>>& page)
{
    if (!page.ok()) return sendError(res, page.error());
    sendJson(res, 200, pageToJson(*page));
}

// Route registration, one per source file.
void addRefRoutes(httplib::Server& svr, Context& ctx);     // repositories, branches, tags, commits
void addMergeRoutes(httplib::Server& svr, Context& ctx);   // diff, merge, revert, cherry-pick
void addObjectRoutes(httplib::Server& svr, Context& ctx);  // objects
void addExtraRoutes(httplib::Server& svr, Context& ctx);   // pulls, actions, protection, service, auth

// Constant-time comparison (CRYPTO_memcmp over SHA-256 digests, so lengths leak nothing).
bool credentialsMatch(const Context& ctx, const std::string& keyId, const std::string& secret);
std::string sha256Hex(const std::string& s);

// "/api/v1" + pattern
std::string route(const std::string& pattern);

} // namespace lakeside::remote::server
