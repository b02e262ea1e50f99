// SPDX-License-Identifier: Apache-2.0
#pragma once
// Puts the saved lakeFS connections into the main window: one sidebar row per
// connection after the embedded workspace, the File menu's "Add lakeFS
// Connection…", "Import from ~/.lakectl.yaml", "Manage Connections…", and on
// a connection row's context menu Edit, Test and Remove.
//
// Connections are lazy: a row is added without a backend; the first
// expansion asks for one (ConnectionTreeModel::backendNeeded), which is built
// by ConnectionStore::makeBackend after the keychain read completes from the
// event loop, so the UI thread never waits for the keychain or the network.
// A row whose connection skips TLS verification carries a warning (icon and
// tooltip). The rows follow the store: an edit replaces the backend (and
// closes the tabs on the old one), a removal removes the row and its tabs.
//
// Thread safety: GUI thread only. The test job never touches a QObject.

#include "connections/connectionstore.h"
#include "jobs/jobtracker.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace lakeside::ui {

class MainWindow;

class ConnectionsController : public QObject {
    Q_OBJECT
public:
    // Neither is owned; `window` is the parent.
    ConnectionsController(connections::ConnectionStore* store, MainWindow* window);
    ~ConnectionsController() override;

    // Adds every saved connection as a lazy sidebar row (no network traffic).
    void loadSaved();
    // The sidebar connection id of a saved connection, or -1.
    int connectionId(const QString& name) const;
    connections::ConnectionStore* store() const { return m_store; }

    // The actions added to the File menu (object names addConnectionAction,
    // importLakectlAction, manageConnectionsAction).
    QAction* addAction() const { return m_addAction; }
    QAction* importAction() const { return m_importAction; }
    QAction* manageAction() const { return m_manageAction; }

    // The warning shown on a connection row that skips TLS verification.
    static QString tlsWarning();

public Q_SLOTS:
    // Opens the connection dialog (window-modal, no nested event loop).
    void addConnection();
    void editConnection(const QString& name);
    void manageConnections();
    // Imports a lakectl YAML ($LAKECTL_CONFIG_FILE or ~/.lakectl.yaml when empty).
    void importLakectl(const QString& path = QString());
    // Asks first unless `confirm` is false; removes the fields, the secret and the row.
    void removeConnection(const QString& name, bool confirm = true);
    // Runs remote::testConnection in a job; the verdict goes to the message bar.
    void testConnection(const QString& name);

Q_SIGNALS:
    void testFinished(const QString& name, bool ok, const QString& message);
    void imported(const QString& name);

private:
    void addRow(const QString& name);
    void onBackendNeeded(int connection);
    void onAdded(const QString& name);
    void onUpdated(const QString& oldName, const QString& newName);
    void onRemoved(const QString& name);
    void populateMenu(QMenu* menu, int connection);
    void expandConnection(const QString& name);

    connections::ConnectionStore* m_store;
    QPointer<MainWindow> m_window;
    QHash<QString, int> m_ids; // saved name -> sidebar connection id
    QAction* m_addAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_manageAction = nullptr;
    JobTracker m_testJob{this};
};

} // namespace lakeside::ui
