// SPDX-License-Identifier: Apache-2.0
#include "refactions.h"

#include "dialogs/createrefdialog.h"
#include "models/connectiontreemodel.h"
#include "session/qtconvert.h"
#include "widgets/messagebar.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcRefs, "lakeside.ui.refs", QtInfoMsg)

using Kind = ConnectionTreeModel::Kind;

RefActions::RefActions(ConnectionTreeModel* model, MessageBar* messages, QWidget* dialogParent)
    : QObject(dialogParent), m_model(model), m_messages(messages), m_parent(dialogParent), m_createJob(this),
      m_deleteJob(this), m_resetJob(this), m_mergeJob(this)
{
}

RefActions::~RefActions() = default;

// Names of one kind (branches for a branch dialog, tags for a tag dialog).
static QStringList namesUnder(const ConnectionTreeModel* model, const QModelIndex& repoIndex, Kind group)
{
    QStringList out;
    for (int i = 0; i < model->rowCount(repoIndex); ++i) {
        const QModelIndex g = model->index(i, 0, repoIndex);
        if (Kind(g.data(ConnectionTreeModel::KindRole).toInt()) != group) continue;
        for (int j = 0; j < model->rowCount(g); ++j) out << model->index(j, 0, g).data(Qt::DisplayRole).toString();
    }
    return out;
}

QStringList RefActions::refNames(int connection, const QString& repo) const
{
    return namesUnder(m_model, m_model->repositoryIndex(connection, repo), Kind::BranchGroup);
}

void RefActions::finish(int connection, const QString& repo, const QString& doing, const Status& st)
{
    if (!st.ok()) {
        qCWarning(lcRefs).noquote() << doing << "failed:" << qs(st.message());
        m_messages->showError(errorText(doing, st.error()));
        return;
    }
    qCInfo(lcRefs).noquote() << doing << "done";
    m_model->refreshConnection(connection);
    emit refsChanged(connection, repo);
}

void RefActions::createBranch(int connection, const QString& repo, const QString& source)
{
    auto* dlg = new CreateRefDialog(CreateRefDialog::Kind::Branch, repo, source, refNames(connection, repo), m_parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, connection, repo] {
        const QString name = dlg->name(), from = dlg->source();
        auto backend = m_model->backend(connection);
        m_createJob.start(
            [backend, r = ss(repo), n = ss(name), f = ss(from)](const OpContext&) {
                return backend->createBranch(r, n, f).status();
            },
            [this, connection, repo, name, from](Status st) {
                finish(connection, repo, tr("Creating branch '%1' from '%2'").arg(name, from), st);
                if (st.ok()) emit refCreated(connection, repo, name);
            });
    });
    dlg->open();
}

void RefActions::createTag(int connection, const QString& repo, const QString& source)
{
    const QStringList tags = namesUnder(m_model, m_model->repositoryIndex(connection, repo), Kind::TagGroup);
    auto* dlg = new CreateRefDialog(CreateRefDialog::Kind::Tag, repo, source, tags, m_parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, connection, repo] {
        const QString name = dlg->name(), at = dlg->source();
        auto backend = m_model->backend(connection);
        m_createJob.start(
            [backend, r = ss(repo), n = ss(name), a = ss(at)](const OpContext&) {
                return backend->createTag(r, n, a).status();
            },
            [this, connection, repo, name, at](Status st) {
                finish(connection, repo, tr("Creating tag '%1' at '%2'").arg(name, at), st);
                if (st.ok()) emit refCreated(connection, repo, name);
            });
    });
    dlg->open();
}

// A window-modal yes/no box whose "yes" runs `onYes`; no nested event loop.
static void confirm(QWidget* parent, const QString& objectName, const QString& title, const QString& text,
                    const QString& yesText, QObject* ctx, std::function<void()> onYes)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(objectName);
    QPushButton* yes = box->addButton(yesText, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, ctx, [yes, onYes = std::move(onYes)](QAbstractButton* b) {
        if (b == yes) onYes();
    });
    box->open();
}

void RefActions::deleteBranch(int connection, const QString& repo, const QString& branch)
{
    const QModelIndex repoIndex = m_model->repositoryIndex(connection, repo);
    if (repoIndex.data(ConnectionTreeModel::DefaultBranchRole).toString() == branch) {
        m_messages->showMessage(MessageBar::Level::Warning,
                                tr("'%1' is the default branch of %2 and cannot be deleted.").arg(branch, repo));
        return;
    }
    confirm(m_parent, QStringLiteral("confirmDeleteBranch"), tr("Delete Branch"),
            tr("Delete branch '%1' of %2?\n\nIts commits stay reachable from other refs; uncommitted changes on it "
               "are lost.")
                .arg(branch, repo),
            tr("Delete Branch"), this, [this, connection, repo, branch] {
                auto backend = m_model->backend(connection);
                m_deleteJob.start(
                    [backend, r = ss(repo), b = ss(branch)](const OpContext&) { return backend->deleteBranch(r, b); },
                    [this, connection, repo, branch](Status st) {
                        finish(connection, repo, tr("Deleting branch '%1'").arg(branch), st);
                    });
            });
}

