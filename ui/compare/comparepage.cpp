// SPDX-License-Identifier: Apache-2.0
#include "compare/comparepage.h"

#include "compare/changedobjectsfilter.h"
#include "compare/changedobjectsmodel.h"
#include "compare/colorroleproxy.h"
#include "compare/comparesummary.h"
#include "compare/folderrollupmodel.h"
#include "compare/objectdiff.h"
#include "compare/tablediffpane.h"
#include "compare/textdiffpane.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

using compare::ChangedObjectsModel;

namespace {
QCheckBox* typeBox(const QString& text, QWidget* parent, const char* name)
{
    auto* box = new QCheckBox(text, parent);
    box->setObjectName(QLatin1String(name));
    box->setChecked(true);
    return box;
}
} // namespace

ComparePage::ComparePage(std::shared_ptr<lakeside::Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo.toStdString())
{
    m_objects = new ChangedObjectsModel(this);
    m_filter = new compare::ChangedObjectsFilter(this);
    auto* colours = new ColorRoleProxy(ChangedObjectsModel::ForegroundColorRole, -1, this);
    colours->setSourceModel(m_objects);
    m_filter->setSourceModel(colours);

    m_leftBox = new QComboBox(this);
    m_leftBox->setObjectName(QStringLiteral("leftRef"));
    m_rightBox = new QComboBox(this);
    m_rightBox->setObjectName(QStringLiteral("rightRef"));
    for (QComboBox* box : {m_leftBox, m_rightBox}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(16);
        box->setToolTip(tr("A branch, tag, commit id or ref expression (e.g. main~2)"));
    }
    m_swap = new QPushButton(tr("⇄ Swap"), this);
    m_swap->setObjectName(QStringLiteral("swapButton"));
    m_uncommittedBox = new QCheckBox(tr("Uncommitted changes"), this);
    m_uncommittedBox->setObjectName(QStringLiteral("uncommitted"));
    m_uncommittedBox->setToolTip(tr("Compare the right-hand branch with its uncommitted changes"));
    m_dots = new QComboBox(this);
    m_dots->setObjectName(QStringLiteral("diffKind"));
    m_dots->addItem(tr("Three-dot (since common ancestor)"), int(DiffKind::ThreeDot));
    m_dots->addItem(tr("Two-dot (direct)"), int(DiffKind::TwoDot));
    m_compareButton = new QPushButton(tr("Compare"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setDefault(true);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b31d28"));
    m_message->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->hide();

    m_showAdded = typeBox(tr("Added"), this, "showAdded");
    m_showRemoved = typeBox(tr("Removed"), this, "showRemoved");
    m_showChanged = typeBox(tr("Changed"), this, "showChanged");
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("prefixFilter"));
    m_prefix->setPlaceholderText(tr("Prefix"));
    m_extension = new QLineEdit(this);
    m_extension->setObjectName(QStringLiteral("extensionFilter"));
    m_extension->setPlaceholderText(tr("Extension"));
    m_extension->setMaximumWidth(90);
    // Wide enough for the placeholders.
    m_prefix->setMinimumWidth(m_prefix->fontMetrics().horizontalAdvance(m_prefix->placeholderText()) + 24);
    m_extension->setMinimumWidth(m_extension->fontMetrics().horizontalAdvance(m_extension->placeholderText()) + 24);

    m_byFolder = new QCheckBox(tr("By folder"), this);
    m_byFolder->setObjectName(QStringLiteral("byFolder"));
    m_byFolder->setToolTip(tr("Roll changes up per folder; selecting a folder filters the list to it"));
    m_rollup = new compare::FolderRollupModel(this);
    m_rollup->setSourceModel(m_objects);
    m_folderList = new QTreeView(this);
    m_folderList->setObjectName(QStringLiteral("folderView"));
    m_folderList->setRootIsDecorated(false);
    m_folderList->setModel(m_rollup);
    m_folderList->hide();

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("objectsView"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->setModel(m_filter);
    m_list->header()->setSectionResizeMode(ChangedObjectsModel::PathColumn, QHeaderView::Stretch);
    // The short columns take what they need, so the path gets the rest.
    for (int c : {int(ChangedObjectsModel::ChangeColumn), int(ChangedObjectsModel::OldSizeColumn),
                  int(ChangedObjectsModel::NewSizeColumn)})
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->setTextElideMode(Qt::ElideLeft); // keep the file name of a long path
    m_summary = new CompareSummary(this);

    m_placeholder = new QLabel(tr("Select a changed object to see its diff."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_textPane = new TextDiffPane(this);
    m_tablePane = new TableDiffPane(this);
    m_binary = new QLabel(this);
    m_binary->setObjectName(QStringLiteral("binaryLabel"));
    m_binary->setAlignment(Qt::AlignCenter);
    m_binary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("diffStack"));
    for (QWidget* w : {static_cast<QWidget*>(m_placeholder), static_cast<QWidget*>(m_textPane),
                       static_cast<QWidget*>(m_tablePane), static_cast<QWidget*>(m_binary)})
        m_stack->addWidget(w);

    auto* refs = new QHBoxLayout;
    refs->addWidget(new QLabel(tr("Old:"), this));
    refs->addWidget(m_leftBox, 1);
    refs->addWidget(m_swap);
    refs->addWidget(new QLabel(tr("New:"), this));
    refs->addWidget(m_rightBox, 1);
    refs->addWidget(m_uncommittedBox);
    refs->addWidget(m_dots);
    refs->addWidget(m_compareButton);
    auto* status = new QHBoxLayout;
    status->addWidget(m_message, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    // Filters on two lines, so the list's pane can stay narrow and leave
    // the width to the diff.
    auto* filters = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(m_showAdded), static_cast<QWidget*>(m_showRemoved),
                       static_cast<QWidget*>(m_showChanged), static_cast<QWidget*>(m_byFolder)})
        filters->addWidget(w);
    filters->addStretch(1);
    auto* pathFilters = new QHBoxLayout;
    pathFilters->addWidget(m_prefix, 1);
    pathFilters->addWidget(m_extension);
    auto* leftPane = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(leftPane);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addLayout(pathFilters);
    leftLayout->addWidget(m_folderList, 1);
    leftLayout->addWidget(m_list, 2);
    leftLayout->addWidget(m_summary, 3);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(leftPane);
    split->addWidget(m_stack);
    split->setStretchFactor(1, 2);
    split->setSizes({345, 745}); // relative: most of the width goes to the diff at first
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(refs);
    layout->addLayout(status);
    layout->addWidget(split, 1);

    connect(m_compareButton, &QPushButton::clicked, this, &ComparePage::startCompare);
    connect(m_swap, &QPushButton::clicked, this, &ComparePage::swapRefs);
    connect(m_uncommittedBox, &QCheckBox::toggled, m_leftBox, &QWidget::setDisabled);
    // Paging follows the list: the next page when it is scrolled to its end
    // (QTreeView itself would ask after every page, see ChangedObjectsFilter).
    m_filter->setViewFetchEnabled(false);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_list->verticalScrollBar()->maximum()) m_objects->fetchMore();
    });
    connect(m_objects, &ChangedObjectsModel::pageLoaded, this, &ComparePage::onPageLoaded);
    // A filter that hides rows may leave the list too short to scroll.
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ComparePage::fillList);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ComparePage::fillList);
    connect(m_objects, &ChangedObjectsModel::errorOccurred, this, &ComparePage::showError);
    connect(m_objects, &ChangedObjectsModel::fetchingChanged, this,
            [this](bool fetching) { setBusy(fetching, tr("Listing changes…")); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_diffJob.cancel();
        m_objects->cancel();
        m_objectJob.cancel();
        ++m_objectToken;
        setBusy(false);
        showError(tr("Cancelled"));
    });
    connect(m_showAdded, &QCheckBox::toggled, this, [this](bool on) { m_filter->setTypeVisible(DiffType::Added, on); });
    connect(m_showRemoved, &QCheckBox::toggled, this, [this](bool on) { m_filter->setTypeVisible(DiffType::Removed, on); });
    connect(m_showChanged, &QCheckBox::toggled, this, [this](bool on) { m_filter->setTypeVisible(DiffType::Changed, on); });
    connect(m_prefix, &QLineEdit::textChanged, m_filter, &compare::ChangedObjectsFilter::setPrefix);
    connect(m_extension, &QLineEdit::textChanged, m_filter, &compare::ChangedObjectsFilter::setExtension);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { openObject(current); });
    connect(m_byFolder, &QCheckBox::toggled, m_folderList, &QWidget::setVisible);
    connect(m_folderList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) m_prefix->setText(current.data(compare::FolderRollupModel::PrefixRole).toString());
            });
    connect(m_tablePane, &TableDiffPane::keyColumnsRequested, this, &ComparePage::runObjectDiff);
    connect(m_tablePane, &TableDiffPane::errorOccurred, this, &ComparePage::showError);

    refreshRefs();
}

