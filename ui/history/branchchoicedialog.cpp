// SPDX-License-Identifier: Apache-2.0
#include "branchchoicedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lakeside::ui {

BranchChoiceDialog::BranchChoiceDialog(const QString& title, const QString& explanation, const QString& okText,
                                       const QStringList& branches, const QString& preferred, int parentCount,
                                       QWidget* parent)
    : QDialog(parent), m_branch(new QComboBox(this)), m_parent(new QSpinBox(this)), m_parentCount(parentCount)
{
    setObjectName(QStringLiteral("branchChoiceDialog"));
    setWindowTitle(title);
    setMinimumWidth(420);
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("explanation"));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    m_branch->setObjectName(QStringLiteral("branchCombo"));
    m_branch->addItems(branches);
    if (const int i = m_branch->findText(preferred); i >= 0) m_branch->setCurrentIndex(i);
    form->addRow(tr("Branch:"), m_branch);
    m_parent->setObjectName(QStringLiteral("parentSpin"));
    m_parent->setRange(1, std::max(1, parentCount));
    m_parent->setToolTip(tr("A merge commit has several parents: the changes are taken relative to this one"));
    if (parentCount > 1) form->addRow(tr("Relative to parent:"), m_parent);
    else m_parent->hide();
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(okText);
    m_ok->setEnabled(!branches.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString BranchChoiceDialog::branch() const { return m_branch->currentText(); }

int BranchChoiceDialog::parentNumber() const { return m_parentCount > 1 ? m_parent->value() : 0; }

} // namespace lakeside::ui
