// SPDX-License-Identifier: Apache-2.0
#include "remote/wire.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace lakeside::remote {

namespace {

Error missing(const char* what, const char* field)
{
    return makeError(ErrorKind::InvalidArgument, std::string(what) + ": required field '" + field + "' is missing");
}

bool hasString(const Json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string();
}

Metadata stringMap(const Json& j, const char* key)
{
    Metadata m;
    auto it = j.find(key);
    if (it != j.end() && it->is_object())
        for (auto& [k, v] : it->items()) m[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return m;
}

std::string lowered(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

Json repositoryCreationToJson(const RepositoryCreation& c)
{
    Json j{{"name", c.name}, {"storage_namespace", c.storage_namespace}, {"default_branch", c.default_branch}};
    if (c.read_only) j["read_only"] = true;
    return j;
}

Result<RepositoryCreation> repositoryCreationFromJson(const Json& j)
{
    if (!j.is_object() || !hasString(j, "name")) return missing("repository creation", "name");
    RepositoryCreation c;
    c.name = j["name"].get<std::string>();
    c.storage_namespace = j.value("storage_namespace", std::string());
    c.default_branch = j.value("default_branch", std::string("main"));
    if (c.default_branch.empty()) c.default_branch = "main";
    c.read_only = j.value("read_only", false);
    return c;
}

Json commitCreationToJson(const CommitCreation& c)
{
    Json j{{"message", c.message}, {"metadata", c.metadata}};
    if (c.date) j["date"] = *c.date;
    if (c.allow_empty) j["allow_empty"] = true;
    if (c.force) j["force"] = true;
    return j;
}

Result<CommitCreation> commitCreationFromJson(const Json& j)
{
    if (!j.is_object() || !hasString(j, "message")) return missing("commit", "message");
    CommitCreation c;
    c.message = j["message"].get<std::string>();
    c.metadata = stringMap(j, "metadata");
    if (auto it = j.find("date"); it != j.end() && it->is_number_integer()) c.date = it->get<int64_t>();
    c.allow_empty = j.value("allow_empty", false);
    c.force = j.value("force", false);
    return c;
}

Result<MergeStrategy> mergeStrategyFromName(const std::string& name)
{
    if (name.empty() || name == "default") return MergeStrategy::None;
    if (name == "dest-wins") return MergeStrategy::DestWins;
    if (name == "source-wins") return MergeStrategy::SourceWins;
    return makeError(ErrorKind::InvalidArgument, "merge strategy '" + name + "' is not one of dest-wins, source-wins");
}

Json mergeParamsToJson(const MergeParams& p)
{
    Json j = Json::object();
    if (!p.message.empty()) j["message"] = p.message;
    if (!p.metadata.empty()) j["metadata"] = p.metadata;
    if (p.strategy != MergeStrategy::None) j["strategy"] = mergeStrategyName(p.strategy);
    if (p.force) j["force"] = true;
    if (p.allow_empty) j["allow_empty"] = true;
    if (p.squash_merge) j["squash_merge"] = true;
    if (!p.resolutions.empty()) {
        Json r = Json::object();
        for (const auto& [path, s] : p.resolutions) r[path] = mergeStrategyName(s);
        j["x_lakeside_resolutions"] = r;
    }
    return j;
}

Result<MergeParams> mergeParamsFromJson(const Json& j)
{
    MergeParams p;
    if (j.is_null()) return p;
    if (!j.is_object()) return makeError(ErrorKind::InvalidArgument, "merge: body must be a JSON object");
    p.message = j.value("message", std::string());
    p.metadata = stringMap(j, "metadata");
    LAKESIDE_ASSIGN_OR_RETURN(p.strategy, mergeStrategyFromName(j.value("strategy", std::string())));
    p.force = j.value("force", false);
    p.allow_empty = j.value("allow_empty", false);
    p.squash_merge = j.value("squash_merge", false);
    if (auto it = j.find("x_lakeside_resolutions"); it != j.end() && it->is_object()) {
        for (auto& [path, v] : it->items()) {
            LAKESIDE_ASSIGN_OR_RETURN(MergeStrategy s, mergeStrategyFromName(v.is_string() ? v.get<std::string>() : ""));
            p.resolutions[path] = s;
        }
    }
    return p;
}

Json commitOverridesToJson(const CommitOverrides& o)
{
    Json j = Json::object();
    if (o.message) j["message"] = *o.message;
    if (o.metadata) j["metadata"] = *o.metadata;
    return j;
}

CommitOverrides commitOverridesFromJson(const Json& j)
{
    CommitOverrides o;
    if (!j.is_object()) return o;
    if (hasString(j, "message")) o.message = j["message"].get<std::string>();
    if (j.contains("metadata") && j["metadata"].is_object()) o.metadata = stringMap(j, "metadata");
    return o;
}

const char* resetTypeName(ResetType t)
{
    switch (t) {
    case ResetType::Reset: return "reset";
    case ResetType::Object: return "object";
    case ResetType::CommonPrefix: return "common_prefix";
    }
    return "reset";
}

Result<ResetType> resetTypeFromName(const std::string& name)
{
    if (name == "reset") return ResetType::Reset;
    if (name == "object") return ResetType::Object;
    if (name == "common_prefix") return ResetType::CommonPrefix;
    return makeError(ErrorKind::InvalidArgument, "reset type '" + name + "' is not one of reset, object, common_prefix");
}

Json pullCreationToJson(const PullRequestCreation& c)
{
    return Json{{"title", c.title}, {"description", c.description}, {"source_branch", c.source_branch},
                {"destination_branch", c.destination_branch}};
}

Result<PullRequestCreation> pullCreationFromJson(const Json& j)
{
    if (!j.is_object()) return missing("pull request", "title");
    for (const char* f : {"title", "source_branch", "destination_branch"})
        if (!hasString(j, f)) return missing("pull request", f);
    PullRequestCreation c;
    c.title = j["title"].get<std::string>();
    c.description = j.value("description", std::string());
    c.source_branch = j["source_branch"].get<std::string>();
    c.destination_branch = j["destination_branch"].get<std::string>();
    return c;
}

Result<PullStatus> pullStatusFromName(const std::string& name)
{
    const std::string s = lowered(name);
    if (s == "open") return PullStatus::Open;
    if (s == "closed") return PullStatus::Closed;
    if (s == "merged") return PullStatus::Merged;
    return makeError(ErrorKind::InvalidArgument, "pull request status '" + name + "' is not one of open, closed, merged");
}

Json pullUpdateToJson(const PullRequestUpdate& u)
{
    Json j = Json::object();
    if (u.title) j["title"] = *u.title;
    if (u.description) j["description"] = *u.description;
    if (u.status) j["status"] = pullStatusName(*u.status);
    return j;
}

Result<PullRequestUpdate> pullUpdateFromJson(const Json& j)
{
    if (!j.is_object()) return makeError(ErrorKind::InvalidArgument, "pull request update: body must be a JSON object");
    PullRequestUpdate u;
    if (hasString(j, "title")) u.title = j["title"].get<std::string>();
    if (hasString(j, "description")) u.description = j["description"].get<std::string>();
    if (hasString(j, "status")) {
        LAKESIDE_ASSIGN_OR_RETURN(PullStatus s, pullStatusFromName(j["status"].get<std::string>()));
        u.status = s;
    }
    return u;
}

Json findMergeBaseToJson(const FindMergeBaseResult& r)
{
    return Json{{"source_commit_id", r.source_commit_id}, {"destination_commit_id", r.destination_commit_id},
                {"base_commit_id", r.base_commit_id}};
}

Result<FindMergeBaseResult> findMergeBaseFromJson(const Json& j)
{
    if (!j.is_object() || !hasString(j, "base_commit_id")) return missing("merge base", "base_commit_id");
    FindMergeBaseResult r;
    r.source_commit_id = j.value("source_commit_id", std::string());
    r.destination_commit_id = j.value("destination_commit_id", std::string());
    r.base_commit_id = j["base_commit_id"].get<std::string>();
    return r;
}

Json actionRunToSpecJson(const ActionRun& r)
{
    Json j = r;
    if (r.end_time.empty()) j.erase("end_time");
    return j;
}

Json hookRunToSpecJson(const HookRun& r)
{
    Json j = r;
    if (r.end_time.empty()) j.erase("end_time");
    return j;
}

Json pullToSpecJson(const PullRequest& p, bool listItem)
{
    Json j = p;
    if (listItem) j.erase("merged_commit_id");
    if (p.closed_date.empty()) j.erase("closed_date");
    return j;
}

Json protectionPatternsToJson(const std::vector<std::string>& patterns)
{
    Json j = Json::array();
    for (const std::string& p : patterns) j.push_back(Json{{"pattern", p}});
    return j;
}

Result<std::vector<std::string>> protectionPatternsFromJson(const Json& j)
{
    if (!j.is_array()) return makeError(ErrorKind::InvalidArgument, "branch protection: body must be an array of {pattern}");
    std::vector<std::string> out;
    for (const Json& item : j) {
        if (!item.is_object() || !hasString(item, "pattern") || item["pattern"].get<std::string>().empty())
            return missing("branch protection rule", "pattern");
        out.push_back(item["pattern"].get<std::string>());
    }
    return out;
}

Result<Json> parseJson(const std::string& text, const std::string& what)
{
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        std::string start = text.substr(0, 80);
        return makeError(ErrorKind::InvalidArgument, what + ": malformed JSON (starts with '" + start + "')");
    }
    return j;
}

std::string toRfc3339(int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int64_t fromRfc3339(const std::string& text)
{
    int y, mo, d, h, mi;
    double s;
    char rest[16] = {0};
    if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%lf%15s", &y, &mo, &d, &h, &mi, &s, rest) < 6) return -1;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = static_cast<int>(s);
    int64_t t = static_cast<int64_t>(timegm(&tm));
    // Offsets: "Z", "+hh:mm", "-hh:mm" (after optional fractional seconds).
    std::string r(rest);
    const size_t pos = r.find_first_of("+-");
    if (pos != std::string::npos) {
        int oh = 0, om = 0;
        if (std::sscanf(r.c_str() + pos + 1, "%d:%d", &oh, &om) >= 1) {
            const int64_t off = oh * 3600 + om * 60;
            t += r[pos] == '+' ? -off : off;
        }
    }
    return t;
}

} // namespace lakeside::remote