ComparePage::~ComparePage() = default;

void ComparePage::refreshRefs()
{
    auto backend = m_backend;
    const std::string repo = m_repo;
    m_refsJob.start(
        [backend, repo](const OpContext&) {
            QStringList names;
            ListParams p;
            p.amount = 1000;
            if (auto b = backend->listBranches(repo, p); b.ok())
                for (const Ref& r : b->results) names << QString::fromStdString(r.id);
            if (auto t = backend->listTags(repo, p); t.ok())
                for (const Ref& r : t->results) names << QString::fromStdString(r.id);
            return names;
        },
        [this](const QStringList& names) {
            for (QComboBox* box : {m_leftBox, m_rightBox}) {
                const QString text = box->currentText();
                box->clear();
                box->addItems(names);
                box->setEditText(text);
            }
        });
}

void ComparePage::compare(const QString& leftRef, const QString& rightRef)
{
    m_uncommittedBox->setChecked(false);
    m_leftBox->setEditText(leftRef);
    m_rightBox->setEditText(rightRef);
    startCompare();
}

void ComparePage::compareUncommitted(const QString& branch)
{
    m_uncommittedBox->setChecked(true);
    m_rightBox->setEditText(branch);
    startCompare();
}

void ComparePage::swapRefs()
{
    if (m_uncommittedBox->isChecked()) return; // the uncommitted side has no other order
    const QString left = m_leftBox->currentText();
    m_leftBox->setEditText(m_rightBox->currentText());
    m_rightBox->setEditText(left);
    if (!left.isEmpty() && !m_leftBox->currentText().isEmpty()) startCompare();
}

