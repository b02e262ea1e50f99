// SPDX-License-Identifier: Apache-2.0
#pragma once
// Light and dark palettes for the Fusion style, and "System", which follows
// the platform. Qt 6.4 has no colour-scheme API, so System reads the
// lightness of the platform palette's window colour, captured before the
// first palette of ours replaces it.
//
// UI thread only.

#include <QPalette>
#include <QString>

namespace lakeside::ui {

enum class ThemeMode { System, Light, Dark };

class Theme {
public:
    // Remembers the platform palette (call once, early in main, before apply()).
    static void captureSystemPalette();
    static bool systemIsDark();
    static QPalette lightPalette();
    static QPalette darkPalette();
    // Sets the application palette; Fusion must be the style for it to show fully.
    static void apply(ThemeMode mode);
    static ThemeMode current();
    static bool isDark();

    static QString name(ThemeMode mode); // "system", "light", "dark" (QSettings values)
    static ThemeMode fromName(const QString& name);
};

} // namespace lakeside::ui
