// SPDX-License-Identifier: Apache-2.0
#include "connections/connectionsmanagerdialog.h"

#include "connections/connectiondialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace lakeside::ui {

ConnectionsManagerDialog::ConnectionsManagerDialog(connections::ConnectionStore* store, QWidget* parent)
    : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("lakeFS connections"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto* side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_edit);
    side->addWidget(m_remove);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &ConnectionsManagerDialog::addConnection);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsManagerDialog::editConnection);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeConnection(true); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ConnectionsManagerDialog::editConnection);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsManagerDialog::updateButtons);
    connect(close, &QDialogButtonBox::rejected, this, &ConnectionsManagerDialog::reject);
    connect(m_store, &connections::ConnectionStore::connectionsChanged, this, &ConnectionsManagerDialog::reload);
    reload();
}

QString ConnectionsManagerDialog::currentName() const
{
    const auto* item = m_list->currentItem();
    return item ? item->text() : QString();
}

void ConnectionsManagerDialog::selectName(const QString& name)
{
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty()) m_list->setCurrentItem(found.first());
}

void ConnectionsManagerDialog::reload()
{
    const QString current = currentName();
    m_list->clear();
    m_list->addItems(m_store->names());
    selectName(current);
    if (!m_list->currentItem() && m_list->count() > 0) m_list->setCurrentRow(0);
    updateButtons();
}

void ConnectionsManagerDialog::updateButtons()
{
    const bool has = m_list->currentItem() != nullptr;
    m_edit->setEnabled(has);
    m_remove->setEnabled(has);
}

void ConnectionsManagerDialog::addConnection()
{
    ConnectionDialog dlg(m_store, QString(), this);
    if (dlg.exec() == QDialog::Accepted) selectName(dlg.savedName());
}

void ConnectionsManagerDialog::editConnection()
{
    const QString name = currentName();
    if (name.isEmpty()) return;
    ConnectionDialog dlg(m_store, name, this);
    if (dlg.exec() == QDialog::Accepted) selectName(dlg.savedName());
}

void ConnectionsManagerDialog::removeConnection(bool confirm)
{
    const QString name = currentName();
    if (name.isEmpty()) return;
    if (confirm
        && QMessageBox::question(this, tr("Remove connection"),
                                 tr("Remove the lakeFS connection \"%1\" and its stored secret? "
                                    "Data on the server is not touched.").arg(name))
               != QMessageBox::Yes)
        return;
    QPointer<ConnectionsManagerDialog> self(this);
    m_store->remove(name, [self, name](Status st) {
        if (self && !st.ok())
            QMessageBox::warning(self, tr("Remove connection"),
                                 tr("Could not remove \"%1\": %2").arg(name, QString::fromStdString(st.message())));
    });
}

} // namespace lakeside::ui