void ComparePage::startCompare()
{
    m_uncommitted = m_uncommittedBox->isChecked();
    m_left = m_leftBox->currentText().trimmed().toStdString();
    m_right = m_rightBox->currentText().trimmed().toStdString();
    m_kind = DiffKind(m_dots->currentData().toInt());
    m_objectJob.cancel();
    ++m_objectToken;
    m_diffJob.cancel();
    m_objects->clear();
    m_summary->updateFrom(*m_objects);
    m_stack->setCurrentWidget(m_placeholder);
    m_openRow = -1;
    m_message->hide();
    if (m_right.empty() || (!m_uncommitted && m_left.empty())) {
        showError(tr("Choose two refs to compare."));
        return;
    }
    if (!m_uncommitted) {
        startListing();
        return;
    }
    // Uncommitted changes: the old side is the branch head, resolved once.
    setBusy(true, tr("Listing changes…"));
    m_diffJob.start([backend = m_backend, repo = m_repo, branch = m_right](const OpContext&) {
        return backend->getBranch(repo, branch);
    }, [this](Result<Ref> head) {
        setBusy(false);
        if (!head.ok()) {
            showError(QString::fromStdString(head.error().message));
            return;
        }
        m_left = head->commit_id;
        startListing();
    });
}

void ComparePage::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void ComparePage::startListing()
{
    // Pages are read as the list scrolls (ChangedObjectsModel::fetchMore);
    // only objects are listed (a diff may also name common prefixes).
    auto fetch = [backend = m_backend, repo = m_repo, left = m_left, right = m_right, kind = m_kind,
                  uncommitted = m_uncommitted](const std::string& after, int amount,
                                               const OpContext&) -> Result<Page<DiffEntry>> {
        DiffParams p;
        p.after = after;
        p.amount = amount;
        p.type = kind;
        Result<Page<DiffEntry>> page = uncommitted ? backend->diffBranch(repo, right, p)
                                                   : backend->diffRefs(repo, left, right, p);
        if (page.ok())
            std::erase_if(page->results, [](const DiffEntry& e) { return e.path_type != PathType::Object; });
        return page;
    };
    m_objects->setSource(std::move(fetch), m_pageSize);
}

