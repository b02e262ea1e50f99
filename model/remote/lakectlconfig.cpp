// SPDX-License-Identifier: Apache-2.0
#include "remote/lakectlconfig.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lakeside::remote {

namespace {

std::string scalar(const YAML::Node& root, const char* a, const char* b)
{
    const YAML::Node section = root[a];
    if (!section || !section.IsMap()) return {};
    const YAML::Node v = section[b];
    if (!v || !v.IsScalar()) return {};
    return v.as<std::string>();
}

} // namespace

Result<ConnectionConfig> parseLakectlYaml(const std::string& yamlText, const std::string& sourceName)
{
    YAML::Node root;
    try {
        root = YAML::Load(yamlText);
    } catch (const YAML::Exception& e) {
        return makeError(ErrorKind::InvalidArgument, sourceName + ": not valid YAML (" + e.what() + ")");
    }
    if (!root.IsMap()) return makeError(ErrorKind::InvalidArgument, sourceName + ": expected a YAML mapping at the top level");
    ConnectionConfig c;
    try {
        c.endpoint = scalar(root, "server", "endpoint_url");
        c.access_key_id = scalar(root, "credentials", "access_key_id");
        c.secret_access_key = scalar(root, "credentials", "secret_access_key");
        const std::string skip = !scalar(root, "server", "skip_verify").empty() ? scalar(root, "server", "skip_verify")
                                                                                : scalar(root, "options", "skip_verify");
        if (skip == "true") c.verify_tls = false;
        if (scalar(root, "server", "verify_tls") == "false") c.verify_tls = false;
    } catch (const YAML::Exception& e) {
        return makeError(ErrorKind::InvalidArgument, sourceName + ": " + e.what());
    }
    if (c.endpoint.empty()) return makeError(ErrorKind::InvalidArgument, sourceName + ": server.endpoint_url is missing");
    if (c.access_key_id.empty()) return makeError(ErrorKind::InvalidArgument, sourceName + ": credentials.access_key_id is missing");
    if (c.secret_access_key.empty())
        return makeError(ErrorKind::InvalidArgument, sourceName + ": credentials.secret_access_key is missing");
    c.name = "lakectl (" + c.endpoint + ")";
    return c;
}

Result<ConnectionConfig> loadLakectlConfig(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorKind::NotFound, "no lakectl configuration at " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parseLakectlYaml(ss.str(), path);
}

std::string defaultLakectlConfigPath()
{
    if (const char* f = std::getenv("LAKECTL_CONFIG_FILE"); f && *f) return f;
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.lakectl.yaml";
}

} // namespace lakeside::remote
