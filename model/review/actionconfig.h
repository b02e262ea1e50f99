// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakeFS action files (`_lakefs_actions/*.yaml`, REFERENCE.md §8): parsing and
// event matching. Properties are kept as YAML text-free values: scalars as
// strings, lists as string lists, maps as string maps (one level deep, which is
// what webhooks and Lakeside's built-in checks use).
// Thread safety: pure functions.

#include "api/status.h"

#include <map>
#include <string>
#include <vector>

namespace lakeside::review {

struct HookProperty {
    std::string scalar;
    std::vector<std::string> list;
    std::map<std::string, std::string> map;
    std::map<std::string, std::vector<std::string>> mapOfLists; // e.g. query_params: {x: [a, b]}
};

struct HookSpec {
    std::string id;
    std::string type;
    std::string description;
    std::map<std::string, HookProperty> properties;
};

struct EventSpec {
    std::vector<std::string> branches; // empty: every branch
};

struct ActionSpec {
    std::string file; // path inside the repository
    std::string name;
    std::map<std::string, EventSpec> on; // "pre-merge", "pre-commit", ...
    std::vector<HookSpec> hooks;

    // True when the action handles `event` on `branch`.
    bool matches(const std::string& event, const std::string& branch) const;
};

// Parses one action file. InvalidArgument naming `file` and the problem (bad
// YAML, missing/invalid name, hook without id or type, duplicate hook id).
Result<ActionSpec> parseAction(const std::string& file, const std::string& yamlText);

} // namespace lakeside::review
