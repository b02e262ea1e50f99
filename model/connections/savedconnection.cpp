// SPDX-License-Identifier: Apache-2.0
#include "connections/savedconnection.h"

#include "connections/lakefsconnection.h"
#include "remote/lakefsbackend.h"

#include <QEventLoop>

#include <optional>

namespace lakeside::connections {

Result<std::unique_ptr<Backend>> openSavedConnection(ConnectionStore& store, const QString& name)
{
    const std::optional<LakeFsConnection> c = store.connection(name);
    if (!c)
        return makeError(ErrorKind::NotFound, "no connection named '" + name.toStdString() + "' is saved in Lakeside");
    // Secret stores may answer at once or later from the event loop; wait
    // for either without spinning.
    std::optional<Result<QString>> secret;
    QEventLoop loop;
    store.readSecret(name, [&secret, &loop](Result<QString> s) {
        secret = std::move(s);
        loop.quit();
    });
    if (!secret) loop.exec();
    if (!secret->ok()) {
        Error e = secret->error();
        e.message = "connection '" + name.toStdString() + "': cannot read its secret from the keychain: " + e.message;
        return e;
    }
    return std::unique_ptr<Backend>(std::make_unique<remote::LakeFsBackend>(toConfig(*c, secret->value())));
}

} // namespace lakeside::connections
