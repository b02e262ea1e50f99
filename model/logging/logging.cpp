// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace lakeside::logging {
namespace {

std::mutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks;
spdlog::level::level_enum g_level = spdlog::level::info;

std::string envOr(const char* name, const std::string& fallback)
{
    const char* v = std::getenv(name);
    return (v && *v) ? std::string(v) : fallback;
}

std::string home() { return envOr("HOME", "/tmp"); }

} // namespace

std::string stateDirectory()
{
    return envOr("XDG_STATE_HOME", home() + "/.local/state") + "/lakeside";
}

std::string logFilePath(const std::string& appName) { return stateDirectory() + "/" + appName + ".log"; }

std::string defaultWorkspacePath()
{
    return envOr("XDG_DATA_HOME", home() + "/.local/share") + "/lakeside/workspace";
}

std::string resolveWorkspace(const std::string& explicitPath)
{
    if (!explicitPath.empty()) return explicitPath;
    return envOr("LAKESIDE_WORKSPACE", defaultWorkspacePath());
}

bool init(const Options& options, std::string* error)
{
    std::lock_guard lock(g_mutex);
    bool ok = true;
    auto level = spdlog::level::from_str(options.level);
    // from_str answers `off` for anything it does not know; only "off" itself means off.
    if (level == spdlog::level::off && options.level != "off") {
        ok = false;
        if (error) *error = "unknown log level '" + options.level + "' (use trace, debug, info, warn, error, critical or off)";
        level = spdlog::level::info;
    }
    g_level = level;
    g_sinks.clear();
    if (options.toStderr) g_sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (options.toFile) {
        std::error_code ec;
        std::filesystem::create_directories(stateDirectory(), ec);
        try {
            g_sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                logFilePath(options.appName), 5 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex& e) {
            // An unwritable state directory must not stop the program; say so on stderr.
            if (error && ok) *error = std::string("cannot open log file: ") + e.what();
        }
    }
    spdlog::drop_all();
    auto def = std::make_shared<spdlog::logger>(options.appName, g_sinks.begin(), g_sinks.end());
    def->set_level(level);
    def->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::set_default_logger(def);
    return ok;
}

std::shared_ptr<spdlog::logger> get(const std::string& name)
{
    std::lock_guard lock(g_mutex);
    if (auto existing = spdlog::get(name)) return existing;
    std::shared_ptr<spdlog::logger> l;
    if (g_sinks.empty())
        l = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    else
        l = std::make_shared<spdlog::logger>(name, g_sinks.begin(), g_sinks.end());
    l->set_level(g_level);
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::register_logger(l);
    return l;
}

} // namespace lakeside::logging
