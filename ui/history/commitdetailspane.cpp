// SPDX-License-Identifier: Apache-2.0
#include "commitdetailspane.h"

#include "history/commitchangesmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace lakeside::ui {

namespace {
QLabel* selectableLabel(QWidget* parent, const QString& name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}
} // namespace

CommitDetailsPane::CommitDetailsPane(std::shared_ptr<Backend> backend, const QString& repo, QWidget* parent)
    : QWidget(parent), m_backend(std::move(backend)), m_repo(repo), m_title(selectableLabel(this, QStringLiteral("title"))),
      m_idLabel(selectableLabel(this, QStringLiteral("commitId"))), m_copy(new QToolButton(this)),
      m_parentsLabel(new QLabel(this)), m_committer(selectableLabel(this, QStringLiteral("committer"))),
      m_date(selectableLabel(this, QStringLiteral("date"))), m_message(new QPlainTextEdit(this)),
      m_metadata(new QTableWidget(0, 2, this)), m_changes(new CommitChangesModel(this)), m_changesView(new QTreeView(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_idLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_idLabel->setWordWrap(false);
    m_copy->setObjectName(QStringLiteral("copyId"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the full commit id"));
    m_copy->setEnabled(false);
    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_id); });
    m_parentsLabel->setObjectName(QStringLiteral("parents"));
    m_parentsLabel->setTextFormat(Qt::RichText);
    m_parentsLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_parentsLabel, &QLabel::linkActivated, this, &CommitDetailsPane::parentActivated);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setReadOnly(true);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    m_metadata->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->horizontalHeader()->setStretchLastSection(true);
    m_metadata->verticalHeader()->hide();
    m_metadata->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changesView->setObjectName(QStringLiteral("changes"));
    m_changesView->setModel(m_changes);
    m_changesView->setRootIsDecorated(false);
    m_changesView->setUniformRowHeights(true);
    m_changesView->header()->setStretchLastSection(false);
    m_changesView->header()->setSectionResizeMode(CommitChangesModel::Path, QHeaderView::Stretch);
    connect(m_changes, &CommitChangesModel::errorOccurred, this, &CommitDetailsPane::errorOccurred);

    auto* idRow = new QHBoxLayout;
    idRow->addWidget(m_idLabel, 1);
    idRow->addWidget(m_copy);
    auto* form = new QFormLayout;
    form->addRow(tr("Commit:"), idRow);
    form->addRow(tr("Parents:"), m_parentsLabel);
    form->addRow(tr("Committer:"), m_committer);
    form->addRow(tr("Date:"), m_date);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addLayout(form);
    topLayout->addWidget(m_message, 1);
    topLayout->addWidget(m_metadata, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_changesView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(split);
    clear();
}

void CommitDetailsPane::clear()
{
    m_tracker.cancel();
    m_requested.clear();
    m_id.clear();
    m_parents.clear();
    m_title->setText(tr("Select a commit to see its details"));
    m_idLabel->clear();
    m_copy->setEnabled(false);
    m_parentsLabel->clear();
    m_committer->clear();
    m_date->clear();
    m_message->clear();
    m_metadata->setRowCount(0);
    m_changes->clear();
}

void CommitDetailsPane::showCommit(const QString& id)
{
    // Compare with the last request, not with what is on screen: while B is
    // loading, going back to the shown A must still cancel B, or B's result
    // would land over A.
    if (id == m_requested) return;
    m_requested = id;
    if (id == m_id) {
        m_tracker.cancel();
        emit commitShown(m_id);
        return;
    }
    struct Loaded {
        std::optional<Commit> commit;
        std::string error;
    };
    m_tracker.start(
        [backend = m_backend, repo = m_repo.toStdString(), ref = id.toStdString()](const OpContext&) {
            Loaded l;
            Result<Commit> c = backend->getCommit(repo, ref);
            if (c.ok()) l.commit = std::move(c.value());
            else l.error = c.error().message;
            return l;
        },
        [this, id](Loaded l) {
            if (id != m_requested) return; // belt and braces: the tracker already drops stale jobs
            if (!l.commit) {
                clear();
                emit errorOccurred(QString::fromStdString(l.error));
                return;
            }
            fill(*l.commit);
        });
}

void CommitDetailsPane::fill(const Commit& c)
{
    m_id = QString::fromStdString(c.id);
    const QString message = QString::fromStdString(c.message);
    m_title->setText(message.section(QLatin1Char('\n'), 0, 0));
    m_idLabel->setText(m_id);
    m_copy->setEnabled(true);
    m_parents.clear();
    QStringList links;
    for (const std::string& p : c.parents) {
        const QString pid = QString::fromStdString(p);
        m_parents << pid;
        links << QStringLiteral("<a href=\"%1\">%2</a>").arg(pid, pid.left(12));
    }
    m_parentsLabel->setText(links.isEmpty() ? tr("none (first commit)") : links.join(QStringLiteral(", ")));
    m_committer->setText(QString::fromStdString(c.committer));
    m_date->setText(QLocale().toString(QDateTime::fromSecsSinceEpoch(c.creation_date), QLocale::LongFormat));
    m_message->setPlainText(message);
    m_metadata->setRowCount(static_cast<int>(c.metadata.size()));
    int row = 0;
    for (const auto& [key, value] : c.metadata) {
        m_metadata->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(key)));
        m_metadata->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(value)));
        ++row;
    }
    m_changes->load(m_backend, m_repo, m_parents.value(0), m_id);
    emit commitShown(m_id);
}

} // namespace lakeside::ui
