// SPDX-License-Identifier: Apache-2.0
#include "review/actionconfig.h"

#include "review/reviewids.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>

namespace lakeside::review {
namespace {

Error bad(const std::string& file, const std::string& why)
{
    return makeError(ErrorKind::InvalidArgument, "action file '" + file + "': " + why);
}

HookProperty propertyFrom(const YAML::Node& n)
{
    HookProperty p;
    if (n.IsScalar()) {
        p.scalar = n.as<std::string>();
    } else if (n.IsSequence()) {
        for (const auto& e : n)
            if (e.IsScalar()) p.list.push_back(e.as<std::string>());
    } else if (n.IsMap()) {
        for (const auto& kv : n) {
            const std::string key = kv.first.as<std::string>();
            if (kv.second.IsScalar()) {
                p.map[key] = kv.second.as<std::string>();
            } else if (kv.second.IsSequence()) {
                for (const auto& e : kv.second)
                    if (e.IsScalar()) p.mapOfLists[key].push_back(e.as<std::string>());
            }
        }
    }
    return p;
}

} // namespace

bool ActionSpec::matches(const std::string& event, const std::string& branch) const
{
    auto it = on.find(event);
    if (it == on.end()) return false;
    if (it->second.branches.empty()) return true;
    for (const std::string& g : it->second.branches)
        if (globMatch(g, branch)) return true;
    return false;
}

Result<ActionSpec> parseAction(const std::string& file, const std::string& yamlText)
{
    static const std::regex nameRule(R"(^\w[\w\-. ]+$)");
    static const std::regex idRule(R"(^[_a-zA-Z][\-_a-zA-Z0-9]{1,255}$)");
    YAML::Node root;
    try {
        root = YAML::Load(yamlText);
    } catch (const YAML::Exception& e) {
        return bad(file, std::string("invalid YAML: ") + e.what());
    }
    try {
        if (!root.IsMap()) return bad(file, "expected a mapping at the top level");
        ActionSpec a;
        a.file = file;
        if (!root["name"] || !root["name"].IsScalar()) return bad(file, "missing 'name'");
        a.name = root["name"].as<std::string>();
        if (!std::regex_match(a.name, nameRule)) return bad(file, "invalid action name '" + a.name + "'");
        const YAML::Node on = root["on"];
        if (!on || !on.IsMap() || on.size() == 0) return bad(file, "missing 'on' events");
        for (const auto& kv : on) {
            EventSpec ev;
            const YAML::Node spec = kv.second;
            if (spec.IsMap() && spec["branches"]) {
                if (!spec["branches"].IsSequence()) return bad(file, "'branches' must be a list");
                for (const auto& b : spec["branches"]) ev.branches.push_back(b.as<std::string>());
            }
            a.on[kv.first.as<std::string>()] = ev;
        }
        const YAML::Node hooks = root["hooks"];
        if (!hooks || !hooks.IsSequence() || hooks.size() == 0) return bad(file, "missing 'hooks' list");
        std::set<std::string> ids;
        for (const auto& h : hooks) {
            HookSpec hs;
            if (!h.IsMap() || !h["id"] || !h["type"]) return bad(file, "every hook needs an 'id' and a 'type'");
            hs.id = h["id"].as<std::string>();
            hs.type = h["type"].as<std::string>();
            if (!std::regex_match(hs.id, idRule)) return bad(file, "invalid hook id '" + hs.id + "'");
            if (!ids.insert(hs.id).second) return bad(file, "duplicate hook id '" + hs.id + "'");
            if (h["description"]) hs.description = h["description"].as<std::string>();
            if (h["properties"] && h["properties"].IsMap())
                for (const auto& kv : h["properties"]) hs.properties[kv.first.as<std::string>()] = propertyFrom(kv.second);
            a.hooks.push_back(std::move(hs));
        }
        return a;
    } catch (const YAML::Exception& e) {
        return bad(file, std::string("invalid action: ") + e.what());
    }
}

} // namespace lakeside::review
