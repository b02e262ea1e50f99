// SPDX-License-Identifier: Apache-2.0
#include "ui/review/objectdiffview.h"

#include "compare/objectdiff.h"
#include "compare/tablediffpane.h"
#include "compare/textdiffpane.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lakeside::ui {

ObjectDiffView::ObjectDiffView(const QString& title, QWidget* parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_stack(new QStackedWidget(this)),
      m_message(new QLabel(this)), m_text(new TextDiffPane(this)), m_table(new TableDiffPane(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSideBySide(false);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_table);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
}

void ObjectDiffView::showDiff(const compare::ObjectDiff& diff)
{
    if (!diff.error.isEmpty()) return showMessage(diff.error);
    if (diff.table) {
        m_table->setResult(*diff.table);
        m_stack->setCurrentWidget(m_table);
        return;
    }
    if (diff.kind == compare::ContentKind::Text && !diff.tooLarge) {
        m_text->setDiff(diff.oldLines, diff.newLines, diff.lines);
        m_stack->setCurrentWidget(m_text);
        return;
    }
    auto side = [](const compare::ObjectSide& s) {
        return s.present ? tr("%1 bytes, checksum %2").arg(s.size).arg(s.checksum) : tr("absent");
    };
    showMessage(tr("Base: %1\nChanged to: %2").arg(side(diff.oldSide), side(diff.newSide)));
    m_stack->setProperty("kind", QStringLiteral("other"));
}

void ObjectDiffView::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_stack->setProperty("kind", QStringLiteral("message"));
}

QString ObjectDiffView::shownKind() const
{
    if (m_stack->currentWidget() == m_table) return QStringLiteral("table");
    if (m_stack->currentWidget() == m_text) return QStringLiteral("text");
    return m_stack->property("kind").toString();
}

} // namespace lakeside::ui
