// SPDX-License-Identifier: Apache-2.0
#include "commitdialog.h"

#include "theme/icons.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lakeside::ui {

CommitDialog::CommitDialog(const QString& repo, const QString& branch, int changes, QWidget* parent)
    : QDialog(parent), m_message(new QPlainTextEdit(this)), m_metadata(new QTableWidget(0, 2, this)),
      m_addRow(new QPushButton(icon("add"), tr("Add"), this)),
      m_removeRow(new QPushButton(icon("delete"), tr("Remove"), this)), m_reason(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("commitDialog"));
    setWindowTitle(tr("Commit to %1").arg(branch));
    resize(520, 440);
    auto* layout = new QVBoxLayout(this);
    auto* summary = new QLabel(tr("<b>%1</b> uncommitted change(s) on branch <b>%2</b> of %3").arg(changes).arg(branch, repo), this);
    layout->addWidget(summary);
    layout->addWidget(new QLabel(tr("Message:"), this));
    m_message->setObjectName(QStringLiteral("messageEdit"));
    m_message->setPlaceholderText(tr("Describe what changed and why"));
    m_message->setTabChangesFocus(true);
    layout->addWidget(m_message, 2);
    layout->addWidget(new QLabel(tr("Metadata:"), this));
    m_metadata->setObjectName(QStringLiteral("metadataTable"));
    m_metadata->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->horizontalHeader()->setStretchLastSection(true);
    m_metadata->verticalHeader()->hide();
    layout->addWidget(m_metadata, 1);
    auto* rowButtons = new QHBoxLayout;
    m_addRow->setObjectName(QStringLiteral("addRowButton"));
    rowButtons->addWidget(m_addRow);
    rowButtons->addWidget(m_removeRow);
    rowButtons->addStretch();
    layout->addLayout(rowButtons);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    QPalette pal = m_reason->palette();
    pal.setColor(QPalette::WindowText, QColor(0xd0, 0x45, 0x45));
    m_reason->setPalette(pal);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    okButton()->setText(tr("Commit"));

    connect(m_addRow, &QPushButton::clicked, this, [this] { addMetadataRow(); });
    connect(m_removeRow, &QPushButton::clicked, this, [this] {
        if (m_metadata->currentRow() >= 0) m_metadata->removeRow(m_metadata->currentRow());
        validate();
    });
    connect(m_message, &QPlainTextEdit::textChanged, this, &CommitDialog::validate);
    connect(m_metadata, &QTableWidget::itemChanged, this, &CommitDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QPushButton* CommitDialog::okButton() const { return m_buttons->button(QDialogButtonBox::Ok); }

QString CommitDialog::message() const { return m_message->toPlainText().trimmed(); }

void CommitDialog::addMetadataRow(const QString& key, const QString& value)
{
    const int row = m_metadata->rowCount();
    m_metadata->insertRow(row);
    m_metadata->setItem(row, 0, new QTableWidgetItem(key));
    m_metadata->setItem(row, 1, new QTableWidgetItem(value));
    m_metadata->setCurrentCell(row, 0);
    validate();
}

std::map<std::string, std::string> CommitDialog::metadata() const
{
    std::map<std::string, std::string> out;
    for (int r = 0; r < m_metadata->rowCount(); ++r) {
        const QString key = m_metadata->item(r, 0) ? m_metadata->item(r, 0)->text().trimmed() : QString();
        const QString value = m_metadata->item(r, 1) ? m_metadata->item(r, 1)->text() : QString();
        if (!key.isEmpty()) out[key.toStdString()] = value.toStdString();
    }
    return out;
}

void CommitDialog::validate()
{
    QString reason;
    QSet<QString> keys;
    for (int r = 0; r < m_metadata->rowCount() && reason.isEmpty(); ++r) {
        const QString key = m_metadata->item(r, 0) ? m_metadata->item(r, 0)->text().trimmed() : QString();
        const QString value = m_metadata->item(r, 1) ? m_metadata->item(r, 1)->text() : QString();
        if (key.isEmpty() && !value.isEmpty()) reason = tr("Metadata row %1 has a value but no key").arg(r + 1);
        else if (!key.isEmpty() && keys.contains(key)) reason = tr("Metadata key '%1' appears twice").arg(key);
        keys.insert(key);
    }
    m_reason->setText(reason);
    okButton()->setEnabled(reason.isEmpty() && !message().isEmpty());
}

} // namespace lakeside::ui
