// SPDX-License-Identifier: Apache-2.0
#pragma once
// Forwards Qt's logging (qCInfo(lakeside.ui.*) and Qt's own warnings) to the
// process's spdlog sinks, so the GUI writes one log with the engine.
//
// Call once from main() after lakeside::logging::init(). Thread-safe: the
// handler may run on any thread (spdlog's sinks are the _mt kind).

namespace lakeside {

void installQtMessageHandler();

} // namespace lakeside
