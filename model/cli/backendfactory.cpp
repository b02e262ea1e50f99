// SPDX-License-Identifier: Apache-2.0
#include "backendfactory.h"

#include "logging/logging.h"

#ifdef LAKESIDE_HAVE_LOCAL
#include "local/localbackend.h"
#endif
#ifdef LAKESIDE_HAVE_REVIEW
#include "review/reviewbackend.h"
#endif
#ifdef LAKESIDE_HAVE_REMOTE
#include "remote/lakectlconfig.h"
#include "remote/lakefsbackend.h"
#endif

#include <cstdlib>
#include <filesystem>

namespace lakeside::cli {
namespace {

std::string envOr(const char* name, const std::string& fallback)
{
    const char* v = std::getenv(name);
    return (v && *v) ? std::string(v) : fallback;
}

Result<std::unique_ptr<Backend>> openRemote(const std::string& name)
{
#ifdef LAKESIDE_HAVE_REMOTE
    const std::string path = remoteConfigPath(name);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return makeError(ErrorKind::NotFound, "--remote " + name + ": no configuration at " + path +
                                                  " (a lakectl-style YAML with server.endpoint_url and credentials)");
    Result<remote::ConnectionConfig> config = remote::loadLakectlConfig(path);
    if (!config.ok()) return config.error();
    if (config->name.empty()) config->name = name;
    logging::get("cli")->debug("connecting to lakeFS at {}", config->endpoint);
    return std::unique_ptr<Backend>(std::make_unique<remote::LakeFsBackend>(*config));
#else
    return makeError(ErrorKind::NotImplemented, "--remote " + name + ": this lakeside-cli was built without the lakeFS client");
#endif
}

} // namespace

std::string cliUserName()
{
    for (const char* name : {"LAKESIDE_USER", "USER"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "lakeside";
}

std::string remoteConfigPath(const std::string& name)
{
#ifdef LAKESIDE_HAVE_REMOTE
    if (name == "lakectl") return remote::defaultLakectlConfigPath();
#endif
    std::error_code ec;
    if (name.find('/') != std::string::npos || std::filesystem::is_regular_file(name, ec)) return name;
    const std::string config = envOr("XDG_CONFIG_HOME", envOr("HOME", "/tmp") + "/.config");
    return config + "/lakeside/remotes/" + name + ".yaml";
}

Result<std::unique_ptr<Backend>> openBackend(const GlobalOptions& options)
{
    if (!options.remote.empty()) return openRemote(options.remote);
    const std::string dir = logging::resolveWorkspace(options.workspace);
    logging::get("cli")->debug("opening local workspace {}", dir);
#ifdef LAKESIDE_HAVE_LOCAL
    auto opened = LocalBackend::open(dir, options.user.empty() ? cliUserName() : options.user);
    if (!opened.ok()) return opened.error();
#ifdef LAKESIDE_HAVE_REVIEW
    // Every command on a workspace goes through merge review, so protected
    // branches refuse direct writes and pre-commit/pre-merge hooks run.
    auto reviewed = ReviewBackend::open(std::shared_ptr<Backend>(std::move(opened).value()), dir);
    if (!reviewed.ok()) return reviewed.error();
    return std::unique_ptr<Backend>(std::move(reviewed).value());
#else
    return std::unique_ptr<Backend>(std::move(opened).value());
#endif
#else
    return makeError(ErrorKind::NotImplemented,
                     "local workspace " + dir + ": this lakeside-cli was built without the embedded engine");
#endif
}

} // namespace lakeside::cli
