// SPDX-License-Identifier: Apache-2.0
#include "connectionscontroller.h"

#include "connectiondialog.h"
#include "connectionsmanagerdialog.h"
#include "mainwindow.h"
#include "models/connectiontreemodel.h"
#include "remote/connectiontest.h"
#include "remote/lakectlconfig.h"
#include "session/qtconvert.h"
#include "sidebar/sidebar.h"
#include "theme/icons.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>

namespace lakeside::ui {

Q_LOGGING_CATEGORY(lcConnections, "lakeside.ui.connections", QtInfoMsg)

namespace {

ConnectionTreeModel::ConnectionOptions optionsFor(const connections::LakeFsConnection& c)
{
    ConnectionTreeModel::ConnectionOptions o;
    o.lazy = true;
    o.remote = true;
    if (c.skipTlsVerify) o.warning = ConnectionsController::tlsWarning();
    return o;
}

} // namespace

ConnectionsController::ConnectionsController(connections::ConnectionStore* store, MainWindow* window)
    : QObject(window), m_store(store), m_window(window)
{
    auto make = [this](const char* iconName, const QString& text, const char* name, auto fn) {
        auto* a = new QAction(icon(iconName), text, this);
        a->setObjectName(QString::fromLatin1(name));
        connect(a, &QAction::triggered, this, fn);
        return a;
    };
    m_addAction = make("server", tr("Add lakeFS &Connection…"), "addConnectionAction", [this] { addConnection(); });
    m_importAction = make("download", tr("&Import from ~/.lakectl.yaml"), "importLakectlAction",
                          [this] { importLakectl(); });
    m_manageAction = make("server", tr("&Manage Connections…"), "manageConnectionsAction",
                          [this] { manageConnections(); });

    QMenu* file = window->fileMenu();
    QAction* first = file->actions().value(0);
    file->insertActions(first, {m_addAction, m_importAction, m_manageAction});
    file->insertSeparator(first);

    ConnectionTreeModel* model = window->connections();
    connect(model, &ConnectionTreeModel::backendNeeded, this, &ConnectionsController::onBackendNeeded);
    connect(window->sidebar(), &Sidebar::connectionMenuAboutToShow, this, &ConnectionsController::populateMenu);
    connect(store, &connections::ConnectionStore::connectionAdded, this, &ConnectionsController::onAdded);
    connect(store, &connections::ConnectionStore::connectionUpdated, this, &ConnectionsController::onUpdated);
    connect(store, &connections::ConnectionStore::connectionRemoved, this, &ConnectionsController::onRemoved);
}

ConnectionsController::~ConnectionsController() = default;

QString ConnectionsController::tlsWarning()
{
    return tr("TLS certificate verification is off for this connection: the server's identity is not checked, "
              "so traffic (including credentials) could be read or altered on the way.");
}

void ConnectionsController::loadSaved()
{
    for (const QString& name : m_store->names())
        if (!m_ids.contains(name)) addRow(name);
}

int ConnectionsController::connectionId(const QString& name) const { return m_ids.value(name, -1); }

void ConnectionsController::addRow(const QString& name)
{
    const auto c = m_store->connection(name);
    if (!c || !m_window) return;
    ConnectionTreeModel* model = m_window->connections();
    // Known before the row exists: a view may fetch (and so ask for its
    // backend) from inside the insertion.
    const int id = model->connectionCount();
    m_ids.insert(name, id);
    const int added = model->addConnection(name, nullptr, optionsFor(*c));
    Q_ASSERT(added == id);
    Q_UNUSED(added);
}

void ConnectionsController::onBackendNeeded(int connection)
{
    const QString name = m_ids.key(connection);
    if (name.isEmpty() || !m_window) return;
    QPointer<ConnectionTreeModel> model = m_window->connections();
    qCInfo(lcConnections).noquote() << "connecting" << name;
    m_store->makeBackend(name, [model, connection](Result<std::shared_ptr<Backend>> backend) {
        if (!model) return;
        if (backend.ok())
            model->setBackend(connection, *backend);
        else
            model->setConnectionError(connection, tr("cannot connect: %1").arg(qs(backend.error().message)));
    });
}

void ConnectionsController::onAdded(const QString& name)
{
    if (m_ids.contains(name)) return;
    addRow(name);
    expandConnection(name); // the user just added it: show what is there
}

void ConnectionsController::onUpdated(const QString& oldName, const QString& newName)
{
    const int id = m_ids.value(oldName, -1);
    const auto c = m_store->connection(newName);
    if (id < 0 || !c || !m_window) return;
    m_ids.remove(oldName);
    m_ids.insert(newName, id);
    ConnectionTreeModel* model = m_window->connections();
    const auto state = ConnectionTreeModel::ConnectionState(model->connectionIndex(id).data(ConnectionTreeModel::StateRole).toInt());
    m_window->closeConnectionTabs(id); // they hold the old backend
    model->updateConnection(id, newName, nullptr, optionsFor(*c));
    if (state != ConnectionTreeModel::ConnectionState::Idle) model->refreshConnection(id);
}

void ConnectionsController::onRemoved(const QString& name)
{
    const int id = m_ids.value(name, -1);
    if (id < 0 || !m_window) return;
    m_ids.remove(name);
    m_window->connections()->removeConnection(id); // MainWindow closes its tabs
}

void ConnectionsController::expandConnection(const QString& name)
{
    const int id = m_ids.value(name, -1);
    if (id < 0 || !m_window) return;
    Sidebar* sidebar = m_window->sidebar();
    const QString path = m_window->connections()->connectionIndex(id).data(ConnectionTreeModel::PathRole).toString();
    if (!sidebar->selectPath(path)) return;
    sidebar->view()->expand(sidebar->view()->currentIndex()); // fetchMore: connects
}

void ConnectionsController::addConnection()
{
    auto* dlg = new ConnectionDialog(m_store, QString(), m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowModality(Qt::WindowModal);
    dlg->open();
}

void ConnectionsController::editConnection(const QString& name)
{
    if (!m_store->connection(name)) return;
    auto* dlg = new ConnectionDialog(m_store, name, m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowModality(Qt::WindowModal);
    dlg->open();
}

void ConnectionsController::manageConnections()
{
    auto* dlg = new ConnectionsManagerDialog(m_store, m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowModality(Qt::WindowModal);
    dlg->open();
}

void ConnectionsController::importLakectl(const QString& path)
{
    const QString file = path.isEmpty() ? qs(remote::defaultLakectlConfigPath()) : path;
    QPointer<ConnectionsController> self(this);
    m_store->importLakectl(file, QString(), [self, file](Result<QString> name) {
        if (!self || !self->m_window) return;
        MessageBar* bar = self->m_window->messageBar();
        if (!name.ok()) {
            bar->showError(errorText(tr("Importing %1").arg(file), name.error()));
            return;
        }
        bar->showInfo(tr("Imported %1 as the lakeFS connection \"%2\".").arg(file, *name));
        emit self->imported(*name);
    });
}

void ConnectionsController::removeConnection(const QString& name, bool confirm)
{
    auto doRemove = [this, name] {
        QPointer<ConnectionsController> self(this);
        m_store->remove(name, [self, name](Status st) {
            if (!self || !self->m_window || st.ok()) return;
            self->m_window->messageBar()->showError(errorText(tr("Removing connection \"%1\"").arg(name), st.error()));
        });
    };
    if (!confirm) return doRemove();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove Connection"),
                                tr("Remove the lakeFS connection \"%1\" and its stored secret? Nothing on the "
                                   "server is changed.")
                                    .arg(name),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("confirmRemoveConnection"));
    QPushButton* yes = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [yes, doRemove](QAbstractButton* b) {
        if (b == yes) doRemove();
    });
    box->open();
}

void ConnectionsController::testConnection(const QString& name)
{
    const auto c = m_store->connection(name);
    if (!c) return;
    QPointer<ConnectionsController> self(this);
    m_store->readSecret(name, [self, name, c = *c](Result<QString> secret) {
        if (!self || !self->m_window) return;
        if (!secret.ok()) {
            const QString msg = errorText(tr("Reading the secret of \"%1\"").arg(name), secret.error());
            self->m_window->messageBar()->showError(msg);
            emit self->testFinished(name, false, msg);
            return;
        }
        self->m_window->messageBar()->showInfo(tr("Testing the connection \"%1\"…").arg(name));
        self->m_testJob.start(
            [config = connections::toConfig(c, *secret)](const OpContext&) { return remote::testConnection(config); },
            [self, name](remote::ConnectionReport report) {
                if (!self || !self->m_window) return;
                const QString msg = tr("%1: %2").arg(name, describeConnectionReport(report));
                if (report.ok())
                    self->m_window->messageBar()->showInfo(msg);
                else
                    self->m_window->messageBar()->showError(msg);
                emit self->testFinished(name, report.ok(), msg);
            });
    });
}

void ConnectionsController::populateMenu(QMenu* menu, int connection)
{
    const QString name = connection >= 0 ? m_ids.key(connection) : QString();
    auto add = [menu, this](const char* iconName, const QString& text, const char* objectName, auto fn) {
        QAction* a = menu->addAction(icon(iconName), text);
        a->setObjectName(QString::fromLatin1(objectName));
        connect(a, &QAction::triggered, this, fn);
    };
    if (!name.isEmpty()) {
        if (!menu->isEmpty()) menu->addSeparator();
        add("info", tr("Test Connection"), "testConnectionAction", [this, name] { testConnection(name); });
        add("open", tr("Edit Connection…"), "editConnectionAction", [this, name] { editConnection(name); });
        add("delete", tr("Remove Connection…"), "removeConnectionAction", [this, name] { removeConnection(name); });
    }
    if (!menu->isEmpty()) menu->addSeparator();
    menu->addAction(m_addAction);
    menu->addAction(m_importAction);
    menu->addAction(m_manageAction);
}

} // namespace lakeside::ui
