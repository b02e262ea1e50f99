// SPDX-License-Identifier: Apache-2.0
#include "ui/review/repositorysettingsdialog.h"

#include "session/qtconvert.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lakeside::ui {

RepositorySettingsDialog::RepositorySettingsDialog(std::shared_ptr<Backend> backend, const QString& repo,
                                                   QWidget* parent)
    : QDialog(parent), m_backend(std::move(backend)), m_repo(repo), m_rules(new QTableWidget(0, 2, this)),
      m_pattern(new QLineEdit(this)), m_approvals(new QSpinBox(this)), m_add(new QPushButton(tr("Add rule"), this)),
      m_delete(new QPushButton(tr("Delete rule"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("repositorySettings"));
    setWindowTitle(tr("Settings of %1").arg(repo));
    m_rules->setObjectName(QStringLiteral("protectionRules"));
    m_rules->setHorizontalHeaderLabels({tr("Branch pattern"), tr("Required approvals")});
    m_rules->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rules->verticalHeader()->hide();
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pattern->setObjectName(QStringLiteral("protectionPattern"));
    m_pattern->setPlaceholderText(tr("main, release-*, …"));
    m_approvals->setObjectName(QStringLiteral("requiredApprovals"));
    m_approvals->setRange(0, 20);
    m_approvals->setToolTip(tr("Approvals a review request needs before it can be merged into a matching branch"));
    m_add->setObjectName(QStringLiteral("addRuleButton"));
    m_delete->setObjectName(QStringLiteral("deleteRuleButton"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);

    auto* explain = new QLabel(tr("A protected branch refuses direct uploads and commits; changes reach it by "
                                  "merge only. Patterns are globs (* matches any characters)."),
                               this);
    explain->setWordWrap(true);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_pattern, 1);
    addRow->addWidget(new QLabel(tr("approvals:"), this));
    addRow->addWidget(m_approvals);
    addRow->addWidget(m_add);
    auto* group = new QGroupBox(tr("Branch protection"), this);
    auto* groupLayout = new QVBoxLayout(group);
    groupLayout->addWidget(explain);
    groupLayout->addWidget(m_rules, 1);
    groupLayout->addLayout(addRow);
    groupLayout->addWidget(m_delete, 0, Qt::AlignLeft);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(group, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &RepositorySettingsDialog::addRule);
    connect(m_pattern, &QLineEdit::returnPressed, this, &RepositorySettingsDialog::addRule);
    connect(m_delete, &QPushButton::clicked, this, &RepositorySettingsDialog::deleteRule);
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, [this] { setBusy(false); });
    reload();
}

void RepositorySettingsDialog::reload()
{
    setBusy(true);
    auto backend = m_backend;
    m_job.start([backend, repo = ss(m_repo)](const OpContext&) { return backend->getBranchProtection(repo); },
                [this](Result<Backend::ProtectionRules> r) {
                    setBusy(false);
                    if (!r.ok()) {
                        m_message->setText(errorText(tr("Cannot read branch protection"), r.error()));
                        return;
                    }
                    showRules(*r);
                    emit rulesLoaded();
                });
}

void RepositorySettingsDialog::showRules(const Backend::ProtectionRules& rules)
{
    m_current = rules;
    m_rules->setRowCount(0);
    for (const std::string& p : rules.patterns) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(qs(p)));
        auto it = rules.required_approvals.find(p);
        m_rules->setItem(row, 1, new QTableWidgetItem(QString::number(it == rules.required_approvals.end() ? 0 : it->second)));
    }
    setBusy(false);
}

void RepositorySettingsDialog::addRule()
{
    const std::string pattern = ss(m_pattern->text().trimmed());
    if (pattern.empty()) {
        m_message->setText(tr("Enter a branch pattern."));
        return;
    }
    Backend::ProtectionRules rules = m_current;
    if (std::find(rules.patterns.begin(), rules.patterns.end(), pattern) == rules.patterns.end())
        rules.patterns.push_back(pattern);
    if (m_approvals->value() > 0) rules.required_approvals[pattern] = m_approvals->value();
    else rules.required_approvals.erase(pattern);
    save(rules);
}

void RepositorySettingsDialog::deleteRule()
{
    const int row = m_rules->currentRow();
    if (row < 0 || row >= int(m_current.patterns.size())) return;
    Backend::ProtectionRules rules = m_current;
    const std::string pattern = rules.patterns[size_t(row)];
    rules.patterns.erase(rules.patterns.begin() + row);
    rules.required_approvals.erase(pattern);
    save(rules);
}

void RepositorySettingsDialog::save(Backend::ProtectionRules rules)
{
    setBusy(true);
    m_message->clear();
    auto backend = m_backend;
    const std::string etag = m_current.etag;
    m_job.start(
        [backend, repo = ss(m_repo), rules, etag](const OpContext&) -> Result<Backend::ProtectionRules> {
            LAKESIDE_RETURN_IF_ERROR(backend->setBranchProtection(repo, rules, etag));
            return backend->getBranchProtection(repo);
        },
        [this](Result<Backend::ProtectionRules> r) {
            if (!r.ok()) {
                const bool stale = r.error().kind == ErrorKind::PreconditionFailed;
                m_message->setText(stale ? tr("The rules were changed elsewhere; they are reloaded, try again.")
                                         : errorText(tr("Cannot save branch protection"), r.error()));
                reload();
                return;
            }
            m_pattern->clear();
            m_approvals->setValue(0);
            showRules(*r);
            emit rulesLoaded();
        });
}

void RepositorySettingsDialog::setBusy(bool busy)
{
    m_add->setEnabled(!busy);
    m_delete->setEnabled(!busy && m_rules->currentRow() >= 0);
}

} // namespace lakeside::ui