void ComparePage::fillList()
{
    // The shown rows (after the filters) do not fill the list, so the user
    // cannot scroll to its end: read on.
    if (!m_objects->canFetchMore()) return;
    const int shown = m_filter->rowCount();
    if (shown == 0 || shown * std::max(1, m_list->sizeHintForRow(0)) < m_list->viewport()->height())
        m_objects->fetchMore();
}

void ComparePage::onPageLoaded(int rows, bool complete)
{
    m_summary->updateFrom(*m_objects); // counts so far; they grow with the list
    if (!complete) {
        fillList();
        m_message->setStyleSheet(QStringLiteral("color: palette(mid)"));
        m_message->setText(tr("%n changed object(s) listed so far; more load as you scroll.", nullptr, rows));
        m_message->show();
        return;
    }
    if (rows == 0) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("No differences."));
        m_message->show();
    } else {
        m_message->hide();
    }
    emit comparisonFinished();
}

void ComparePage::openObject(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid()) return;
    m_openRow = m_filter->mapToSource(proxyIndex).row();
    runObjectDiff({});
}

void ComparePage::runObjectDiff(const std::vector<std::string>& keyColumns)
{
    if (m_openRow < 0 || m_openRow >= m_objects->rowCount()) return;
    compare::ObjectDiffRequest request;
    request.repo = m_repo;
    request.leftRef = m_left;
    request.rightRef = m_right;
    request.entry = m_objects->entry(m_openRow);
    request.keyColumns = keyColumns;
    setBusy(true, tr("Comparing %1…").arg(QString::fromStdString(request.entry.path)));
    m_message->hide();
    auto backend = m_backend;
    const quint64 token = ++m_objectToken;
    QPointer<ComparePage> self(this);
    auto onPartial = [self, token](const tabular::TableDiffResult& partial) {
        // Posted to the application object, which outlives every page; the
        // page is checked on the GUI thread, where it could be destroyed.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, token, partial] {
                if (self && self->m_objectToken == token) self->showPartialTable(partial);
            },
            Qt::QueuedConnection);
    };
    m_objectJob.startWithProgress(
        [backend, request, onPartial](const OpContext& ctx) {
            return std::make_shared<compare::ObjectDiff>(compare::computeObjectDiff(*backend, request, ctx, onPartial));
        },
        [this, path = QString::fromStdString(request.entry.path)](const std::shared_ptr<compare::ObjectDiff>& diff) {
            ++m_objectToken; // the final result is here: later snapshots are stale
            setBusy(false);
            if (!diff->error.isEmpty()) {
                m_stack->setCurrentWidget(m_placeholder);
                showError(tr("%1: %2").arg(path, diff->error));
                return;
            }
            showObjectDiff(*diff);
            emit objectDiffShown(path);
        },
        [this](int64_t done, int64_t total) {
            if (total > 0) {
                m_progress->setRange(0, 1000);
                m_progress->setValue(int(done * 1000 / total));
            }
        });
}

void ComparePage::showPartialTable(const tabular::TableDiffResult& partial)
{
    m_tablePane->setResult(partial);
    m_stack->setCurrentWidget(m_tablePane);
}

void ComparePage::showObjectDiff(const compare::ObjectDiff& diff)
{
    if (diff.table) {
        m_tablePane->setResult(*diff.table);
        m_stack->setCurrentWidget(m_tablePane);
        return;
    }
    if (diff.kind == compare::ContentKind::Text && !diff.tooLarge) {
        m_textPane->setDiff(diff.oldLines, diff.newLines, diff.lines);
        m_stack->setCurrentWidget(m_textPane);
        return;
    }
    auto side = [](const compare::ObjectSide& s) {
        if (!s.present) return tr("absent");
        return tr("%1 bytes, checksum %2").arg(s.size).arg(s.checksum);
    };
    QString text = tr("Old: %1\nNew: %2").arg(side(diff.oldSide), side(diff.newSide));
    if (diff.tooLarge) text = tr("Too large to compare as text.") + QLatin1Char('\n') + text;
    m_binary->setText(text);
    m_stack->setCurrentWidget(m_binary);
}

void ComparePage::showError(const QString& message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b31d28"));
    m_message->setText(message);
    m_message->show();
    emit errorOccurred(message);
}

void ComparePage::setBusy(bool busy, const QString& what)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(what);
        m_progress->setToolTip(what);
    }
}

} // namespace lakeside::ui
