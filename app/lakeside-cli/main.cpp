// SPDX-License-Identifier: Apache-2.0
// lakeside-cli: main() only; all logic lives in lakeside_cli. Where the
// desktop app's saved connections are available (builds with QtKeychain),
// `--remote NAME` also reaches a connection saved in the app.
#include "cli/backendfactory.h"
#include "cli/cli.h"

#ifdef LAKESIDE_HAVE_CONNECTIONS
#include "connections/connectionstore.h"
#include "connections/savedconnection.h"

#include <QCoreApplication>

#include <filesystem>
#endif

#include <iostream>
#include <memory>

#ifdef LAKESIDE_HAVE_CONNECTIONS
namespace {

// lakectl-style YAML wins (it is what scripts and CI write); otherwise a
// connection saved by the desktop app under that name, its secret read from
// the system keychain. Qt is started only for this lookup.
// `app` is created here on first use and lives in main()'s scope, so it is
// destroyed before Qt's own statics.
lakeside::Result<std::unique_ptr<lakeside::Backend>> openBackend(const lakeside::cli::GlobalOptions& options,
                                                                 std::unique_ptr<QCoreApplication>& app)
{
    using namespace lakeside;
    std::error_code ec;
    if (options.remote.empty() || std::filesystem::exists(cli::remoteConfigPath(options.remote), ec))
        return cli::openBackend(options);
    static int argc = 1;
    static char name[] = "lakeside-cli";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) {
        app = std::make_unique<QCoreApplication>(argc, argv);
        // The desktop app's identity, so QSettings finds its saved connections.
        QCoreApplication::setOrganizationName(QStringLiteral("Lakeside"));
        QCoreApplication::setApplicationName(QStringLiteral("lakeside"));
    }
    std::unique_ptr<connections::ConnectionStore> store(connections::ConnectionStore::createDefault(nullptr));
    const QString saved = QString::fromStdString(options.remote);
    if (!store->connection(saved)) {
        auto yaml = cli::openBackend(options); // NotFound, saying where it looked for YAML
        if (!yaml.ok() && yaml.error().kind == ErrorKind::NotFound) {
            Error e = yaml.error();
            e.message += ", and no connection of that name is saved in the Lakeside app";
            return e;
        }
        return yaml;
    }
    return connections::openSavedConnection(*store, saved);
}

} // namespace
#endif

int main(int argc, char** argv)
{
    lakeside::cli::CliEnvironment env;
#ifdef LAKESIDE_HAVE_CONNECTIONS
    std::unique_ptr<QCoreApplication> app;
    env.backendFactory = [&app](const lakeside::cli::GlobalOptions& o) { return openBackend(o, app); };
#endif
    return lakeside::cli::runCli(argc, argv, std::cout, std::cerr, env);
}
