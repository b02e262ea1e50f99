// SPDX-License-Identifier: Apache-2.0
#pragma once
// Process-wide logging for both executables, through spdlog: to stderr and
// to a rotating file in the XDG state directory. Qt code logs through its
// own Q_LOGGING_CATEGORY (forwarded here by the GUI's message handler); the
// engine and other Qt-free code log through named spdlog loggers.

#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace lakeside::logging {

struct Options {
    std::string appName = "lakeside"; // file name: <state dir>/<appName>.log
    std::string level = "info";        // trace, debug, info, warn, error, critical, off
    bool toStderr = true;
    bool toFile = true;
};

// Returns false (and leaves a stderr-only logger) when `level` is unknown;
// `error` then says why. Safe to call more than once (re-initialises).
bool init(const Options& options, std::string* error = nullptr);

// A named logger sharing the process sinks ("engine", "remote", "cli", ...).
std::shared_ptr<spdlog::logger> get(const std::string& name);

// ${XDG_STATE_HOME:-~/.local/state}/lakeside
std::string stateDirectory();
// The log file path init() writes to.
std::string logFilePath(const std::string& appName);

// Workspace resolution shared by the GUI and the CLI, in this order:
// explicit (--workspace), then $LAKESIDE_WORKSPACE, then
// ${XDG_DATA_HOME:-~/.local/share}/lakeside/workspace.
std::string resolveWorkspace(const std::string& explicitPath);
std::string defaultWorkspacePath();

} // namespace lakeside::logging
