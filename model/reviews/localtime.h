// SPDX-License-Identifier: Apache-2.0
#pragma once
// How the review tables and the review screen show a backend timestamp: an
// ISO 8601 string (lakeFS's creation_date, start_time, ...) in the user's
// local time; a string that does not parse is shown as it came, so nothing
// the backend said is ever hidden.
// Thread safety: a pure function.

#include <QDateTime>
#include <QString>

#include <string>

#include "session/qtconvert.h"

namespace lakeside::reviews {

inline QString localIsoTime(const std::string& iso, bool withSeconds = false)
{
    const QDateTime t = QDateTime::fromString(qs(iso), Qt::ISODate);
    if (!t.isValid()) return qs(iso);
    return t.toLocalTime().toString(withSeconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                : QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace lakeside::reviews
