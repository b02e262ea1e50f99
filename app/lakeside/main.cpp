// SPDX-License-Identifier: Apache-2.0
// lakeside [--workspace DIR] [--log-level L] [--version] [--help]
#include "jobs/taskcenter.h"
#include "logging/logging.h"
#include "mainwindow.h"
#include "session/qtlogbridge.h"
#include "session/workspaceloader.h"
#include "theme/theme.h"
#include "widgets/messagebar.h"
#ifdef LAKESIDE_HAVE_CONNECTIONS
#include "connections/connectionscontroller.h"
#include "connections/connectionstore.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QSettings>
#include <QStyleFactory>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "lakeside.ui.app", QtInfoMsg)

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Lakeside"));
    QApplication::setApplicationName(QStringLiteral("lakeside"));
    QApplication::setApplicationDisplayName(QStringLiteral("Lakeside"));
    QApplication::setApplicationVersion(QStringLiteral(LAKESIDE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.lakeside.Lakeside"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lakeside: versioned data products on your desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOpt(
        QStringLiteral("workspace"),
        QStringLiteral("Open the embedded workspace in DIR (default: $LAKESIDE_WORKSPACE, else %1).")
            .arg(QString::fromStdString(lakeside::logging::defaultWorkspacePath())),
        QStringLiteral("DIR"));
    const QCommandLineOption levelOpt(QStringLiteral("log-level"),
                                      QStringLiteral("Log level: trace, debug, info, warn, error, critical, off."),
                                      QStringLiteral("LEVEL"), QStringLiteral("info"));
    parser.addOption(workspaceOpt);
    parser.addOption(levelOpt);
    parser.process(app); // exits for --help, --version and unknown options

    lakeside::logging::Options logOptions;
    logOptions.level = parser.value(levelOpt).toStdString();
    std::string logError;
    if (!lakeside::logging::init(logOptions, &logError)) {
        std::fprintf(stderr, "lakeside: %s\n", logError.c_str());
        return 2;
    }
    lakeside::installQtMessageHandler();

    using lakeside::ui::Theme;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    Theme::captureSystemPalette();
    Theme::apply(Theme::fromName(QSettings().value(QStringLiteral("view/theme")).toString()));

    lakeside::ui::MainWindow window;
    window.restoreSettings();
    window.show();
#ifdef LAKESIDE_HAVE_CONNECTIONS
    // The saved lakeFS connections: rows now, network only when expanded.
    auto* connections = new lakeside::ui::ConnectionsController(
        lakeside::connections::ConnectionStore::createDefault(&window), &window);
    connections->loadSaved();
#endif

    const QString workspace =
        QString::fromStdString(lakeside::logging::resolveWorkspace(parser.value(workspaceOpt).toStdString()));
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) user = QStringLiteral("lakeside");

    lakeside::WorkspaceLoader loader;
    const bool first = lakeside::WorkspaceLoader::isFirstStart(workspace);
    lakeside::TaskCenter* tasks = window.tasks();
    const int task = tasks->begin(first ? QObject::tr("Creating demo workspace…") : QObject::tr("Opening workspace…"),
                                  [&loader, tasks, &task] {
                                      loader.cancel();
                                      tasks->finish(task);
                                  });
    QObject::connect(&loader, &lakeside::WorkspaceLoader::progress, tasks,
                     [tasks, task](qint64 done, qint64 total) { tasks->progress(task, done, total); });
    QObject::connect(&loader, &lakeside::WorkspaceLoader::ready, &window,
                     [&window, tasks, task, workspace](std::shared_ptr<lakeside::Backend> backend, bool demo) {
                         tasks->finish(task);
                         window.addConnection(QObject::tr("Local workspace"), std::move(backend));
                         if (demo)
                             window.messageBar()->showInfo(
                                 QObject::tr("Welcome! A new workspace was created in %1 with three demo data "
                                             "products to explore.")
                                     .arg(workspace));
                     });
    QObject::connect(&loader, &lakeside::WorkspaceLoader::failed, &window, [&window, tasks, task](const QString& m) {
        tasks->finish(task);
        qCCritical(lcApp).noquote() << m;
        window.messageBar()->showError(m);
    });
    loader.start(workspace, user);

    const int rc = QApplication::exec();
    qCInfo(lcApp) << "exiting with" << rc;
    return rc;
}
