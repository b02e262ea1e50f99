// SPDX-License-Identifier: Apache-2.0
#pragma once
// Opening a connection saved by the desktop app from a command-line tool, so
// that `lakeside-cli --remote NAME` reaches the same server as the sidebar's
// NAME without a second copy of its secret in a YAML file.
// Thread safety: call from the thread that owns `store`, with a
// QCoreApplication alive. It waits for the keychain in a local event loop,
// so it is for command-line tools only, never for a GUI thread.

#include "api/backend.h"
#include "connections/connectionstore.h"

#include <QString>

#include <memory>

namespace lakeside::connections {

// NotFound when no connection is saved under `name`; the keychain's error
// (locked, no secret service on this session, ...) when its secret cannot be
// read. No network traffic happens here.
Result<std::unique_ptr<Backend>> openSavedConnection(ConnectionStore& store, const QString& name);

} // namespace lakeside::connections
