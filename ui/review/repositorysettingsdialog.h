// SPDX-License-Identifier: Apache-2.0
#pragma once
// Repository settings: branch protection rules (lakeFS glob patterns; a
// matching branch refuses direct uploads and commits, merges stay allowed)
// with Lakeside's number of approvals a merge into it requires. Each add or
// delete is written at once with the rules' ETag, so a concurrent change is
// reported ("changed elsewhere") and reloaded instead of overwritten.
// Thread safety: GUI thread only.

#include "api/backend.h"
#include "jobs/jobtracker.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lakeside::ui {

class RepositorySettingsDialog : public QDialog {
    Q_OBJECT
public:
    RepositorySettingsDialog(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent = nullptr);

    QTableWidget* rulesTable() const { return m_rules; }
    Backend::ProtectionRules rules() const { return m_current; }

public slots:
    void reload();

signals:
    // The rules on screen were (re)loaded from the backend.
    void rulesLoaded();

private:
    void addRule();
    void deleteRule();
    void save(Backend::ProtectionRules rules);
    void showRules(const Backend::ProtectionRules& rules);
    void setBusy(bool busy);

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    Backend::ProtectionRules m_current;
    QTableWidget* m_rules;
    QLineEdit* m_pattern;
    QSpinBox* m_approvals;
    QPushButton* m_add;
    QPushButton* m_delete;
    QLabel* m_message;
    JobTracker m_job{this};
};

} // namespace lakeside::ui
