// SPDX-License-Identifier: Apache-2.0
#include "ui/review/checkspanel.h"

#include "compare/colorroleproxy.h"
#include "reviews/hookrunlistmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::CheckState;
using reviews::HookRunListModel;

ChecksPanel::ChecksPanel(QWidget* parent)
    : QWidget(parent), m_model(new HookRunListModel(this)), m_summary(new QLabel(this)), m_view(new QTreeView(this)),
      m_log(new QPlainTextEdit(this))
{
    m_summary->setObjectName(QStringLiteral("checksSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("hookRunsView"));
    m_log->setObjectName(QStringLiteral("hookLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a hook to see its log."));
    auto* colours = new ColorRoleProxy(HookRunListModel::ForegroundColorRole, -1, this);
    colours->setSourceModel(m_model);
    m_view->setModel(colours);
    m_view->setRootIsDecorated(false);
    m_view->header()->setStretchLastSection(true);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_log);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showLog(current.isValid() ? current.row() : -1); });
}

void ChecksPanel::setCheckRun(const std::optional<reviews::CheckRun>& run, const QString& sourceBranch,
                              const QString& sourceHead)
{
    m_failedHook.clear();
    const QString head = sourceBranch + QLatin1Char('@') + sourceHead.left(12);
    if (!run) {
        m_model->clear();
        m_state = CheckState::NotRun;
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("No pre-merge checks have run on %1 yet. They run when the merge is attempted; "
                              "a failing check stops the merge.")
                               .arg(head));
        showLog(-1);
        return;
    }
    m_model->setCheckRun(*run);
    const QString runId = QString::fromStdString(run->run.run_id);
    const int failed = m_model->firstFailedRow();
    m_state = run->run.status == "failed" || failed >= 0 ? CheckState::Failed : CheckState::Passed;
    if (failed >= 0) {
        const QModelIndex i = m_model->index(failed, 0);
        m_failedHook = i.siblingAtColumn(HookRunListModel::ActionColumn).data().toString() + QStringLiteral(" / ") +
                       i.siblingAtColumn(HookRunListModel::HookColumn).data().toString();
    }
    m_summary->setText(m_state == CheckState::Failed
                           ? tr("Pre-merge checks FAILED on %1 (run %2): %3.").arg(head, runId, m_failedHook)
                           : tr("Pre-merge checks passed on %1 (run %2).").arg(head, runId));
    m_summary->setStyleSheet(m_state == CheckState::Failed ? QStringLiteral("color: #b31d28")
                                                           : QStringLiteral("color: #22863a"));
    const int select = failed >= 0 ? failed : (m_model->rowCount() > 0 ? 0 : -1);
    if (select >= 0) m_view->setCurrentIndex(m_view->model()->index(select, 0));
    else showLog(-1);
}

QString ChecksPanel::summary() const
{
    switch (m_state) {
    case CheckState::Passed: return tr("passed");
    case CheckState::Failed: return tr("failed");
    case CheckState::NotRun: return tr("not run yet");
    }
    return {};
}

void ChecksPanel::showLog(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_log->clear();
        return;
    }
    m_log->setPlainText(m_model->index(row, 0).data(HookRunListModel::OutputRole).toString());
}

} // namespace lakeside::ui
