// SPDX-License-Identifier: Apache-2.0
#include "objectspage.h"

#include "jobs/taskcenter.h"
#include "models/objecttreemodel.h"
#include "models/uncommittedmodel.h"
#include "objects/previewpane.h"
#include "objects/uncommittedpanel.h"
#include "session/qtconvert.h"
#include "theme/icons.h"
#include "widgets/messagebar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcObjectsPage, "lakeside.ui.objects", QtInfoMsg)

ObjectsPage::ObjectsPage(std::shared_ptr<Backend> backend, const QString& repo, TaskCenter* tasks, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_tasks(tasks), m_messages(new MessageBar(this)),
      m_refCombo(new QComboBox(this)), m_refInfo(new QLabel(this)), m_uploadButton(new QToolButton(this)),
      m_exportButton(new QToolButton(this)), m_tree(new QTreeView(this)), m_objects(new ObjectTreeModel(this)),
      m_preview(new PreviewPane(this)), m_uncommitted(new UncommittedModel(this)),
      m_uncommittedPanel(new UncommittedPanel(m_uncommitted, this)), m_vsplit(new QSplitter(Qt::Vertical, this)),
      m_refsJob(this), m_infoJob(this), m_uploadJob(this), m_exportJob(this), m_writeJob(this)
{
    setObjectName(QStringLiteral("objectsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Ref:"), this));
    m_refCombo->setObjectName(QStringLiteral("refCombo"));
    m_refCombo->setEditable(true);
    m_refCombo->setInsertPolicy(QComboBox::NoInsert);
    m_refCombo->setMinimumWidth(220);
    m_refCombo->lineEdit()->setPlaceholderText(tr("branch, tag, commit id or main~2"));
    m_refCombo->setToolTip(tr("Browse the objects at a branch, a tag, a commit id or an expression such as main~2"));
    bar->addWidget(m_refCombo);
    m_refInfo->setObjectName(QStringLiteral("refInfo"));
    m_refInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long commit message must not widen the window: the label gives way.
    m_refInfo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_refInfo, 1);
    auto tool = [this, bar](QToolButton* b, const char* iconName, const QString& text, const char* name) {
        b->setIcon(icon(iconName));
        b->setText(text);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        b->setObjectName(QString::fromLatin1(name));
        bar->addWidget(b);
    };
    auto* refresh = new QToolButton(this);
    tool(refresh, "refresh", tr("Refresh"), "refreshButton");
    tool(m_uploadButton, "upload", tr("Upload…"), "uploadButton");
    tool(m_exportButton, "export", tr("Export…"), "exportButton");
    layout->addLayout(bar);
    layout->addWidget(m_messages);

    m_tree->setObjectName(QStringLiteral("objectTree"));
    m_tree->setModel(m_objects);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ObjectTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(ObjectTreeModel::SizeColumn, 90);
    m_tree->header()->resizeSection(ObjectTreeModel::ModifiedColumn, 130);
    m_tree->setDragEnabled(true);
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->viewport()->installEventFilter(this);
    m_tree->setToolTip(tr("Drop files or folders here to upload them to the branch"));

    auto* hsplit = new QSplitter(Qt::Horizontal, this);
    hsplit->addWidget(m_tree);
    hsplit->addWidget(m_preview);
    hsplit->setStretchFactor(0, 2);
    hsplit->setStretchFactor(1, 3);
    hsplit->setSizes({420, 640});
    m_vsplit->addWidget(hsplit);
    m_vsplit->addWidget(m_uncommittedPanel);
    m_vsplit->setStretchFactor(0, 3);
    m_vsplit->setStretchFactor(1, 1);
    m_vsplit->setSizes({620, 130});
    layout->addWidget(m_vsplit, 1);

    connect(m_refCombo, &QComboBox::activated, this, [this](int i) { setRef(m_refCombo->itemText(i)); });
    connect(m_refCombo->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { setRef(m_refCombo->currentText().trimmed()); });
    connect(refresh, &QToolButton::clicked, this, &ObjectsPage::refresh);
    connect(m_uploadButton, &QToolButton::clicked, this, &ObjectsPage::chooseUpload);
    connect(m_exportButton, &QToolButton::clicked, this, &ObjectsPage::chooseExport);
    connect(m_objects, &ObjectTreeModel::loadFailed, m_messages, &MessageBar::showError);
    connect(m_uncommitted, &UncommittedModel::loadFailed, m_messages, &MessageBar::showError);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
        if (!i.isValid() || i.data(ObjectTreeModel::IsFolderRole).toBool()) {
            m_preview->showPlaceholder(i.isValid() ? tr("Folder %1").arg(i.data(ObjectTreeModel::PathRole).toString())
                                                   : tr("Select an object to preview it."));
            return;
        }
        m_preview->showObject(m_backend, m_repo, m_ref, i.data(ObjectTreeModel::PathRole).toString());
    });
    connect(m_uncommittedPanel, &UncommittedPanel::commitRequested, this, &ObjectsPage::openCommitDialog);
    connect(m_uncommittedPanel, &UncommittedPanel::resetAllRequested, this, &ObjectsPage::confirmResetAll);
    connect(m_uncommittedPanel, &UncommittedPanel::resetSelectedRequested, this, &ObjectsPage::resetPaths);

    loadRefs();
}

