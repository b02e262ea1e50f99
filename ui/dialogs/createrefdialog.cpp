// SPDX-License-Identifier: Apache-2.0
#include "createrefdialog.h"

#include "api/names.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lakeside::ui {

CreateRefDialog::CreateRefDialog(Kind kind, const QString& repo, const QString& source,
                                 const QStringList& existing, QWidget* parent)
    : QDialog(parent), m_kind(kind), m_existing(existing), m_name(new QLineEdit(this)),
      m_source(new QLineEdit(source, this)), m_reason(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(kind == Kind::Branch ? QStringLiteral("createBranchDialog") : QStringLiteral("createTagDialog"));
    setWindowTitle(kind == Kind::Branch ? tr("New Branch in %1").arg(repo) : tr("New Tag in %1").arg(repo));
    setMinimumWidth(420);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(kind == Kind::Branch ? tr("e.g. feature-cleanup") : tr("e.g. v1.2"));
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setToolTip(tr("A branch, a tag, a commit id or an expression such as main~2"));
    form->addRow(kind == Kind::Branch ? tr("Branch name:") : tr("Tag name:"), m_name);
    form->addRow(kind == Kind::Branch ? tr("From:") : tr("At:"), m_source);
    layout->addLayout(form);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    QPalette pal = m_reason->palette();
    pal.setColor(QPalette::WindowText, QColor(0xd0, 0x45, 0x45));
    m_reason->setPalette(pal);
    layout->addWidget(m_reason);
    layout->addStretch();
    layout->addWidget(m_buttons);
    okButton()->setText(kind == Kind::Branch ? tr("Create Branch") : tr("Create Tag"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRefDialog::validate);
    connect(m_source, &QLineEdit::textChanged, this, &CreateRefDialog::validate);
    validate();
    m_reason->clear(); // an empty name is not an error yet, just incomplete
}

QString CreateRefDialog::name() const { return m_name->text().trimmed(); }
QString CreateRefDialog::source() const { return m_source->text().trimmed(); }
QPushButton* CreateRefDialog::okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }

void CreateRefDialog::validate()
{
    const std::string n = name().toStdString();
    Status st = m_kind == Kind::Branch ? validateBranchId(n) : validateTagId(n);
    QString reason;
    if (!st.ok())
        reason = QString::fromStdString(st.message());
    else if (m_existing.contains(name()))
        reason = (m_kind == Kind::Branch ? tr("A branch named '%1' already exists") : tr("A tag named '%1' already exists"))
                     .arg(name());
    else if (Status s = validateRef(source().toStdString()); !s.ok())
        reason = tr("Source: %1").arg(QString::fromStdString(s.message()));
    m_reason->setText(reason);
    okButton()->setEnabled(reason.isEmpty());
}

} // namespace lakeside::ui
