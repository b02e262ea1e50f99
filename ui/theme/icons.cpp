// SPDX-License-Identifier: Apache-2.0
#include "icons.h"

#include <QHash>
#include <QString>

namespace lakeside::ui {

QIcon icon(const char* name)
{
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromLatin1(name);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.insert(key, QIcon(QStringLiteral(":/icons/") + key + QStringLiteral(".svg")));
    return *it;
}

QIcon appIcon() { return QIcon(QStringLiteral(":/lakeside.svg")); }

} // namespace lakeside::ui
