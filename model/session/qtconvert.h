// SPDX-License-Identifier: Apache-2.0
#pragma once
// Conversions between the Qt-free api types (std::string, unix seconds) and
// Qt's, in one place so every model formats names, dates and errors alike.

#include <QDateTime>
#include <QString>

#include <string>

#include "api/status.h"

namespace lakeside {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

inline QDateTime fromUnix(int64_t secs) { return QDateTime::fromSecsSinceEpoch(secs); }

// A message a user can read: the backend's own message (it names the object),
// prefixed with what we were doing when it failed.
inline QString errorText(const QString& doing, const Error& e)
{
    return doing.isEmpty() ? qs(e.message) : doing + QStringLiteral(": ") + qs(e.message);
}

} // namespace lakeside
