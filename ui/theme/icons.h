// SPDX-License-Identifier: Apache-2.0
#pragma once
// The application's SVG icons (resources/icons/*.svg, compiled in through
// resources/lakeside.qrc). Theme-neutral colours, readable on light and dark.

#include <QIcon>

namespace lakeside::ui {

// icon("branch") loads :/icons/branch.svg; cached, UI thread only.
QIcon icon(const char* name);
// The application icon (:/lakeside.svg).
QIcon appIcon();

} // namespace lakeside::ui
