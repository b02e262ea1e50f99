// SPDX-License-Identifier: Apache-2.0
#include "messagebar.h"

#include "theme/icons.h"
#include "theme/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace lakeside::ui {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    m_icon->setFixedSize(16, 16);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_close->setIcon(icon("close"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        emit closed();
    });
    hide();
}

void MessageBar::showMessage(Level level, const QString& text)
{
    m_level = level;
    const bool dark = Theme::isDark();
    QString bg, border;
    const char* iconName = "info";
    switch (level) {
    case Level::Info:
        bg = dark ? QStringLiteral("#1f3247") : QStringLiteral("#e8f1fb");
        border = QStringLiteral("#3b82c4");
        break;
    case Level::Warning:
        bg = dark ? QStringLiteral("#43341c") : QStringLiteral("#fdf3e3");
        border = QStringLiteral("#d9822b");
        iconName = "warning";
        break;
    case Level::Error:
        bg = dark ? QStringLiteral("#4a2527") : QStringLiteral("#fcebea");
        border = QStringLiteral("#d04545");
        iconName = "error";
        break;
    }
    setStyleSheet(QStringLiteral("QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }")
                      .arg(bg, border));
    m_icon->setPixmap(icon(iconName).pixmap(16, 16));
    m_text->setText(text);
    show();
}

void MessageBar::clear()
{
    m_text->clear();
    hide();
}

QString MessageBar::text() const { return m_text->text(); }

} // namespace lakeside::ui
