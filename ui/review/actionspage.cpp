// SPDX-License-Identifier: Apache-2.0
#include "ui/review/actionspage.h"

#include "compare/colorroleproxy.h"
#include "reviews/actionrunlistmodel.h"
#include "reviews/hookrunlistmodel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::ActionRunListModel;
using reviews::HookRunListModel;

ActionsPage::ActionsPage(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_runs(new ActionRunListModel(this)),
      m_hooks(new HookRunListModel(this)), m_branch(new QLineEdit(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_message(new QLabel(this)), m_runsView(new QTreeView(this)),
      m_hooksView(new QTreeView(this)), m_log(new QPlainTextEdit(this))
{
    m_branch->setObjectName(QStringLiteral("actionsBranchFilter"));
    m_branch->setPlaceholderText(tr("Branch (empty: all)"));
    m_branch->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("refreshActionsButton"));
    m_message->setObjectName(QStringLiteral("actionsMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b31d28"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_runsView->setObjectName(QStringLiteral("actionRunsView"));
    m_hooksView->setObjectName(QStringLiteral("actionHooksView"));
    m_log->setObjectName(QStringLiteral("actionHookLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a run, then a hook, to see its log."));

    auto* runColours = new ColorRoleProxy(ActionRunListModel::ForegroundColorRole, -1, this);
    runColours->setSourceModel(m_runs);
    m_runsView->setModel(runColours);
    auto* hookColours = new ColorRoleProxy(HookRunListModel::ForegroundColorRole, -1, this);
    hookColours->setSourceModel(m_hooks);
    m_hooksView->setModel(hookColours);
    for (QTreeView* v : {m_runsView, m_hooksView}) {
        v->setRootIsDecorated(false);
        v->setUniformRowHeights(true);
    }

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Branch:"), this));
    bar->addWidget(m_branch);
    bar->addStretch(1);
    bar->addWidget(m_refresh);
    auto* details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_hooksView);
    details->addWidget(m_log);
    details->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_runsView);
    split->addWidget(details);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ActionsPage::refresh);
    connect(m_branch, &QLineEdit::returnPressed, this, [this] { m_runs->setBranch(m_branch->text()); });
    connect(m_runs, &ActionRunListModel::loadFailed, this, [this](const QString& text) {
        m_message->setText(text);
        m_message->show();
    });
    connect(m_runs, &QAbstractItemModel::modelReset, this, [this] {
        m_hooks->clear();
        m_log->clear();
    });
    connect(m_hooks, &HookRunListModel::loadFailed, m_log, &QPlainTextEdit::setPlainText);
    connect(m_hooks, &HookRunListModel::loaded, this, [this] {
        const int failed = m_hooks->firstFailedRow();
        const int row = failed >= 0 ? failed : 0;
        if (m_hooks->rowCount() > 0) m_hooksView->setCurrentIndex(m_hooksView->model()->index(row, 0));
    });
    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        if (!i.isValid()) return;
        m_log->clear();
        m_hooks->loadRun(m_backend, m_repo, i.data(ActionRunListModel::RunIdRole).toString());
    });
    connect(m_hooksView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& i) { showLog(i.isValid() ? i.row() : -1); });
}

void ActionsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_started) return;
    m_started = true;
    m_runs->setSource(m_backend, m_repo);
}

void ActionsPage::refresh()
{
    m_message->hide();
    if (m_started) m_runs->setBranch(m_branch->text());
}

void ActionsPage::showLog(int row)
{
    if (row < 0 || row >= m_hooks->rowCount()) return m_log->clear();
    m_log->setPlainText(m_hooks->index(row, 0).data(HookRunListModel::OutputRole).toString());
}

} // namespace lakeside::ui
