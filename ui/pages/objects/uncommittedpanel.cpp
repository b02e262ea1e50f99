// SPDX-License-Identifier: Apache-2.0
#include "uncommittedpanel.h"

#include "models/uncommittedmodel.h"
#include "theme/icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

namespace {
// Adds the change-kind icons that model/ (QtCore only) cannot provide.
class ChangeIconProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == UncommittedModel::ChangeColumn) {
            switch (DiffType(index.data(UncommittedModel::TypeRole).toInt())) {
            case DiffType::Added: return icon("added");
            case DiffType::Removed: return icon("removed");
            default: return icon("changed");
            }
        }
        return QIdentityProxyModel::data(index, role);
    }
};
} // namespace

UncommittedPanel::UncommittedPanel(UncommittedModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_view(new QTreeView(this)),
      m_commit(new QPushButton(icon("commit-changes"), tr("Commit…"), this)),
      m_resetSelected(new QPushButton(icon("reset"), tr("Reset Selected"), this)),
      m_resetAll(new QPushButton(icon("reset"), tr("Reset All…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* bar = new QHBoxLayout;
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    bar->addWidget(m_title, 1);
    m_commit->setObjectName(QStringLiteral("commitButton"));
    m_resetSelected->setObjectName(QStringLiteral("resetSelectedButton"));
    m_resetAll->setObjectName(QStringLiteral("resetAllButton"));
    bar->addWidget(m_resetSelected);
    bar->addWidget(m_resetAll);
    bar->addWidget(m_commit);
    layout->addLayout(bar);
    auto* proxy = new ChangeIconProxy(this);
    proxy->setSourceModel(m_model);
    m_view->setModel(proxy);
    m_view->setObjectName(QStringLiteral("uncommittedView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(UncommittedModel::PathColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(UncommittedModel::ChangeColumn, 110);
    layout->addWidget(m_view, 1);

    connect(m_commit, &QPushButton::clicked, this, &UncommittedPanel::commitRequested);
    connect(m_resetAll, &QPushButton::clicked, this, &UncommittedPanel::resetAllRequested);
    connect(m_resetSelected, &QPushButton::clicked, this, [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty()) emit resetSelectedRequested(paths);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &UncommittedPanel::update);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UncommittedPanel::update);
    update();
}

QStringList UncommittedPanel::selectedPaths() const
{
    QStringList out;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        out << i.data(UncommittedModel::PathRole).toString();
    return out;
}

void UncommittedPanel::update()
{
    const int n = m_model->rowCount();
    m_title->setText(n ? tr("Uncommitted changes on %1 (%2)").arg(m_model->branch()).arg(n)
                       : tr("No uncommitted changes on %1").arg(m_model->branch()));
    m_commit->setEnabled(n > 0);
    m_resetAll->setEnabled(n > 0);
    m_resetSelected->setEnabled(!selectedPaths().isEmpty());
}

} // namespace lakeside::ui
