// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakeFS request and response bodies that model/api/json.h does not cover
// (request shapes, service answers). Used by both LakeFsBackend (to_json of
// requests, parsing answers) and the server (the reverse), so each shape is
// written once. Parsers are lenient about absent optional fields and return
// InvalidArgument naming the field when a required one is missing.

#include "api/json.h"
#include "api/status.h"
#include "api/types.h"

#include <string>
#include <vector>

namespace lakeside::remote {

Json repositoryCreationToJson(const RepositoryCreation& c);
Result<RepositoryCreation> repositoryCreationFromJson(const Json& j);

Json commitCreationToJson(const CommitCreation& c);
Result<CommitCreation> commitCreationFromJson(const Json& j);

// lakeFS's Merge body. Per-path resolutions travel as the Lakeside extension
// "x_lakeside_resolutions" {path: "dest-wins"|"source-wins"}; lakeFS ignores it.
Json mergeParamsToJson(const MergeParams& p);
Result<MergeParams> mergeParamsFromJson(const Json& j);
Result<MergeStrategy> mergeStrategyFromName(const std::string& name);

Json commitOverridesToJson(const CommitOverrides& o);
CommitOverrides commitOverridesFromJson(const Json& j);

const char* resetTypeName(ResetType t);
Result<ResetType> resetTypeFromName(const std::string& name);

Json pullCreationToJson(const PullRequestCreation& c);
Result<PullRequestCreation> pullCreationFromJson(const Json& j);
Json pullUpdateToJson(const PullRequestUpdate& u);
Result<PullRequestUpdate> pullUpdateFromJson(const Json& j);
Result<PullStatus> pullStatusFromName(const std::string& name); // case-insensitive

Json findMergeBaseToJson(const FindMergeBaseResult& r);
Result<FindMergeBaseResult> findMergeBaseFromJson(const Json& j);

// ActionRun without empty date-time fields (the spec's format forbids "").
Json actionRunToSpecJson(const ActionRun& r);
Json hookRunToSpecJson(const HookRun& r);
// A pull request as a list item: lakeFS leaves out description and merged_commit_id.
Json pullToSpecJson(const PullRequest& p, bool listItem);

// [{"pattern": "..."}]
Json protectionPatternsToJson(const std::vector<std::string>& patterns);
Result<std::vector<std::string>> protectionPatternsFromJson(const Json& j);

// Parses text as JSON; InvalidArgument "<what>: malformed JSON ..." otherwise.
Result<Json> parseJson(const std::string& text, const std::string& what);

// Unix seconds <-> RFC 3339 (UTC, "2024-01-02T03:04:05Z"); -1 when unparsable.
std::string toRfc3339(int64_t unixSeconds);
int64_t fromRfc3339(const std::string& text);

} // namespace lakeside::remote
