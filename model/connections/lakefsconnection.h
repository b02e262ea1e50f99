// SPDX-License-Identifier: Apache-2.0
#pragma once
// One saved lakeFS connection without its secret, and the rules a connection
// must meet before it is saved. Plain values; safe to copy between threads.

#include "remote/connectionconfig.h"

#include <QString>
#include <QStringList>

namespace lakeside::connections {

struct LakeFsConnection {
    QString name;            // unique, non-empty; the keychain key
    QString endpoint;        // http(s)://host[:port][/api/v1]
    QString accessKeyId;
    bool skipTlsVerify = false; // explicit per-connection choice, off by default

    bool operator==(const LakeFsConnection&) const = default;
};

// Why `c` cannot be saved, one plain sentence per problem; empty when valid.
// `existingNames` are the names already taken (pass without the connection's
// own old name when editing).
QStringList validationProblems(const LakeFsConnection& c, const QStringList& existingNames);

// True for an absolute http:// or https:// URL with a host.
bool isHttpUrl(const QString& endpoint);

// The client configuration for `c` with `secret` filled in.
remote::ConnectionConfig toConfig(const LakeFsConnection& c, const QString& secret);

} // namespace lakeside::connections
