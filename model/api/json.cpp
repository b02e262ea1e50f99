// SPDX-License-Identifier: Apache-2.0
#include "json.h"

namespace lakeside {
namespace {

PathType pathTypeFrom(const std::string& s) { return s == "common_prefix" ? PathType::CommonPrefix : PathType::Object; }
const char* pathTypeName(PathType t) { return t == PathType::CommonPrefix ? "common_prefix" : "object"; }

DiffType diffTypeFrom(const std::string& s)
{
    if (s == "added") return DiffType::Added;
    if (s == "removed") return DiffType::Removed;
    if (s == "conflict") return DiffType::Conflict;
    if (s == "prefix_changed") return DiffType::PrefixChanged;
    return DiffType::Changed;
}

PullStatus pullStatusFrom(const std::string& s)
{
    if (s == "closed") return PullStatus::Closed;
    if (s == "merged") return PullStatus::Merged;
    return PullStatus::Open;
}

const char* verdictName(ReviewVerdict v)
{
    switch (v) {
    case ReviewVerdict::Approve: return "approve";
    case ReviewVerdict::RequestChanges: return "request_changes";
    case ReviewVerdict::Comment: return "comment";
    }
    return "comment";
}

ReviewVerdict verdictFrom(const std::string& s)
{
    if (s == "approve") return ReviewVerdict::Approve;
    if (s == "request_changes") return ReviewVerdict::RequestChanges;
    return ReviewVerdict::Comment;
}

Metadata metadataFrom(const Json& j, const char* key)
{
    Metadata m;
    if (auto it = j.find(key); it != j.end() && it->is_object())
        for (auto& [k, v] : it->items()) m[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return m;
}

} // namespace

void to_json(Json& j, const Repository& v)
{
    j = Json{{"id", v.id}, {"creation_date", v.creation_date}, {"default_branch", v.default_branch},
             {"storage_namespace", v.storage_namespace}, {"read_only", v.read_only}};
}
void from_json(const Json& j, Repository& v)
{
    v.id = j.at("id").get<std::string>();
    v.creation_date = j.value("creation_date", int64_t(0));
    v.default_branch = j.value("default_branch", std::string());
    v.storage_namespace = j.value("storage_namespace", std::string());
    v.read_only = j.value("read_only", false);
}

void to_json(Json& j, const Ref& v) { j = Json{{"id", v.id}, {"commit_id", v.commit_id}}; }
void from_json(const Json& j, Ref& v)
{
    v.id = j.at("id").get<std::string>();
    v.commit_id = j.value("commit_id", std::string());
}

void to_json(Json& j, const Commit& v)
{
    j = Json{{"id", v.id}, {"parents", v.parents}, {"committer", v.committer}, {"message", v.message},
             {"creation_date", v.creation_date}, {"meta_range_id", v.meta_range_id},
             {"metadata", v.metadata}, {"generation", v.generation}, {"version", v.version}};
}
void from_json(const Json& j, Commit& v)
{
    v.id = j.at("id").get<std::string>();
    v.parents = j.value("parents", std::vector<std::string>());
    v.committer = j.value("committer", std::string());
    v.message = j.value("message", std::string());
    v.creation_date = j.value("creation_date", int64_t(0));
    v.meta_range_id = j.value("meta_range_id", std::string());
    v.metadata = metadataFrom(j, "metadata");
    v.generation = j.value("generation", int64_t(0));
    v.version = j.value("version", 1);
}

void to_json(Json& j, const ObjectStats& v)
{
    j = Json{{"path", v.path}, {"path_type", pathTypeName(v.path_type)}};
    if (v.path_type == PathType::Object) {
        j["physical_address"] = v.physical_address;
        j["checksum"] = v.checksum;
        j["size_bytes"] = v.size_bytes;
        j["mtime"] = v.mtime;
        j["content_type"] = v.content_type;
        j["metadata"] = v.metadata;
    } else {
        // The spec requires these on every ObjectStats; lakeFS sends them empty for prefixes.
        j["physical_address"] = "";
        j["checksum"] = "";
        j["mtime"] = 0;
    }
}
void from_json(const Json& j, ObjectStats& v)
{
    v.path = j.at("path").get<std::string>();
    v.path_type = pathTypeFrom(j.value("path_type", std::string("object")));
    v.physical_address = j.value("physical_address", std::string());
    v.checksum = j.value("checksum", std::string());
    v.size_bytes = j.value("size_bytes", int64_t(0));
    v.mtime = j.value("mtime", int64_t(0));
    v.content_type = j.value("content_type", std::string());
    v.metadata = metadataFrom(j, "metadata");
}

void to_json(Json& j, const DiffEntry& v)
{
    j = Json{{"type", diffTypeName(v.type)}, {"path", v.path}, {"path_type", pathTypeName(v.path_type)}};
    if (v.size_bytes && v.path_type == PathType::Object) j["size_bytes"] = *v.size_bytes;
}
void from_json(const Json& j, DiffEntry& v)
{
    v.type = diffTypeFrom(j.at("type").get<std::string>());
    v.path = j.at("path").get<std::string>();
    v.path_type = pathTypeFrom(j.value("path_type", std::string("object")));
    if (auto it = j.find("size_bytes"); it != j.end() && it->is_number()) v.size_bytes = it->get<int64_t>();
    if (auto it = j.find("right"); it != j.end() && it->is_object()) v.right_checksum = it->value("checksum", std::string());
}

void to_json(Json& j, const PullRequest& v)
{
    j = Json{{"id", v.id}, {"status", pullStatusName(v.status)}, {"title", v.title},
             {"description", v.description}, {"author", v.author}, {"source_branch", v.source_branch},
             {"destination_branch", v.destination_branch}, {"creation_date", v.creation_date}};
    if (!v.closed_date.empty()) j["closed_date"] = v.closed_date;
    if (!v.merged_commit_id.empty()) j["merged_commit_id"] = v.merged_commit_id;
}
void from_json(const Json& j, PullRequest& v)
{
    v.id = j.at("id").get<std::string>();
    v.status = pullStatusFrom(j.value("status", std::string("open")));
    v.title = j.value("title", std::string());
    v.description = j.value("description", std::string());
    v.author = j.value("author", std::string());
    v.source_branch = j.value("source_branch", std::string());
    v.destination_branch = j.value("destination_branch", std::string());
    v.creation_date = j.value("creation_date", std::string());
    v.closed_date = j.value("closed_date", std::string());
    v.merged_commit_id = j.value("merged_commit_id", std::string());
}

void to_json(Json& j, const Review& v)
{
    j = Json{{"author", v.author}, {"verdict", verdictName(v.verdict)}, {"comment", v.comment}, {"created", v.created}};
}
void from_json(const Json& j, Review& v)
{
    v.author = j.value("author", std::string());
    v.verdict = verdictFrom(j.value("verdict", std::string()));
    v.comment = j.value("comment", std::string());
    v.created = j.value("created", std::string());
}

void to_json(Json& j, const ActionRun& v)
{
    j = Json{{"run_id", v.run_id}, {"branch", v.branch}, {"commit_id", v.commit_id},
             {"event_type", v.event_type}, {"status", v.status}, {"start_time", v.start_time}};
    // end_time is an optional date-time in the spec: an empty string would violate its format.
    if (!v.end_time.empty()) j["end_time"] = v.end_time;
}
void from_json(const Json& j, ActionRun& v)
{
    v.run_id = j.at("run_id").get<std::string>();
    v.branch = j.value("branch", std::string());
    v.commit_id = j.value("commit_id", std::string());
    v.event_type = j.value("event_type", std::string());
    v.status = j.value("status", std::string());
    v.start_time = j.value("start_time", std::string());
    v.end_time = j.value("end_time", std::string());
}

void to_json(Json& j, const HookRun& v)
{
    j = Json{{"hook_run_id", v.hook_run_id}, {"action", v.action}, {"hook_id", v.hook_id},
             {"status", v.status}, {"start_time", v.start_time}};
    if (!v.end_time.empty()) j["end_time"] = v.end_time;
}
void from_json(const Json& j, HookRun& v)
{
    v.hook_run_id = j.at("hook_run_id").get<std::string>();
    v.action = j.value("action", std::string());
    v.hook_id = j.value("hook_id", std::string());
    v.status = j.value("status", std::string());
    v.start_time = j.value("start_time", std::string());
    v.end_time = j.value("end_time", std::string());
}

void to_json(Json& j, const ObjectError& v)
{
    j = Json{{"path", v.path}, {"status_code", v.status_code}, {"message", v.message}};
}
void from_json(const Json& j, ObjectError& v)
{
    v.path = j.value("path", std::string());
    v.status_code = j.value("status_code", 0);
    v.message = j.value("message", std::string());
}

Json errorToJson(const Error& e) { return Json{{"message", e.message}}; }

} // namespace lakeside
