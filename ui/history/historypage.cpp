// SPDX-License-Identifier: Apache-2.0
#include "historypage.h"

#include "commitdetailspane.h"
#include "graphdelegate.h"
#include "historyactions.h"
#include "plaintextdelegate.h"
#include "refpillsdelegate.h"
#include "history/commitlogmodel.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcHistory, "lakeside.ui.history")

namespace lakeside::ui {

struct HistoryPage::RefsLoaded {
    std::vector<Ref> branches;
    std::vector<Ref> tags;
    std::string defaultBranch;
    std::string error;
};

HistoryPage::HistoryPage(std::shared_ptr<lakeside::Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_model(new CommitLogModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_messages(new MessageBar(this)), m_refCombo(new QComboBox(this)),
      m_filterMode(new QComboBox(this)), m_filter(new QLineEdit(this)), m_newBranch(new QToolButton(this)),
      m_reload(new QToolButton(this)), m_view(new QTableView(this)), m_graphDelegate(new GraphDelegate(this)),
      m_details(new CommitDetailsPane(m_backend, repo, this)), m_actions(new HistoryActions(m_backend, repo, this))
{
    setObjectName(QStringLiteral("historyPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_refCombo->setObjectName(QStringLiteral("refCombo"));
    m_refCombo->setMinimumContentsLength(16);
    m_refCombo->addItem(tr("All branches"), QString());
    m_filterMode->setObjectName(QStringLiteral("filterMode"));
    m_filterMode->addItem(tr("Message or committer"), int(FilterMode::Text));
    m_filterMode->addItem(tr("Changed path"), int(FilterMode::Path));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter commits…"));
    m_newBranch->setObjectName(QStringLiteral("newBranch"));
    m_newBranch->setText(tr("New Branch…"));
    m_newBranch->setToolTip(tr("Create a branch from the chosen ref (branch or tag) or the selected commit"));
    m_reload->setText(tr("Reload"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("History of:"), this));
    bar->addWidget(m_refCombo);
    bar->addWidget(m_newBranch);
    bar->addStretch();
    bar->addWidget(m_filterMode);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_reload);

    const GraphGeometry& g = m_graphDelegate->geometry();
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed, uniform row heights: the view never measures rows, so a million scroll like ten.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(g.rowHeight);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setItemDelegateForColumn(CommitLogModel::Graph, m_graphDelegate);
    m_view->setItemDelegateForColumn(CommitLogModel::Message, new RefPillsDelegate(g.rowHeight, this));
    m_view->setItemDelegate(new PlainTextDelegate(g.rowHeight, this)); // committer, date, id
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryPage::showContextMenu);
    auto* copy = new QAction(tr("Copy Commit Id"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (!selectedCommit().isEmpty()) m_actions->copyId(selectedCommit());
    });
    m_view->addAction(copy);
    useProxy(false);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_model, &CommitLogModel::pageLoaded, this, [this](int rows, qint64, bool first) {
        emit statusMessage(tr("%n commit(s) loaded", nullptr, rows));
        if (!first) return;
        const qint64 ms = m_clock.elapsed();
        qCInfo(lcHistory, "view ready: history %d rows in %lld ms", rows, static_cast<long long>(ms));
        emit viewReady(rows, ms);
        if (!m_pendingSelect.isEmpty()) m_model->locate(m_pendingSelect);
        else if (m_view->model()->rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_view->model()->index(0, CommitLogModel::Message));
    });
    // A reset (reload, other ref, path filter) drops the view's current index
    // without a signal: remember the commit to select it again once loaded,
    // and never leave the pane showing a commit nothing selects.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_pendingSelect.isEmpty()) return;
        m_pendingSelect = selectedCommit();
        m_pendingExplicit = false;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_pendingSelect.isEmpty()) m_details->clear();
    });
    connect(m_model, &CommitLogModel::laneCountChanged, this, &HistoryPage::updateGraphColumn);
    connect(m_model, &CommitLogModel::errorOccurred, this, &HistoryPage::showError);
    connect(m_model, &CommitLogModel::commitLocated, this, &HistoryPage::onCommitLocated);
    connect(m_details, &CommitDetailsPane::parentActivated, this, &HistoryPage::selectCommit);
    connect(m_details, &CommitDetailsPane::errorOccurred, this, &HistoryPage::showError);
    connect(m_actions, &HistoryActions::errorOccurred, this, &HistoryPage::showError);
    connect(m_actions, &HistoryActions::statusMessage, this, [this](const QString& m) {
        m_messages->showInfo(m);
        emit statusMessage(m);
    });
    connect(m_actions, &HistoryActions::compareRequested, this, &HistoryPage::compareRequested);
    connect(m_actions, &HistoryActions::refsChanged, this, [this] {
        emit refsChanged();
        reload();
    });
    connect(m_refCombo, &QComboBox::activated, this,
            [this](int i) { setRef(m_refCombo->itemData(i).toString()); });
    connect(m_newBranch, &QToolButton::clicked, this, [this] {
        m_actions->createBranch(!m_ref.isEmpty() ? m_ref : (selectedCommit().isEmpty() ? m_defaultBranch : selectedCommit()));
    });
    connect(m_reload, &QToolButton::clicked, this, &HistoryPage::reload);
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(debounce, &QTimer::timeout, this, &HistoryPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, [this, debounce] {
        debounce->stop();
        applyFilter();
    });
    connect(m_filterMode, &QComboBox::activated, this, &HistoryPage::applyFilter);

    reload();
}

