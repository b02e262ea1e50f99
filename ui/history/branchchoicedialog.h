// SPDX-License-Identifier: Apache-2.0
#pragma once
// Asks which branch an operation on a commit applies to (reset, revert,
// cherry-pick) and, for a merge commit, which parent to take as mainline.
// The explanation text doubles as the confirmation (e.g. what a hard reset
// discards); OK carries the operation's name.

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace lakeside::ui {

class BranchChoiceDialog : public QDialog {
    Q_OBJECT
public:
    // `parentCount` > 1 shows the parent-number field (1-based, default 1).
    BranchChoiceDialog(const QString& title, const QString& explanation, const QString& okText,
                       const QStringList& branches, const QString& preferred, int parentCount,
                       QWidget* parent = nullptr);

    QString branch() const;
    int parentNumber() const; // 0 when the commit is not a merge
    QComboBox* branchCombo() const { return m_branch; }
    QSpinBox* parentSpin() const { return m_parent; }
    QPushButton* okButton() const { return m_ok; }

private:
    QComboBox* m_branch;
    QSpinBox* m_parent;
    QPushButton* m_ok;
    int m_parentCount;
};

} // namespace lakeside::ui
