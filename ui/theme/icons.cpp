// SPDX-License-Identifier: Apache-2.0
#include "icons.h"

#include <QHash>
#include <QString>

// lakeside_ui is a static library: its compiled-in resources are only linked
// (and registered) when something references them, so do it explicitly.
static void initResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(lakeside);
        return true;
    }();
    (void)done;
}

namespace lakeside::ui {

QIcon icon(const char* name)
{
    initResources();
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromLatin1(name);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.insert(key, QIcon(QStringLiteral(":/icons/") + key + QStringLiteral(".svg")));
    return *it;
}

QIcon appIcon()
{
    initResources();
    return QIcon(QStringLiteral(":/lakeside.svg"));
}

} // namespace lakeside::ui