HistoryPage::~HistoryPage() = default;

QString HistoryPage::ref() const { return m_ref; }

void HistoryPage::setRef(const QString& ref)
{
    m_ref = ref == QLatin1String("*") ? QString() : ref;
    int i = m_refCombo->findData(m_ref);
    if (i < 0) {
        m_refCombo->addItem(m_ref, m_ref);
        i = m_refCombo->count() - 1;
    }
    m_refCombo->setCurrentIndex(i);
    m_actions->setPreferredBranch(m_branches.contains(m_ref) ? m_ref : m_defaultBranch);
    m_clock.start();
    loadLog();
}

void HistoryPage::reload()
{
    m_clock.start();
    m_refsTracker.start(
        [backend = m_backend, repo = m_repo.toStdString()](const OpContext&) {
            RefsLoaded r;
            Result<Repository> info = backend->getRepository(repo);
            if (!info.ok()) {
                r.error = info.error().message;
                return r;
            }
            r.defaultBranch = info->default_branch;
            Status st = forEachPage<Ref>(
                [&](const std::string& after) { return backend->listBranches(repo, ListParams{"", after, 1000}); },
                [&](const Ref& ref) { r.branches.push_back(ref); return true; });
            if (st.ok())
                st = forEachPage<Ref>(
                    [&](const std::string& after) { return backend->listTags(repo, ListParams{"", after, 1000}); },
                    [&](const Ref& ref) { r.tags.push_back(ref); return true; });
            if (!st.ok()) r.error = st.message();
            return r;
        },
        [this](RefsLoaded r) {
            if (!r.error.empty()) {
                showError(QString::fromStdString(r.error));
                return;
            }
            applyRefs(r);
            loadLog();
        });
}

void HistoryPage::applyRefs(const RefsLoaded& refs)
{
    m_defaultBranch = QString::fromStdString(refs.defaultBranch);
    m_branches.clear();
    QStringList tags;
    QHash<QString, QList<RefLabel>> labels;
    // The default branch first, so "all branches" keeps its line leftmost.
    for (const Ref& b : refs.branches) {
        const QString name = QString::fromStdString(b.id);
        const bool isDefault = name == m_defaultBranch;
        if (isDefault) m_branches.prepend(name);
        else m_branches.append(name);
        QList<RefLabel>& l = labels[QString::fromStdString(b.commit_id)];
        const RefLabel label{name, isDefault ? RefLabel::Kind::DefaultBranch : RefLabel::Kind::Branch};
        if (isDefault) l.prepend(label);
        else l.append(label);
    }
    for (const Ref& t : refs.tags) {
        tags << QString::fromStdString(t.id);
        labels[QString::fromStdString(t.commit_id)].append(RefLabel{tags.last(), RefLabel::Kind::Tag});
    }
    m_model->setRefLabels(labels);
    m_actions->setRefs(m_branches, tags, m_defaultBranch);
    m_actions->setPreferredBranch(m_branches.contains(m_ref) ? m_ref : m_defaultBranch);

    const QSignalBlocker block(m_refCombo);
    m_refCombo->clear();
    m_refCombo->addItem(tr("All branches"), QString());
    for (const QString& b : std::as_const(m_branches)) m_refCombo->addItem(tr("Branch %1").arg(b), b);
    for (const QString& t : std::as_const(tags)) m_refCombo->addItem(tr("Tag %1").arg(t), t);
    int i = m_refCombo->findData(m_ref);
    if (i < 0) {
        m_refCombo->addItem(m_ref, m_ref);
        i = m_refCombo->count() - 1;
    }
    m_refCombo->setCurrentIndex(i);
}

void HistoryPage::loadLog()
{
    QStringList heads = m_ref.isEmpty() ? m_branches : QStringList{m_ref};
    LogParams params;
    const QString text = m_filter->text().trimmed();
    const bool pathMode = m_filterMode->currentData().toInt() == int(FilterMode::Path);
    if (pathMode && !text.isEmpty()) {
        // A path ending in '/' is a folder; otherwise the exact object or a folder of that name.
        if (text.endsWith(QLatin1Char('/'))) {
            params.prefixes = {text.toStdString()};
        } else {
            params.objects = {text.toStdString()};
            params.prefixes = {QString(text + QLatin1Char('/')).toStdString()};
        }
    }
    m_model->load(m_backend, m_repo, heads, params);
    useProxy(!pathMode && !text.isEmpty());
    m_model->fetchMore();
}

