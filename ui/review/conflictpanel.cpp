// SPDX-License-Identifier: Apache-2.0
#include "ui/review/conflictpanel.h"

#include "compare/colorroleproxy.h"
#include "compare/objectdiff.h"
#include "reviews/conflictlistmodel.h"
#include "ui/review/objectdiffview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using reviews::ConflictListModel;

ConflictPanel::ConflictPanel(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo.toStdString()),
      m_model(new ConflictListModel(this)), m_summary(new QLabel(this)), m_note(new QLabel(this)),
      m_view(new QTreeView(this)), m_takeSource(new QPushButton(tr("Take source"), this)),
      m_takeDestination(new QPushButton(tr("Take destination"), this)),
      m_unresolve(new QPushButton(tr("Unresolve"), this)),
      m_destinationView(new ObjectDiffView(tr("Destination: merge base → destination"), this)),
      m_sourceView(new ObjectDiffView(tr("Source: merge base → source"), this))
{
    m_summary->setObjectName(QStringLiteral("conflictsSummary"));
    m_note->setObjectName(QStringLiteral("conflictsNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_view->setObjectName(QStringLiteral("conflictsView"));
    m_takeSource->setObjectName(QStringLiteral("takeSourceButton"));
    m_takeDestination->setObjectName(QStringLiteral("takeDestinationButton"));
    m_unresolve->setObjectName(QStringLiteral("unresolveButton"));
    m_destinationView->setObjectName(QStringLiteral("destinationSide"));
    m_sourceView->setObjectName(QStringLiteral("sourceSide"));
    m_takeSource->setToolTip(tr("Resolve the selected path to the source branch's version"));
    m_takeDestination->setToolTip(tr("Resolve the selected path to the destination branch's version"));

    auto* colours = new ColorRoleProxy(ConflictListModel::ForegroundColorRole, -1, this);
    colours->setSourceModel(m_model);
    m_view->setModel(colours);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(ConflictListModel::PathColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_takeSource);
    buttons->addWidget(m_takeDestination);
    buttons->addWidget(m_unresolve);
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_destinationView);
    sides->addWidget(m_sourceView);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(sides);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_takeSource, &QPushButton::clicked, this, [this] { resolveSelected(MergeStrategy::SourceWins); });
    connect(m_takeDestination, &QPushButton::clicked, this, [this] { resolveSelected(MergeStrategy::DestWins); });
    connect(m_unresolve, &QPushButton::clicked, this, [this] { resolveSelected(MergeStrategy::None); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { openRow(current.isValid() ? current.row() : -1); });
    connect(m_model, &ConflictListModel::resolutionsChanged, this, &ConflictPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { openRow(-1); });
    updateSummary();
}

void ConflictPanel::setCommits(const std::string& base, const std::string& source, const std::string& destination)
{
    m_base = base;
    m_source = source;
    m_destination = destination;
}

void ConflictPanel::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void ConflictPanel::updateSummary()
{
    const int n = m_model->rowCount();
    const bool any = n > 0;
    m_summary->setText(!any ? tr("No conflicts with the destination.")
                            : tr("%1 conflicting path(s), %2 unresolved.").arg(n).arg(m_model->unresolvedCount()));
    const bool selected = m_view->currentIndex().isValid();
    for (QPushButton* b : {m_takeSource, m_takeDestination, m_unresolve}) b->setEnabled(any && selected);
}

void ConflictPanel::resolveSelected(MergeStrategy side)
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) m_model->setResolution(current.row(), side);
}

void ConflictPanel::openRow(int row)
{
    updateSummary();
    m_job.cancel();
    if (row < 0 || row >= m_model->rowCount()) {
        m_destinationView->showMessage(tr("Select a conflicting path to see both sides."));
        m_sourceView->showMessage(QString());
        return;
    }
    const reviews::ConflictEntry entry = m_model->conflict(row);
    m_destinationView->showMessage(tr("Comparing…"));
    m_sourceView->showMessage(tr("Comparing…"));
    auto request = [&](const std::string& right, const DiffEntry& change) {
        compare::ObjectDiffRequest r;
        r.repo = m_repo;
        r.leftRef = m_base;
        r.rightRef = right;
        r.entry = change;
        return r;
    };
    auto backend = m_backend;
    using Pair = std::pair<std::shared_ptr<compare::ObjectDiff>, std::shared_ptr<compare::ObjectDiff>>;
    m_job.start(
        [backend, dest = request(m_destination, entry.destinationChange),
         src = request(m_source, entry.sourceChange)](const OpContext& ctx) -> Pair {
            return {std::make_shared<compare::ObjectDiff>(compare::computeObjectDiff(*backend, dest, ctx)),
                    std::make_shared<compare::ObjectDiff>(compare::computeObjectDiff(*backend, src, ctx))};
        },
        [this, path = QString::fromStdString(entry.path)](const Pair& sides) {
            m_destinationView->showDiff(*sides.first);
            m_sourceView->showDiff(*sides.second);
            emit sidesShown(path);
        });
}

} // namespace lakeside::ui
