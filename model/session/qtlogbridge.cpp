// SPDX-License-Identifier: Apache-2.0
#include "qtlogbridge.h"

#include "logging/logging.h"

#include <QString>
#include <QtGlobal>

#include <spdlog/spdlog.h>

namespace lakeside {
namespace {

void forward(QtMsgType type, const QMessageLogContext& ctx, const QString& msg)
{
    static const auto logger = logging::get("qt");
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    const char* category = ctx.category ? ctx.category : "default";
    logger->log(level, "{}: {}", category, msg.toStdString());
    if (type == QtFatalMsg) {
        logger->flush();
        std::abort();
    }
}

} // namespace

void installQtMessageHandler() { qInstallMessageHandler(forward); }

} // namespace lakeside