void HistoryPage::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    const bool pathMode = m_filterMode->currentData().toInt() == int(FilterMode::Path);
    if (pathMode || m_model->graphEnabled() == false) {
        // The path filter is the backend's: reload the log with it (or without it).
        m_clock.start();
        loadLog();
        return;
    }
    const QString keep = selectedCommit();
    m_proxy->setFilterFixedString(text);
    useProxy(!text.isEmpty());
    // A new filter may hide the current row without moving the current index.
    if (!m_view->currentIndex().isValid()) restoreCurrent(keep);
}

void HistoryPage::useProxy(bool on)
{
    QAbstractItemModel* wanted = on ? static_cast<QAbstractItemModel*>(m_proxy) : m_model;
    if (m_view->model() != wanted) {
        const QString keep = selectedCommit(); // a new model starts without a current index
        m_view->setModel(wanted);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex& current) { onCurrentChanged(current); });
        QHeaderView* h = m_view->horizontalHeader();
        h->setSectionResizeMode(QHeaderView::Interactive);
        h->setSectionResizeMode(CommitLogModel::Message, QHeaderView::Stretch);
        const QFontMetrics fm(m_view->font());
        h->resizeSection(CommitLogModel::Committer, fm.horizontalAdvance(QLatin1Char('M')) * 10);
        h->resizeSection(CommitLogModel::Date, fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59 PM")) + 16);
        h->resizeSection(CommitLogModel::Id, fm.horizontalAdvance(QStringLiteral("0123456789ab")) + 16);
        updateGraphColumn(m_model->laneCount());
        restoreCurrent(keep);
    }
    // Lines between rows of a text-filtered list would join unrelated commits.
    m_view->setColumnHidden(CommitLogModel::Graph, on);
}

void HistoryPage::updateGraphColumn(int lanes)
{
    m_view->horizontalHeader()->resizeSection(CommitLogModel::Graph, m_graphDelegate->geometry().columnWidth(lanes));
}

QString HistoryPage::selectedCommit() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(CommitLogModel::CommitIdRole).toString() : QString();
}

void HistoryPage::restoreCurrent(const QString& id)
{
    const QModelIndex index = viewIndexOf(id);
    if (!index.isValid() && !m_pendingSelect.isEmpty()) return; // a load will select it
    if (index.isValid()) m_view->setCurrentIndex(index); // same commit: the pane keeps it
    else if (m_view->model()->rowCount() > 0) m_view->setCurrentIndex(m_view->model()->index(0, CommitLogModel::Message));
    else m_details->clear();
}

QModelIndex HistoryPage::viewIndexOf(const QString& id) const
{
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row < 0) return {};
    const QModelIndex index = m_model->index(row, CommitLogModel::Message);
    return m_view->model() == m_proxy ? m_proxy->mapFromSource(index) : index;
}

void HistoryPage::onCurrentChanged(const QModelIndex& current)
{
    const QString id = current.data(CommitLogModel::CommitIdRole).toString();
    // The user moved on: a commit still being located must not take the selection back.
    if (!id.isEmpty() && id != m_pendingSelect) m_pendingSelect.clear();
    if (id.isEmpty()) m_details->clear();
    else m_details->showCommit(id);
}

void HistoryPage::selectCommit(const QString& id)
{
    m_pendingSelect = id;
    m_pendingExplicit = true;
    m_model->locate(id);
}

void HistoryPage::onCommitLocated(int row)
{
    const QString id = m_pendingSelect;
    if (id.isEmpty()) return; // nobody waits for it any more (the user selected another row)
    m_pendingSelect.clear();
    row = m_model->rowOf(id); // `row` answers the newest locate(); resolve the id we wait for
    if (row < 0) {
        // Gone (e.g. its branch was deleted before a reload): select something that exists.
        if (m_pendingExplicit) showError(tr("Commit %1 is not in this history").arg(id.left(12)));
        if (!m_view->currentIndex().isValid()) restoreCurrent(QString());
        return;
    }
    QModelIndex index = m_model->index(row, CommitLogModel::Message);
    if (m_view->model() == m_proxy) {
        const QModelIndex mapped = m_proxy->mapFromSource(index);
        if (!mapped.isValid()) { // filtered out: show everything again
            m_filter->clear();
            applyFilter();
        } else {
            index = mapped;
        }
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void HistoryPage::showError(const QString& message)
{
    m_messages->showError(message);
    emit errorOccurred(message);
}

QMenu* HistoryPage::contextMenuForRow(int row)
{
    const QModelIndex index = m_view->model()->index(row, CommitLogModel::Graph);
    if (!index.isValid()) return nullptr;
    delete m_menu;
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("historyContextMenu"));
    const GraphRow g = index.data(CommitLogModel::GraphRole).value<GraphRow>();
    int parents = 0;
    for (const GraphRow::Edge& e : g.edges) parents += e.kind == GraphRow::Kind::Out;
    if (g.merge) parents = std::max(parents, 2);
    m_actions->populateMenu(m_menu, index.data(CommitLogModel::CommitIdRole).toString(), parents);
    return m_menu;
}

void HistoryPage::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid()) return;
    m_view->setCurrentIndex(index);
    if (QMenu* menu = contextMenuForRow(index.row())) menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace lakeside::ui
