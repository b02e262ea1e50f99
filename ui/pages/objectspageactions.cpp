// SPDX-License-Identifier: Apache-2.0
// ObjectsPage's write operations: upload (button and drag and drop), export,
// commit and reset. Each is a job; the long ones report to the status bar.
#include "objectspage.h"

#include "dialogs/commitdialog.h"
#include "jobs/taskcenter.h"
#include "models/objecttreemodel.h"
#include "models/uncommittedmodel.h"
#include "objects/objecttransfer.h"
#include "session/qtconvert.h"
#include "widgets/messagebar.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTreeView>

namespace lakeside::ui {

Q_DECLARE_LOGGING_CATEGORY(lcObjectsPage)

int ObjectsPage::beginTask(const QString& title, JobTracker& job, std::function<void()> onCancel)
{
    auto id = std::make_shared<int>(0);
    *id = m_tasks->begin(title, [this, &job, id, onCancel = std::move(onCancel)] {
        job.cancel();
        m_tasks->finish(*id);
        onCancel();
    });
    return *id;
}

void ObjectsPage::chooseUpload()
{
    if (!isBranch())
        return m_messages->showInfo(tr("Uploads go to a branch; %1 is not a branch. Choose a branch first.").arg(m_ref));
    auto* dlg = new QFileDialog(this, tr("Upload to %1").arg(m_ref));
    dlg->setFileMode(QFileDialog::ExistingFiles);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    const QString folder = dropFolderAt(QPoint(-1, -1));
    connect(dlg, &QFileDialog::filesSelected, this, [this, folder](const QStringList& files) { uploadPaths(files, folder); });
    dlg->open();
}

void ObjectsPage::chooseExport()
{
    const QStringList keys = selectedKeys();
    if (keys.isEmpty()) return m_messages->showInfo(tr("Select the objects or folders to export first."));
    auto* dlg = new QFileDialog(this, tr("Export %n item(s) to folder", nullptr, int(keys.size())));
    dlg->setFileMode(QFileDialog::Directory);
    dlg->setOption(QFileDialog::ShowDirsOnly);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::fileSelected, this, [this, keys](const QString& dir) { exportKeys(keys, dir); });
    dlg->open();
}

void ObjectsPage::uploadPaths(const QStringList& localPaths, const QString& destPrefix)
{
    if (!isBranch()) {
        m_messages->showInfo(tr("Uploads go to a branch; %1 is not a branch.").arg(m_ref));
        emit uploadFinished(0, false);
        return;
    }
    const QString branch = m_ref;
    const int task = beginTask(tr("Uploading to %1").arg(branch), m_uploadJob, [this] {
        m_messages->showInfo(tr("Upload cancelled; files already uploaded stay as uncommitted changes."));
        reloadContent();
        emit uploadFinished(0, false);
    });
    m_uploadJob.startWithProgress(
        [b = m_backend, repo = ss(m_repo), br = ss(branch), localPaths, destPrefix](const OpContext& ctx) {
            return lakeside::uploadPaths(*b, repo, br, localPaths, destPrefix, ctx);
        },
        [this, task, branch](TransferReport r) {
            m_tasks->finish(task);
            if (r.error) m_messages->showError(errorText(tr("Uploading to %1").arg(branch), *r.error));
            else
                m_messages->showInfo(tr("Uploaded %n file(s) (%1) to %2 as uncommitted changes.", nullptr, r.files)
                                         .arg(QLocale().formattedDataSize(r.bytes), branch));
            qCInfo(lcObjectsPage).noquote() << "uploaded" << r.files << "files to" << branch;
            reloadContent();
            emit uploadFinished(r.files, !r.error);
        },
        [this, task](int64_t done, int64_t total) { m_tasks->progress(task, done, total); });
}

