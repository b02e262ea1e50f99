// SPDX-License-Identifier: Apache-2.0
#pragma once
// lakeFS `webhook` hooks: POST the event JSON to properties.url (with
// query_params and headers) and wait at most properties.timeout (default 1m). Anything but
// 2xx, or a timeout, fails the hook. The output records request and response.
// Thread safety: reentrant (one curl handle per call).

#include "review/actionconfig.h"
#include "review/builtincheck.h"

namespace lakeside::review {

HookOutcome runWebhook(const HookSpec& hook, const std::string& eventJson);

} // namespace lakeside::review
