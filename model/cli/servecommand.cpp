// SPDX-License-Identifier: Apache-2.0
// serve: a lakeFS-compatible HTTP server over the workspace (or any backend),
// so a team can share a workspace with any lakeFS client. The workspace is
// opened behind ReviewBackend (backendfactory.cpp), so the served API also has
// pulls, actions runs and branch protection, and enforces them.
#include "commands.h"

#include "remote/server.h"

#include <csignal>

namespace lakeside::cli {
namespace {

// Set from SIGINT/SIGTERM; a lock-free atomic store is async-signal-safe.
std::atomic<bool> g_stopRequested{false};

extern "C" void onStopSignal(int) { g_stopRequested.store(true); }

struct ServeArgs {
    std::string listen = "127.0.0.1:8000";
    std::string accessKeyId;
    std::string secretAccessKey;
    int64_t maxUploadMiB = 5 * 1024;
};

Status parseListen(CommandContext& ctx, const std::string& listen, remote::ServerOptions& o)
{
    const size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size())
        return ctx.usage("--listen '" + listen + "' must be HOST:PORT, e.g. 127.0.0.1:8000");
    o.host = listen.substr(0, colon);
    if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']') o.host = o.host.substr(1, o.host.size() - 2);
    try {
        size_t used = 0;
        const int port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1 || port < 0 || port > 65535) throw std::out_of_range("port");
        o.port = port;
    } catch (const std::exception&) {
        return ctx.usage("--listen '" + listen + "': the port must be a number from 0 to 65535");
    }
    return {};
}

Status runServe(CommandContext& ctx, const ServeArgs& a)
{
    remote::ServerOptions options;
    LAKESIDE_RETURN_IF_ERROR(parseListen(ctx, a.listen, options));
    if (a.accessKeyId.empty() || a.secretAccessKey.empty())
        return ctx.usage("serve needs --access-key-id and --secret-access-key (clients authenticate with them)");
    if (a.maxUploadMiB <= 0) return ctx.usage("--max-upload-mib must be positive");
    options.access_key_id = a.accessKeyId;
    options.secret_access_key = a.secretAccessKey;
    options.max_upload_bytes = size_t(a.maxUploadMiB) << 20;
    LAKESIDE_ASSIGN_OR_RETURN(Backend* backend, ctx.backend());

    g_stopRequested.store(false);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    Status st = remote::runServer(*backend, options, &g_stopRequested, [&](int port) {
        // Tests and scripts read this line to learn the port (with --listen HOST:0).
        ctx.out << "serving " << backend->describe() << " at http://" << options.host << ':' << port
                << "/api/v1 (Ctrl+C stops)" << std::endl;
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return st;
}

} // namespace

void addServeCommand(CLI::App& app, CommandContext& ctx)
{
    auto args = std::make_shared<ServeArgs>();
    CLI::App* s = app.add_subcommand("serve", "Serve the workspace over the lakeFS REST API v1 (HTTP Basic auth)");
    s->add_option("--listen", args->listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
    s->add_option("--access-key-id", args->accessKeyId, "Access key id clients must present")->required();
    s->add_option("--secret-access-key", args->secretAccessKey, "Secret clients must present")->required();
    s->add_option("--max-upload-mib", args->maxUploadMiB, "Largest accepted object upload, in MiB")->capture_default_str();
    onRun(s, ctx, [&ctx, args] { return runServe(ctx, *args); });
}

} // namespace lakeside::cli
