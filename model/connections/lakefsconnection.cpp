// SPDX-License-Identifier: Apache-2.0
#include "connections/lakefsconnection.h"

#include <QUrl>

namespace lakeside::connections {

bool isHttpUrl(const QString& endpoint)
{
    const QUrl url(endpoint.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) return false;
    const QString scheme = url.scheme().toLower();
    return (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

QStringList validationProblems(const LakeFsConnection& c, const QStringList& existingNames)
{
    QStringList problems;
    const QString name = c.name.trimmed();
    if (name.isEmpty())
        problems << QStringLiteral("Enter a name for the connection.");
    else if (name.contains(u'/') || name.contains(u'\\'))
        problems << QStringLiteral("The name must not contain '/' or '\\'.");
    else if (existingNames.contains(name, Qt::CaseInsensitive))
        problems << QStringLiteral("A connection named \"%1\" already exists.").arg(name);
    if (c.endpoint.trimmed().isEmpty())
        problems << QStringLiteral("Enter the endpoint URL, e.g. https://lakefs.example.com.");
    else if (!isHttpUrl(c.endpoint))
        problems << QStringLiteral("The endpoint must be an http:// or https:// URL with a host.");
    return problems;
}

remote::ConnectionConfig toConfig(const LakeFsConnection& c, const QString& secret)
{
    remote::ConnectionConfig cfg;
    cfg.name = c.name.toStdString();
    cfg.endpoint = c.endpoint.trimmed().toStdString();
    cfg.access_key_id = c.accessKeyId.trimmed().toStdString();
    cfg.secret_access_key = secret.toStdString();
    cfg.verify_tls = !c.skipTlsVerify;
    return cfg;
}

} // namespace lakeside::connections
