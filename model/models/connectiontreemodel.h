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
// A failed load leaves the previous rows and emits loadFailed().
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
    };

    explicit ConnectionTreeModel(QObject* parent = nullptr);
    ~ConnectionTreeModel() override;

    // Appends a connection and starts loading it.
    int addConnection(const QString& name, std::shared_ptr<Backend> backend);
    int connectionCount() const { return int(m_connections.size()); }
    std::shared_ptr<Backend> backend(int connection) const;
    QString connectionName(int connection) const;

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

signals:
    void connectionLoaded(int connection, int rows, qint64 ms);
    void loadFailed(int connection, const QString& message);

private:
    struct Node;
    struct Snapshot;
    struct Connection;
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node) const;
    void apply(int connection, Snapshot snapshot, qint64 ms);

    std::unique_ptr<Node> m_root;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace lakeside
