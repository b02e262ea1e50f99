// SPDX-License-Identifier: Apache-2.0
#include "commandcontext.h"

#include "backendfactory.h"
#include "logging/logging.h"

#include <unistd.h>

namespace lakeside::cli {

CommandContext::CommandContext(std::ostream& o, std::ostream& e, const CliEnvironment& environment)
    : out(o), err(e), env(environment)
{
}

Result<Backend*> CommandContext::backend()
{
    if (!m_backend) {
        Result<std::unique_ptr<Backend>> opened =
            env.backendFactory ? env.backendFactory(global) : openBackend(global);
        if (!opened.ok()) return opened.error();
        m_backend = std::move(opened).value();
        if (!m_backend) return makeError(ErrorKind::Internal, "no backend was opened");
    }
    return m_backend.get();
}

std::string CommandContext::workspaceDir() const { return logging::resolveWorkspace(global.workspace); }

void CommandContext::printJson(const Json& j) { out << j.dump(2) << '\n'; }

bool CommandContext::stderrIsTerminal() const
{
    if (env.stderrIsTerminal) return env.stderrIsTerminal();
    return ::isatty(STDERR_FILENO) == 1;
}

Status CommandContext::usage(std::string message)
{
    m_usageFailed = true;
    return makeError(ErrorKind::InvalidArgument, std::move(message));
}

} // namespace lakeside::cli