void RefActions::deleteTag(int connection, const QString& repo, const QString& tag)
{
    confirm(m_parent, QStringLiteral("confirmDeleteTag"), tr("Delete Tag"),
            tr("Delete tag '%1' of %2? The commit it points at is kept.").arg(tag, repo), tr("Delete Tag"), this,
            [this, connection, repo, tag] {
                auto backend = m_model->backend(connection);
                m_deleteJob.start(
                    [backend, r = ss(repo), t = ss(tag)](const OpContext&) { return backend->deleteTag(r, t); },
                    [this, connection, repo, tag](Status st) {
                        finish(connection, repo, tr("Deleting tag '%1'").arg(tag), st);
                    });
            });
}

void RefActions::resetBranch(int connection, const QString& repo, const QString& branch)
{
    confirm(m_parent, QStringLiteral("confirmReset"), tr("Reset Uncommitted Changes"),
            tr("Discard all uncommitted changes on branch '%1' of %2?").arg(branch, repo), tr("Discard Changes"), this,
            [this, connection, repo, branch] {
                auto backend = m_model->backend(connection);
                m_resetJob.start(
                    [backend, r = ss(repo), b = ss(branch)](const OpContext&) {
                        return backend->resetBranch(r, b, ResetType::Reset, "");
                    },
                    [this, connection, repo, branch](Status st) {
                        finish(connection, repo, tr("Resetting branch '%1'").arg(branch), st);
                    });
            });
}

void RefActions::mergeBranch(int connection, const QString& repo, const QString& source)
{
    const QModelIndex repoIndex = m_model->repositoryIndex(connection, repo);
    const QString defaultBranch = repoIndex.data(ConnectionTreeModel::DefaultBranchRole).toString();
    QStringList targets = refNames(connection, repo);
    targets.removeAll(source);
    if (targets.isEmpty()) {
        m_messages->showInfo(tr("%1 has no other branch to merge '%2' into.").arg(repo, source));
        return;
    }
    auto* dlg = new QDialog(m_parent);
    dlg->setObjectName(QStringLiteral("mergeDialog"));
    dlg->setWindowTitle(tr("Merge '%1'").arg(source));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowModality(Qt::WindowModal);
    auto* form = new QFormLayout(dlg);
    auto* dest = new QComboBox(dlg);
    dest->setObjectName(QStringLiteral("mergeDestination"));
    dest->addItems(targets);
    if (targets.contains(defaultBranch)) dest->setCurrentText(defaultBranch);
    auto* strategy = new QComboBox(dlg);
    strategy->setObjectName(QStringLiteral("mergeStrategy"));
    strategy->addItem(tr("Stop on conflicts"), int(MergeStrategy::None));
    strategy->addItem(tr("Conflicts: take %1's version").arg(source), int(MergeStrategy::SourceWins));
    strategy->addItem(tr("Conflicts: keep the destination's version"), int(MergeStrategy::DestWins));
    auto* message = new QLineEdit(dlg);
    message->setObjectName(QStringLiteral("mergeMessage"));
    message->setPlaceholderText(tr("Merge '%1' into '<destination>'").arg(source));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dlg);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    form->addRow(tr("Merge %1 into:").arg(source), dest);
    form->addRow(tr("Conflicts:"), strategy);
    form->addRow(tr("Message:"), message);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    connect(dlg, &QDialog::accepted, this, [this, dest, strategy, message, connection, repo, source] {
        const QString destination = dest->currentText();
        MergeParams params;
        params.strategy = MergeStrategy(strategy->currentData().toInt());
        params.message = ss(message->text().trimmed().isEmpty()
                                ? tr("Merge '%1' into '%2'").arg(source, destination)
                                : message->text().trimmed());
        auto backend = m_model->backend(connection);
        if (!backend) return;
        m_mergeJob.start(
            [backend, r = ss(repo), s = ss(source), d = ss(destination), params](const OpContext&) {
                return backend->merge(r, s, d, params);
            },
            [this, connection, repo, source, destination](Result<MergeResult> res) {
                const QString doing = tr("Merging '%1' into '%2'").arg(source, destination);
                if (!res.ok() && !res.error().conflicts.empty()) {
                    QStringList paths;
                    for (const std::string& p : res.error().conflicts) paths << qs(p);
                    m_messages->showError(tr("%1: conflicts in %2. Nothing was changed; merge again choosing "
                                             "which side wins, or resolve the conflicts on a branch.")
                                              .arg(doing, paths.join(QStringLiteral(", "))));
                    return;
                }
                finish(connection, repo, doing, res.status());
                if (!res.ok()) return;
                const QString commit = qs(res->reference);
                m_messages->showInfo(tr("Merged '%1' into '%2' (commit %3).").arg(source, destination, commit.left(12)));
                emit merged(connection, repo, destination, commit);
            });
    });
    dlg->open();
}

} // namespace lakeside::ui
