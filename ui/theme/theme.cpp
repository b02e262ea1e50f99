// SPDX-License-Identifier: Apache-2.0
#include "theme.h"

#include <QApplication>
#include <QColor>

namespace lakeside::ui {
namespace {

QPalette g_system;
bool g_captured = false;
ThemeMode g_mode = ThemeMode::System;
bool g_dark = false;

} // namespace

void Theme::captureSystemPalette()
{
    if (g_captured) return;
    g_system = QGuiApplication::palette();
    g_captured = true;
}

bool Theme::systemIsDark()
{
    captureSystemPalette();
    return g_system.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette Theme::lightPalette()
{
    QPalette p;
    const QColor window(0xf5, 0xf6, 0xf8), base(Qt::white), text(0x1f, 0x29, 0x33);
    const QColor accent(0x2f, 0x6f, 0xb3), disabled(0x9a, 0xa3, 0xad);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf5, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf2));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xca, 0xd1));
    p.setColor(QPalette::Dark, QColor(0x9a, 0xa3, 0xad));
    p.setColor(QPalette::Shadow, QColor(0x60, 0x68, 0x70));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x4f, 0xa8));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2e, 0x33), base(0x1f, 0x22, 0x26), text(0xe3, 0xe6, 0xea);
    const QColor accent(0x4a, 0x8f, 0xd8), disabled(0x7a, 0x80, 0x88);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x2a, 0x2f));
    p.setColor(QPalette::ToolTipBase, QColor(0x38, 0x3c, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x39, 0x3f));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x51));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x40, 0x46));
    p.setColor(QPalette::Mid, QColor(0x23, 0x26, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xab, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xa8, 0x8b, 0xe0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void Theme::apply(ThemeMode mode)
{
    captureSystemPalette();
    g_mode = mode;
    g_dark = mode == ThemeMode::Dark || (mode == ThemeMode::System && systemIsDark());
    QApplication::setPalette(g_dark ? darkPalette() : lightPalette());
}

ThemeMode Theme::current() { return g_mode; }
bool Theme::isDark() { return g_dark; }

QString Theme::name(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::Light: return QStringLiteral("light");
    case ThemeMode::Dark: return QStringLiteral("dark");
    case ThemeMode::System: break;
    }
    return QStringLiteral("system");
}

ThemeMode Theme::fromName(const QString& name)
{
    if (name == QLatin1String("light")) return ThemeMode::Light;
    if (name == QLatin1String("dark")) return ThemeMode::Dark;
    return ThemeMode::System;
}

} // namespace lakeside::ui
