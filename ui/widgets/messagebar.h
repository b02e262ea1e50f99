// SPDX-License-Identifier: Apache-2.0
#pragma once
// An inline message strip (icon, wrapped text, close button) shown at the
// top of a page for backend errors and notices, instead of modal boxes for
// background work. Hidden until a message arrives; a new message replaces
// the previous one.

#include <QFrame>

class QLabel;
class QToolButton;

namespace lakeside::ui {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    Q_ENUM(Level)

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(Level level, const QString& text);
    void showError(const QString& text) { showMessage(Level::Error, text); }
    void showInfo(const QString& text) { showMessage(Level::Info, text); }
    void clear();

    QString text() const;
    Level level() const { return m_level; }

signals:
    void closed();

private:
    QLabel* m_icon;
    QLabel* m_text;
    QToolButton* m_close;
    Level m_level = Level::Info;
};

} // namespace lakeside::ui