void ObjectsPage::exportKeys(const QStringList& keys, const QString& folder)
{
    const int task = beginTask(tr("Exporting to %1").arg(folder), m_exportJob, [this] {
        m_messages->showInfo(tr("Export cancelled; no partial file was left behind."));
        emit exportFinished(0, {}, false);
    });
    m_exportJob.startWithProgress(
        [b = m_backend, repo = ss(m_repo), ref = ss(m_ref), keys, folder](const OpContext& ctx) {
            return exportObjects(*b, repo, ref, keys, folder, ctx);
        },
        [this, task, folder](TransferReport r) {
            m_tasks->finish(task);
            if (r.error) m_messages->showError(errorText(tr("Exporting to %1").arg(folder), *r.error));
            else if (!r.refused.isEmpty())
                m_messages->showMessage(MessageBar::Level::Warning,
                                        tr("Exported %n file(s) to %1. Refused, because they would be written "
                                           "outside that folder:\n%2",
                                           nullptr, r.files)
                                            .arg(folder, r.refused.join(u'\n')));
            else
                m_messages->showInfo(tr("Exported %n file(s) (%1) to %2.", nullptr, r.files)
                                         .arg(QLocale().formattedDataSize(r.bytes), folder));
            emit exportFinished(r.files, r.refused, !r.error);
        },
        [this, task](int64_t done, int64_t total) { m_tasks->progress(task, done, total); });
}

void ObjectsPage::openCommitDialog()
{
    if (!isBranch()) return m_messages->showInfo(tr("Commits are made on a branch; %1 is not a branch.").arg(m_ref));
    auto* dlg = new CommitDialog(m_repo, m_ref, m_uncommitted->rowCount(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] { commit(dlg->message(), dlg->metadata()); });
    dlg->open();
}

void ObjectsPage::commit(const QString& message, const std::map<std::string, std::string>& metadata)
{
    const QString branch = m_ref;
    m_writeJob.start(
        [b = m_backend, repo = ss(m_repo), br = ss(branch), message, metadata](const OpContext&) {
            CommitCreation c;
            c.message = ss(message);
            c.metadata = Metadata(metadata.begin(), metadata.end());
            return b->commit(repo, br, c);
        },
        [this, branch](Result<Commit> c) {
            if (!c.ok()) {
                m_messages->showError(errorText(tr("Committing to %1").arg(branch), c.error()));
                return;
            }
            m_messages->showInfo(tr("Committed %1 to %2.").arg(qs(c->id).left(10), branch));
            reloadContent();
            emit refsChanged();
            emit committed(qs(c->id));
        });
}

void ObjectsPage::confirmResetAll()
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Reset All"),
                                tr("Discard all %n uncommitted change(s) on %1?", nullptr, m_uncommitted->rowCount()).arg(m_ref),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmResetAll"));
    QPushButton* yes = box->addButton(tr("Discard Changes"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton* b) {
        if (b == yes) resetPaths({});
    });
    box->open();
}

void ObjectsPage::resetPaths(const QStringList& paths)
{
    const QString branch = m_ref;
    m_writeJob.start(
        [b = m_backend, repo = ss(m_repo), br = ss(branch), paths](const OpContext&) {
            if (paths.isEmpty()) return b->resetBranch(repo, br, ResetType::Reset, "");
            for (const QString& p : paths) {
                Status st = b->resetBranch(repo, br, ResetType::Object, ss(p));
                if (!st.ok()) return st;
            }
            return Status();
        },
        [this, branch](Status st) {
            if (!st.ok()) m_messages->showError(errorText(tr("Resetting %1").arg(branch), st.error()));
            reloadContent();
            emit resetFinished(st.ok());
        });
}

QString ObjectsPage::dropFolderAt(const QPoint& pos) const
{
    QModelIndex i = pos.x() < 0 ? m_tree->currentIndex() : m_tree->indexAt(pos);
    i = i.sibling(i.row(), 0);
    if (!i.isValid()) return {};
    if (i.data(ObjectTreeModel::IsFolderRole).toBool()) return i.data(ObjectTreeModel::PathRole).toString();
    const QModelIndex parent = i.parent();
    return parent.isValid() ? parent.data(ObjectTreeModel::PathRole).toString() : QString();
}

bool ObjectsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_tree->viewport()) return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* e = static_cast<QDropEvent*>(event);
        if (e->mimeData()->hasUrls() && isBranch()) {
            e->setDropAction(Qt::CopyAction);
            e->accept();
        } else {
            e->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto* e = static_cast<QDropEvent*>(event);
        QStringList paths;
        for (const QUrl& u : e->mimeData()->urls())
            if (u.isLocalFile()) paths << u.toLocalFile();
        if (paths.isEmpty()) return true;
        e->setDropAction(Qt::CopyAction);
        e->accept();
        uploadPaths(paths, dropFolderAt(e->position().toPoint()));
        return true;
    }
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lakeside::ui
