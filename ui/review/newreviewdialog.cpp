// SPDX-License-Identifier: Apache-2.0
#include "ui/review/newreviewdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lakeside::ui {

NewReviewDialog::NewReviewDialog(const QStringList& branches, const QString& defaultDestination, QWidget* parent)
    : QDialog(parent), m_source(new QComboBox(this)), m_destination(new QComboBox(this)),
      m_title(new QLineEdit(this)), m_description(new QPlainTextEdit(this)), m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New review request"));
    setObjectName(QStringLiteral("newReviewDialog"));
    m_source->setObjectName(QStringLiteral("sourceBranch"));
    m_destination->setObjectName(QStringLiteral("destinationBranch"));
    m_title->setObjectName(QStringLiteral("reviewTitleEdit"));
    m_description->setObjectName(QStringLiteral("reviewDescriptionEdit"));
    m_hint->setObjectName(QStringLiteral("newReviewHint"));
    m_hint->setStyleSheet(QStringLiteral("color: #b31d28"));
    for (QComboBox* box : {m_source, m_destination}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->addItems(branches);
    }
    // A sensible start: the first branch that is not the destination.
    m_destination->setCurrentText(defaultDestination);
    for (const QString& b : branches)
        if (b != defaultDestination) {
            m_source->setCurrentText(b);
            break;
        }
    m_title->setPlaceholderText(tr("What this change brings"));
    m_description->setPlaceholderText(tr("Why, what was checked, what reviewers should look at"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Source branch:"), m_source);
    form->addRow(tr("&Destination branch:"), m_destination);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("D&escription:"), m_description);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_source, &QComboBox::currentTextChanged, this, &NewReviewDialog::validate);
    connect(m_destination, &QComboBox::currentTextChanged, this, &NewReviewDialog::validate);
    connect(m_title, &QLineEdit::textChanged, this, &NewReviewDialog::validate);
    validate();
    m_title->setFocus();
}

PullRequestCreation NewReviewDialog::creation() const
{
    PullRequestCreation c;
    c.source_branch = m_source->currentText().trimmed().toStdString();
    c.destination_branch = m_destination->currentText().trimmed().toStdString();
    c.title = m_title->text().trimmed().toStdString();
    c.description = m_description->toPlainText().trimmed().toStdString();
    return c;
}

void NewReviewDialog::validate()
{
    const QString source = m_source->currentText().trimmed(), destination = m_destination->currentText().trimmed();
    QString hint;
    if (source.isEmpty() || destination.isEmpty()) hint = tr("Choose a source and a destination branch.");
    else if (source == destination) hint = tr("Source and destination must differ.");
    else if (m_title->text().trimmed().isEmpty()) hint = tr("Give the request a title.");
    m_hint->setText(hint);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(hint.isEmpty());
}

} // namespace lakeside::ui
