// SPDX-License-Identifier: Apache-2.0
#pragma once
// "New review request": source and destination branch, title, description.
// OK stays disabled until both branches are chosen, differ, and a title is
// given. The dialog only collects values; the Reviews tab creates the
// request in a job and reports errors.
// Thread safety: GUI thread only.

#include "api/types.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace lakeside::ui {

class NewReviewDialog : public QDialog {
    Q_OBJECT
public:
    NewReviewDialog(const QStringList& branches, const QString& defaultDestination, QWidget* parent = nullptr);

    PullRequestCreation creation() const;
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void validate();

    QComboBox* m_source;
    QComboBox* m_destination;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};

} // namespace lakeside::ui
