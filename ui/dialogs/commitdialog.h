// SPDX-License-Identifier: Apache-2.0
#pragma once
// "Commit Changes": a message and optional metadata key/value rows. OK is
// enabled once there is a message and every metadata row has a unique,
// non-empty key; the reason shows under the table otherwise.

#include <QDialog>

#include <map>
#include <string>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace lakeside::ui {

class CommitDialog : public QDialog {
    Q_OBJECT
public:
    CommitDialog(const QString& repo, const QString& branch, int changes, QWidget* parent = nullptr);

    QString message() const;
    std::map<std::string, std::string> metadata() const;

    QPlainTextEdit* messageEdit() const { return m_message; }
    QTableWidget* metadataTable() const { return m_metadata; }
    QPushButton* addRowButton() const { return m_addRow; }
    QPushButton* okButton() const;
    QLabel* reasonLabel() const { return m_reason; }
    // Appends a metadata row (also what "Add" does).
    void addMetadataRow(const QString& key = QString(), const QString& value = QString());

private:
    void validate();
    QPlainTextEdit* m_message;
    QTableWidget* m_metadata;
    QPushButton* m_addRow;
    QPushButton* m_removeRow;
    QLabel* m_reason;
    QDialogButtonBox* m_buttons;
};

} // namespace lakeside::ui
