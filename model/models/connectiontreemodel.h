// SPDX-License-Identifier: Apache-2.0
#pragma once
// The sidebar's tree: connections (the local workspace first, lakeFS servers
// later), their repositories, and each repository's branches and tags under
// two group rows.
//
//   local workspace
//   └─ sales-orders            (Repository)
//      ├─ Branches             (BranchGroup)
//      │  ├─ main              (Branch, IsDefaultRole = true)
//      │  └─ feature-x
//      └─ Tags                 (TagGroup)
//         └─ v1.0
//
// Loading: refresh() lists everything of every connection in one job per
// connection (off the UI thread), then swaps that connection's children in.
// A failed load leaves the previous rows, sets the connection row's
// ErrorRole ("cannot connect: <reason>") and emits loadFailed().
//
// Lazy connections (lakeFS servers) load only when a view expands them
// (canFetchMore/fetchMore on the connection row). One added without a
// backend asks for it with backendNeeded() on first expansion; the owner
// answers with setBackend() or setConnectionError(), so creating a backend
// (keychain read) never blocks the UI thread. Connection ids are stable:
// removeConnection() drops the row but never renumbers the others.
// Thread safety: UI thread only.

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QString>

#include <memory>
#include <vector>

#include "api/backend.h"
#include "jobs/jobtracker.h"

namespace lakeside {

class ConnectionTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Connection, Repository, BranchGroup, TagGroup, Branch, Tag };
    Q_ENUM(Kind)
    enum Roles {
        KindRole = Qt::UserRole + 1, // Kind as int
        ConnectionRole,              // int: index of the connection
        RepositoryRole,              // QString: repository id (empty on connection rows)
        RefNameRole,                 // QString: branch or tag name
        CommitIdRole,                // QString: the commit a branch/tag points at
        IsDefaultRole,               // bool: the repository's default branch
        DefaultBranchRole,           // QString: on repository and ref rows
        PathRole,                    // QString: stable key "conn/repo/b|t/name" (expansion state)
        ErrorRole,                   // QString: on connection rows, why the last load failed (else empty)
        WarningRole,                 // QString: on connection rows, a standing warning (TLS verification off)
        StateRole,                   // ConnectionState as int, on connection rows
        IsRemoteRole,                // bool: on connection rows, a lakeFS server (not the embedded workspace)
    };
    enum class ConnectionState { Idle, Loading, Loaded, Failed };
    Q_ENUM(ConnectionState)

    struct ConnectionOptions {
        bool lazy = false;   // load on first expansion instead of at once
        bool remote = false; // IsRemoteRole
        QString warning;     // WarningRole
    };

    explicit ConnectionTreeModel(QObject* parent = nullptr);
    ~ConnectionTreeModel() override;

    // Appends a connection and starts loading it (unless options.lazy).
    // `backend` may be null for a lazy connection (see backendNeeded()).
    int addConnection(const QString& name, std::shared_ptr<Backend> backend, ConnectionOptions options);
    int addConnection(const QString& name, std::shared_ptr<Backend> backend)
    {
        return addConnection(name, std::move(backend), ConnectionOptions());
    }
    // Replaces name, backend and options of a connection (after an edit):
    // its rows go, and it loads again as a new connection would.
    void updateConnection(int connection, const QString& name, std::shared_ptr<Backend> backend,
                          ConnectionOptions options);
    // Removes the connection's row; its id stays reserved (backend() is null).
    void removeConnection(int connection);
    // Answers backendNeeded(): stores the backend and loads when expansion asked for it.
    void setBackend(int connection, std::shared_ptr<Backend> backend);
    // Shows `message` as the connection's error (ErrorRole) and stops loading.
    void setConnectionError(int connection, const QString& message);
    // Slots ever handed out (including removed ones); ids are 0..count-1.
    int connectionCount() const { return int(m_connections.size()); }
    bool isRemoved(int connection) const;
    // The id of the (not removed) connection called `name`, or -1.
    int findConnection(const QString& name) const;
    std::shared_ptr<Backend> backend(int connection) const;
    QString connectionName(int connection) const;
    QModelIndex connectionIndex(int connection) const;

    void refresh();
    void refreshConnection(int connection);
    bool isLoading() const;

    // Index of a row by its PathRole key, or invalid.
    QModelIndex findPath(const QString& path) const;
    QModelIndex repositoryIndex(int connection, const QString& repo) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void connectionLoaded(int connection, int rows, qint64 ms);
    void loadFailed(int connection, const QString& message);
    // A lazy connection without a backend was expanded (or refreshed).
    void backendNeeded(int connection);
    void connectionRemoved(int connection);

private:
    struct Node;
    struct Snapshot;
    struct Connection;
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node) const;
    void apply(int connection, Snapshot snapshot, qint64 ms);
    void clearChildren(Node* node);
    void setState(int connection, ConnectionState state, const QString& error = QString());

    std::unique_ptr<Node> m_root;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace lakeside
