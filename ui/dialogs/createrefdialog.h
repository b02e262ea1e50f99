// SPDX-License-Identifier: Apache-2.0
#pragma once
// "New Branch" / "New Tag": a name field validated as you type with the
// same rules as the backends (api/names.h), so the reason a name is
// refused ("may contain only letters, digits, '_' and '-'") shows before
// anything is sent. OK stays disabled until the name and source are valid.

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lakeside::ui {

class CreateRefDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Branch, Tag };

    // `existing`: names already taken in the repository (refused with a reason).
    CreateRefDialog(Kind kind, const QString& repo, const QString& source, const QStringList& existing,
                    QWidget* parent = nullptr);

    QString name() const;
    QString source() const;
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* sourceEdit() const { return m_source; }
    QLabel* reasonLabel() const { return m_reason; }
    QPushButton* okButton() const;

private:
    void validate();
    Kind m_kind;
    QStringList m_existing;
    QLineEdit* m_name;
    QLineEdit* m_source;
    QLabel* m_reason;
    QDialogButtonBox* m_buttons;
};

} // namespace lakeside::ui