ObjectsPage::~ObjectsPage()
{
    // The job trackers die before the child widgets; a child signalling while
    // it is torn down (the ref combo does) must not reach this page any more.
    const auto children = findChildren<QObject*>();
    for (QObject* child : children) child->disconnect(this);
}

bool ObjectsPage::isBranch() const { return m_branches.contains(m_ref); }

void ObjectsPage::refresh()
{
    loadRefs();
    reloadContent();
}

namespace {
struct Refs {
    Repository repo;
    std::vector<Ref> branches;
    std::vector<Ref> tags;
    std::optional<Error> error;
};
} // namespace

void ObjectsPage::loadRefs()
{
    m_refsJob.start(
        [b = m_backend, repo = ss(m_repo)](const OpContext&) {
            Refs out;
            auto r = b->getRepository(repo);
            if (!r.ok()) {
                out.error = r.error();
                return out;
            }
            out.repo = *r;
            Status st = forEachPage<Ref>([&](const std::string& a) { return b->listBranches(repo, {"", a, 1000}); },
                                         [&](const Ref& x) { out.branches.push_back(x); return true; });
            if (st.ok())
                st = forEachPage<Ref>([&](const std::string& a) { return b->listTags(repo, {"", a, 1000}); },
                                      [&](const Ref& x) { out.tags.push_back(x); return true; });
            if (!st.ok()) out.error = st.error();
            return out;
        },
        [this](Refs refs) {
            if (refs.error) {
                m_messages->showError(errorText(tr("Loading the refs of %1").arg(m_repo), *refs.error));
                return;
            }
            m_defaultBranch = qs(refs.repo.default_branch);
            m_branches.clear();
            m_tags.clear();
            const QString typed = m_refCombo->currentText();
            m_refCombo->clear();
            for (const Ref& r : refs.branches) {
                m_branches << qs(r.id);
                m_refCombo->addItem(icon(r.id == refs.repo.default_branch ? "branch-default" : "branch"), qs(r.id));
            }
            if (!refs.tags.empty()) m_refCombo->insertSeparator(m_refCombo->count());
            for (const Ref& r : refs.tags) {
                m_tags << qs(r.id);
                m_refCombo->addItem(icon("tag"), qs(r.id));
            }
            if (m_ref.isEmpty()) setRef(m_defaultBranch);
            else m_refCombo->setCurrentText(typed.isEmpty() ? m_ref : typed);
            // Uploads and the changes panel exist only for branches.
            m_uploadButton->setEnabled(isBranch());
            m_uncommittedPanel->setVisible(isBranch());
        });
}

void ObjectsPage::setRef(const QString& ref)
{
    if (ref.isEmpty()) return;
    m_ref = ref;
    m_refCombo->setCurrentText(ref);
    m_messages->clear();
    reloadContent();
}

void ObjectsPage::reloadContent()
{
    if (m_ref.isEmpty()) return;
    m_preview->showPlaceholder(tr("Select an object to preview it."));
    m_objects->setSource(m_backend, m_repo, m_ref);
    m_uncommitted->setSource(m_backend, m_repo, isBranch() ? m_ref : QString());
    m_uploadButton->setEnabled(isBranch());
    m_uncommittedPanel->setVisible(isBranch());
    const QString kind = isBranch() ? tr("branch") : m_tags.contains(m_ref) ? tr("tag") : tr("commit");
    m_refInfo->setText(tr("Resolving %1…").arg(m_ref));
    m_infoJob.start([b = m_backend, repo = ss(m_repo), ref = ss(m_ref)](const OpContext&) { return b->getCommit(repo, ref); },
                    [this, kind](Result<Commit> c) {
                        if (!c.ok()) {
                            m_refInfo->clear();
                            m_messages->showError(errorText(tr("Cannot show %1").arg(m_ref), c.error()));
                            return;
                        }
                        const QString first = qs(c->message).section(u'\n', 0, 0);
                        m_refInfo->setText(tr("%1 at <b>%2</b> · %3 · %4, %5")
                                               .arg(kind, qs(c->id).left(10), first.toHtmlEscaped(),
                                                    qs(c->committer).toHtmlEscaped(),
                                                    fromUnix(c->creation_date).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
                    });
}

QStringList ObjectsPage::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex& i : m_tree->selectionModel()->selectedRows())
        keys << i.data(ObjectTreeModel::PathRole).toString();
    return keys;
}

} // namespace lakeside::ui
