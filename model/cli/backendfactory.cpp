// SPDX-License-Identifier: Apache-2.0
#include "backendfactory.h"

#include "logging/logging.h"

#ifdef LAKESIDE_HAVE_LOCAL
#include "local/localbackend.h"
#endif

#include <cstdlib>

namespace lakeside::cli {

std::string cliUserName()
{
    for (const char* name : {"LAKESIDE_USER", "USER"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "lakeside";
}

Result<std::unique_ptr<Backend>> openBackend(const GlobalOptions& options)
{
    if (!options.remote.empty())
        return makeError(ErrorKind::NotImplemented,
                         "--remote " + options.remote + ": this lakeside-cli was built without the lakeFS client");
    const std::string dir = logging::resolveWorkspace(options.workspace);
    logging::get("cli")->debug("opening local workspace {}", dir);
#ifdef LAKESIDE_HAVE_LOCAL
    auto opened = LocalBackend::open(dir, options.user.empty() ? cliUserName() : options.user);
    if (!opened.ok()) return opened.error();
    return std::unique_ptr<Backend>(std::move(opened).value());
#else
    return makeError(ErrorKind::NotImplemented,
                     "local workspace " + dir + ": this lakeside-cli was built without the embedded engine");
#endif
}

} // namespace lakeside::cli
