// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a running command needs: the output streams, the global options, the
// Backend (opened on first use, so `--help` and usage errors never touch the
// workspace) and how the outcome is reported. One per runCli() call.

#include "api/json.h"
#include "cli.h"

#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace lakeside::cli {

class CommandContext {
public:
    CommandContext(std::ostream& out, std::ostream& err, const CliEnvironment& env);

    std::ostream& out;
    std::ostream& err;
    GlobalOptions global;
    const CliEnvironment& env;

    // The command chosen by the parser; run after parsing succeeded.
    std::function<Status()> action;

    // Opens the backend on first call (through env.backendFactory or openBackend()).
    Result<Backend*> backend();
    // The workspace directory the local backend uses (global.workspace resolved).
    std::string workspaceDir() const;

    bool json() const { return global.json; }
    void printJson(const Json& j);
    bool stderrIsTerminal() const;

    // A usage error (exit 2): returns an InvalidArgument status to pass up.
    Status usage(std::string message);
    bool usageFailed() const { return m_usageFailed; }

private:
    std::unique_ptr<Backend> m_backend;
    bool m_usageFailed = false;
};

} // namespace lakeside::cli
