// SPDX-License-Identifier: Apache-2.0
#pragma once
// "Manage lakeFS connections…": every saved connection with Add, Edit and
// Remove (Remove asks first, then deletes the fields and the keychain
// secret). The list follows ConnectionStore::connectionsChanged().
// Thread safety: GUI thread only.

#include "connections/connectionstore.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace lakeside::ui {

class ConnectionsManagerDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionsManagerDialog(connections::ConnectionStore* store, QWidget* parent = nullptr);

    QString currentName() const;
    void selectName(const QString& name);

public Q_SLOTS:
    void addConnection();
    void editConnection();
    // Asks for confirmation unless `confirm` is false.
    void removeConnection(bool confirm = true);

private:
    void reload();
    void updateButtons();

    connections::ConnectionStore* m_store;
    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace lakeside::ui
