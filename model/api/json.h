// SPDX-License-Identifier: Apache-2.0
#pragma once
// JSON in lakeFS's shapes (swagger.yml) for the API value types. One place,
// used by `lakeside-cli --json`, `lakeside-cli serve` and the remote backend,
// so a shape is fixed once for all three.

#include "status.h"
#include "types.h"

#include <nlohmann/json.hpp>

namespace lakeside {

using Json = nlohmann::json;

void to_json(Json& j, const Repository& v);
void from_json(const Json& j, Repository& v);
void to_json(Json& j, const Ref& v);
void from_json(const Json& j, Ref& v);
void to_json(Json& j, const Commit& v);
void from_json(const Json& j, Commit& v);
void to_json(Json& j, const ObjectStats& v);
void from_json(const Json& j, ObjectStats& v);
void to_json(Json& j, const DiffEntry& v);
void from_json(const Json& j, DiffEntry& v);
void to_json(Json& j, const PullRequest& v);
void from_json(const Json& j, PullRequest& v);
void to_json(Json& j, const Review& v);
void from_json(const Json& j, Review& v);
void to_json(Json& j, const ActionRun& v);
void from_json(const Json& j, ActionRun& v);
void to_json(Json& j, const HookRun& v);
void from_json(const Json& j, HookRun& v);
void to_json(Json& j, const ObjectError& v);
void from_json(const Json& j, ObjectError& v);

// {"message": "..."} as lakeFS sends errors.
Json errorToJson(const Error& e);

// {"pagination": {has_more, next_offset, results, max_per_page: 1000}, "results": [...]}
template <class T>
Json pageToJson(const Page<T>& page)
{
    Json results = Json::array();
    for (const T& item : page.results) results.push_back(item);
    return Json{{"pagination",
                 {{"has_more", page.has_more},
                  {"next_offset", page.has_more ? page.next_offset : std::string()},
                  {"results", static_cast<int64_t>(page.results.size())},
                  {"max_per_page", 1000}}},
                {"results", std::move(results)}};
}

// Parses a lakeFS list response. Errors are InvalidArgument naming the field.
template <class T>
Result<Page<T>> pageFromJson(const Json& j)
{
    try {
        Page<T> page;
        const Json& p = j.at("pagination");
        page.has_more = p.at("has_more").get<bool>();
        page.next_offset = p.value("next_offset", std::string());
        for (const Json& item : j.at("results")) page.results.push_back(item.get<T>());
        return page;
    } catch (const std::exception& e) {
        return makeError(ErrorKind::InvalidArgument, std::string("malformed list response: ") + e.what());
    }
}

} // namespace lakeside
