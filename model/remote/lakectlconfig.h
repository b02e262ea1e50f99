// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reads a lakectl configuration (~/.lakectl.yaml) into a ConnectionConfig so
// a user who already uses lakectl can connect in one click. Qt-free; the GUI
// moves the secret into the system keychain afterwards.

#include "api/status.h"
#include "remote/connectionconfig.h"

#include <string>

namespace lakeside::remote {

// Keys read: credentials.access_key_id, credentials.secret_access_key,
// server.endpoint_url (required), plus server.verify_tls or
// server.skip_verify / options.skip_verify when present. Errors:
// NotFound (no file), InvalidArgument naming the missing key or the YAML error.
Result<ConnectionConfig> parseLakectlYaml(const std::string& yamlText, const std::string& sourceName = "lakectl.yaml");
Result<ConnectionConfig> loadLakectlConfig(const std::string& path);
// $LAKECTL_CONFIG_FILE or ~/.lakectl.yaml
std::string defaultLakectlConfigPath();

} // namespace lakeside::remote
