// SPDX-License-Identifier: Apache-2.0
#include "historyactions.h"

#include "branchchoicedialog.h"
#include "dialogs/createrefdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>

namespace lakeside::ui {

namespace {
QString shortId(const QString& id) { return id.left(12); }
} // namespace

HistoryActions::HistoryActions(std::shared_ptr<Backend> backend, const QString& repo, QWidget* dialogParent)
    : QObject(dialogParent), m_backend(std::move(backend)), m_repo(repo), m_dialogParent(dialogParent)
{
}

void HistoryActions::setRefs(const QStringList& branches, const QStringList& tags, const QString& defaultBranch)
{
    m_branches = branches;
    m_tags = tags;
    m_defaultBranch = defaultBranch;
}

void HistoryActions::populateMenu(QMenu* menu, const QString& id, int parentCount)
{
    auto add = [&](const QString& name, const QString& text, auto slot) {
        QAction* a = menu->addAction(text);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(QStringLiteral("createBranchHere"), tr("Create Branch Here…"), [this, id] { createBranch(id); });
    add(QStringLiteral("tagCommit"), tr("Tag This Commit…"), [this, id] { createTag(id); });
    menu->addSeparator();
    add(QStringLiteral("resetBranchHere"), tr("Reset Branch to Here…"), [this, id] { resetBranch(id); });
    add(QStringLiteral("revertCommit"), tr("Revert This Commit…"), [this, id, parentCount] { revert(id, parentCount); });
    add(QStringLiteral("cherryPickCommit"), tr("Cherry-pick onto Branch…"),
        [this, id, parentCount] { cherryPick(id, parentCount); });
    menu->addSeparator();
    QMenu* compare = menu->addMenu(tr("Compare With"));
    compare->menuAction()->setObjectName(QStringLiteral("compareWith"));
    for (const QString& ref : m_branches + m_tags) {
        QAction* a = compare->addAction(ref);
        a->setObjectName(QStringLiteral("compareWith:") + ref);
        connect(a, &QAction::triggered, this, [this, ref, id] { emit compareRequested(ref, id); });
    }
    compare->setEnabled(!compare->isEmpty());
    add(QStringLiteral("copyCommitId"), tr("Copy Commit Id"), [this, id] { copyId(id); });
}

void HistoryActions::run(JobTracker& tracker, std::function<std::string(Backend&)> op, const QString& success)
{
    tracker.start([backend = m_backend, op = std::move(op)](const OpContext&) { return op(*backend); },
                  [this, success](std::string error) {
                      if (!error.empty()) {
                          emit errorOccurred(QString::fromStdString(error));
                          return;
                      }
                      emit statusMessage(success);
                      emit refsChanged();
                  });
}

void HistoryActions::createBranch(const QString& source)
{
    createRef(CreateRefDialog::Kind::Branch, source);
}

void HistoryActions::createTag(const QString& source)
{
    createRef(CreateRefDialog::Kind::Tag, source);
}

void HistoryActions::createRef(CreateRefDialog::Kind kind, const QString& source)
{
    auto* d = new CreateRefDialog(kind, m_repo, source, m_branches + m_tags, m_dialogParent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, kind] {
        const QString name = d->name();
        const QString source = d->source();
        const bool branch = kind == CreateRefDialog::Kind::Branch;
        run(m_createTracker,
            [repo = m_repo.toStdString(), n = name.toStdString(), s = source.toStdString(), branch](Backend& b) {
                Result<Ref> r = branch ? b.createBranch(repo, n, s) : b.createTag(repo, n, s);
                return r.ok() ? std::string() : r.error().message;
            },
            (branch ? tr("Created branch %1 at %2") : tr("Created tag %1 at %2")).arg(name, shortId(source)));
    });
    d->open();
}

void HistoryActions::resetBranch(const QString& id)
{
    auto* d = new BranchChoiceDialog(
        tr("Reset Branch"),
        tr("Move the branch's head to commit %1 (a hard reset). Commits after it are no longer on the branch "
           "unless another branch or tag holds them. The branch must have no uncommitted changes.")
            .arg(shortId(id)),
        tr("Reset Branch"), m_branches, m_preferred, 0, m_dialogParent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, id] {
        const QString branch = d->branch();
        run(m_resetTracker,
            [repo = m_repo.toStdString(), br = branch.toStdString(), ref = id.toStdString()](Backend& b) {
                Status s = b.hardResetBranch(repo, br, ref);
                return s.ok() ? std::string() : s.message();
            },
            tr("Reset %1 to %2").arg(branch, shortId(id)));
    });
    d->open();
}

void HistoryActions::revert(const QString& id, int parentCount)
{
    auto* d = new BranchChoiceDialog(
        tr("Revert Commit"),
        tr("Create a commit on the chosen branch that undoes the changes of %1.").arg(shortId(id)),
        tr("Revert"), m_branches, m_preferred, parentCount, m_dialogParent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, id] {
        const QString branch = d->branch();
        const int parent = d->parentNumber();
        run(m_revertTracker,
            [repo = m_repo.toStdString(), br = branch.toStdString(), ref = id.toStdString(), parent](Backend& b) {
                Result<Commit> c = b.revertBranch(repo, br, ref, parent, CommitOverrides{}, false);
                return c.ok() ? std::string() : c.error().message;
            },
            tr("Reverted %1 on %2").arg(shortId(id), branch));
    });
    d->open();
}

void HistoryActions::cherryPick(const QString& id, int parentCount)
{
    auto* d = new BranchChoiceDialog(
        tr("Cherry-pick Commit"),
        tr("Apply the changes of %1 as a new commit on the chosen branch.").arg(shortId(id)),
        tr("Cherry-pick"), m_branches, m_preferred, parentCount, m_dialogParent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, id] {
        const QString branch = d->branch();
        const int parent = d->parentNumber();
        run(m_pickTracker,
            [repo = m_repo.toStdString(), br = branch.toStdString(), ref = id.toStdString(), parent](Backend& b) {
                Result<Commit> c = b.cherryPick(repo, br, ref, parent);
                return c.ok() ? std::string() : c.error().message;
            },
            tr("Cherry-picked %1 onto %2").arg(shortId(id), branch));
    });
    d->open();
}

void HistoryActions::copyId(const QString& id)
{
    QApplication::clipboard()->setText(id);
    emit statusMessage(tr("Copied %1").arg(id));
}

} // namespace lakeside::ui
