// SPDX-License-Identifier: Apache-2.0
#include "connectiontreemodel.h"

#include "session/qtconvert.h"

#include <QLoggingCategory>

#include <functional>
#include <optional>

namespace lakeside {

Q_LOGGING_CATEGORY(lcSidebar, "lakeside.model.sidebar", QtInfoMsg)

struct ConnectionTreeModel::Node {
    Kind kind = Kind::Connection;
    QString name;
    QString commitId;
    QString defaultBranch;
    bool isDefault = false;
    int connection = 0;
    QString repository;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
    int row() const
    {
        if (!parent) return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this) return int(i);
        return 0;
    }
    QString path() const
    {
        switch (kind) {
        case Kind::Connection: return QString::number(connection);
        case Kind::Repository: return QString::number(connection) + u'/' + repository;
        case Kind::BranchGroup: return QString::number(connection) + u'/' + repository + QStringLiteral("/b");
        case Kind::TagGroup: return QString::number(connection) + u'/' + repository + QStringLiteral("/t");
        case Kind::Branch: return QString::number(connection) + u'/' + repository + QStringLiteral("/b/") + name;
        case Kind::Tag: return QString::number(connection) + u'/' + repository + QStringLiteral("/t/") + name;
        }
        return {};
    }
};

// What one load job returns: plain values, built off the UI thread.
struct ConnectionTreeModel::Snapshot {
    struct Repo {
        Repository repo;
        std::vector<Ref> branches;
        std::vector<Ref> tags;
    };
    std::vector<Repo> repos;
    std::optional<Error> error;
};

struct ConnectionTreeModel::Connection {
    QString name;
    std::shared_ptr<Backend> backend;
    std::unique_ptr<JobTracker> job;
    QElapsedTimer timer;
    Node* node = nullptr; // null once removed
    ConnectionOptions options;
    ConnectionState state = ConnectionState::Idle;
    QString error;
    bool waitingForBackend = false;
};

ConnectionTreeModel::ConnectionTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

ConnectionTreeModel::~ConnectionTreeModel() = default;

int ConnectionTreeModel::addConnection(const QString& name, std::shared_ptr<Backend> backend,
                                       ConnectionOptions options)
{
    const int id = int(m_connections.size());
    auto conn = std::make_unique<Connection>();
    conn->name = name;
    conn->backend = std::move(backend);
    conn->options = std::move(options);
    conn->job = std::make_unique<JobTracker>(this);
    auto node = std::make_unique<Node>();
    node->kind = Kind::Connection;
    node->name = name;
    node->connection = id;
    const int row = int(m_root->children.size());
    beginInsertRows({}, row, row);
    conn->node = m_root->add(std::move(node));
    m_connections.push_back(std::move(conn));
    endInsertRows();
    if (!m_connections.back()->options.lazy) refreshConnection(id);
    return id;
}

void ConnectionTreeModel::updateConnection(int connection, const QString& name, std::shared_ptr<Backend> backend,
                                           ConnectionOptions options)
{
    if (isRemoved(connection)) return;
    Connection& conn = *m_connections[size_t(connection)];
    conn.job->cancel();
    clearChildren(conn.node);
    conn.name = name;
    conn.node->name = name;
    conn.backend = std::move(backend);
    conn.options = std::move(options);
    conn.waitingForBackend = false;
    setState(connection, ConnectionState::Idle);
    if (!conn.options.lazy) refreshConnection(connection);
}

void ConnectionTreeModel::removeConnection(int connection)
{
    if (isRemoved(connection)) return;
    Connection& conn = *m_connections[size_t(connection)];
    conn.job->cancel();
    const int row = conn.node->row();
    beginRemoveRows({}, row, row);
    m_root->children.erase(m_root->children.begin() + row);
    conn.node = nullptr;
    endRemoveRows();
    conn.backend.reset();
    emit connectionRemoved(connection);
}

void ConnectionTreeModel::setBackend(int connection, std::shared_ptr<Backend> backend)
{
    if (isRemoved(connection)) return;
    Connection& conn = *m_connections[size_t(connection)];
    conn.backend = std::move(backend);
    const bool load = conn.waitingForBackend;
    conn.waitingForBackend = false;
    if (load && conn.backend) refreshConnection(connection);
}

void ConnectionTreeModel::setConnectionError(int connection, const QString& message)
{
    if (isRemoved(connection)) return;
    Connection& conn = *m_connections[size_t(connection)];
    conn.waitingForBackend = false;
    conn.job->cancel();
    setState(connection, ConnectionState::Failed, message);
    emit loadFailed(connection, message);
}

bool ConnectionTreeModel::isRemoved(int connection) const
{
    return connection < 0 || connection >= connectionCount() || !m_connections[size_t(connection)]->node;
}

int ConnectionTreeModel::findConnection(const QString& name) const
{
    for (int i = 0; i < connectionCount(); ++i)
        if (!isRemoved(i) && m_connections[size_t(i)]->name == name) return i;
    return -1;
}

std::shared_ptr<Backend> ConnectionTreeModel::backend(int connection) const
{
    if (connection < 0 || connection >= connectionCount()) return {};
    return m_connections[size_t(connection)]->backend;
}

QString ConnectionTreeModel::connectionName(int connection) const
{
    if (connection < 0 || connection >= connectionCount()) return {};
    return m_connections[size_t(connection)]->name;
}

QModelIndex ConnectionTreeModel::connectionIndex(int connection) const
{
    if (isRemoved(connection)) return {};
    return indexFor(m_connections[size_t(connection)]->node);
}

void ConnectionTreeModel::refresh()
{
    for (int i = 0; i < connectionCount(); ++i) {
        if (isRemoved(i)) continue;
        const Connection& c = *m_connections[size_t(i)];
        if (c.options.lazy && c.state == ConnectionState::Idle) continue; // not expanded yet
        refreshConnection(i);
    }
}

void ConnectionTreeModel::clearChildren(Node* node)
{
    if (node->children.empty()) return;
    beginRemoveRows(indexFor(node), 0, int(node->children.size()) - 1);
    node->children.clear();
    endRemoveRows();
}

void ConnectionTreeModel::setState(int connection, ConnectionState state, const QString& error)
{
    Connection& conn = *m_connections[size_t(connection)];
    conn.state = state;
    conn.error = error;
    if (conn.node) {
        const QModelIndex i = indexFor(conn.node);
        emit dataChanged(i, i);
    }
}

bool ConnectionTreeModel::hasChildren(const QModelIndex& parent) const
{
    const Node* n = nodeFor(parent);
    if (n->kind == Kind::Connection && parent.isValid()) {
        const Connection& c = *m_connections[size_t(n->connection)];
        if (c.state == ConnectionState::Idle || c.state == ConnectionState::Loading) return true;
    }
    return !n->children.empty();
}

bool ConnectionTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (!parent.isValid()) return false;
    const Node* n = nodeFor(parent);
    if (n->kind != Kind::Connection) return false;
    const Connection& c = *m_connections[size_t(n->connection)];
    return c.options.lazy && c.state == ConnectionState::Idle;
}

void ConnectionTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) return;
    refreshConnection(nodeFor(parent)->connection);
}

bool ConnectionTreeModel::isLoading() const
{
    for (const auto& c : m_connections)
        if (c->job->isRunning()) return true;
    return false;
}

void ConnectionTreeModel::refreshConnection(int connection)
{
    if (isRemoved(connection)) return;
    Connection& conn = *m_connections[size_t(connection)];
    conn.timer.start();
    if (conn.state != ConnectionState::Loading) setState(connection, ConnectionState::Loading);
    if (!conn.backend) {
        if (!conn.waitingForBackend) {
            conn.waitingForBackend = true;
            emit backendNeeded(connection);
        }
        return;
    }
    std::shared_ptr<Backend> backend = conn.backend;
    conn.job->start(
        [backend](const OpContext& ctx) {
            Snapshot snap;
            auto fail = [&snap](const Status& s) {
                if (!s.ok()) snap.error = s.error();
                return s.ok();
            };
            std::vector<Repository> repos;
            Status st = forEachPage<Repository>(
                [&](const std::string& after) { return backend->listRepositories({"", after, 1000}); },
                [&](const Repository& r) { repos.push_back(r); return !ctx.isCancelled(); });
            if (!fail(st)) return snap;
            for (const Repository& r : repos) {
                if (ctx.isCancelled()) break;
                Snapshot::Repo entry{r, {}, {}};
                st = forEachPage<Ref>(
                    [&](const std::string& after) { return backend->listBranches(r.id, {"", after, 1000}); },
                    [&](const Ref& ref) { entry.branches.push_back(ref); return true; });
                if (!fail(st)) return snap;
                st = forEachPage<Ref>(
                    [&](const std::string& after) { return backend->listTags(r.id, {"", after, 1000}); },
                    [&](const Ref& ref) { entry.tags.push_back(ref); return true; });
                if (!fail(st)) return snap;
                snap.repos.push_back(std::move(entry));
            }
            return snap;
        },
        [this, connection](Snapshot snap) {
            apply(connection, std::move(snap), m_connections[size_t(connection)]->timer.elapsed());
        });
}

void ConnectionTreeModel::apply(int connection, Snapshot snap, qint64 ms)
{
    Connection& conn = *m_connections[size_t(connection)];
    if (!conn.node) return; // removed while loading
    if (snap.error) {
        qCWarning(lcSidebar) << "loading" << conn.name << "failed:" << qs(snap.error->message);
        const QString reason = qs(snap.error->message);
        // The client's own wording often starts "cannot connect to …" already.
        setState(connection, ConnectionState::Failed,
                 reason.startsWith(QLatin1String("cannot connect"), Qt::CaseInsensitive)
                     ? reason
                     : tr("cannot connect: %1").arg(reason));
        emit loadFailed(connection, errorText(tr("Cannot list repositories of %1").arg(conn.name), *snap.error));
        return;
    }
    setState(connection, ConnectionState::Loaded);
    Node* cn = conn.node;
    const QModelIndex parentIndex = indexFor(cn);
    clearChildren(cn);
    std::vector<std::unique_ptr<Node>> repos;
    int rows = 0;
    for (const auto& r : snap.repos) {
        auto rn = std::make_unique<Node>();
        rn->kind = Kind::Repository;
        rn->name = qs(r.repo.id);
        rn->repository = rn->name;
        rn->connection = connection;
        rn->defaultBranch = qs(r.repo.default_branch);
        auto group = [&](Kind kind, const QString& label, const std::vector<Ref>& refs, Kind childKind) {
            auto g = std::make_unique<Node>();
            g->kind = kind;
            g->name = label;
            g->repository = rn->repository;
            g->connection = connection;
            g->defaultBranch = rn->defaultBranch;
            for (const Ref& ref : refs) {
                auto n = std::make_unique<Node>();
                n->kind = childKind;
                n->name = qs(ref.id);
                n->commitId = qs(ref.commit_id);
                n->repository = rn->repository;
                n->connection = connection;
                n->defaultBranch = rn->defaultBranch;
                n->isDefault = childKind == Kind::Branch && n->name == rn->defaultBranch;
                g->add(std::move(n));
                ++rows;
            }
            rn->add(std::move(g));
        };
        group(Kind::BranchGroup, tr("Branches"), r.branches, Kind::Branch);
        group(Kind::TagGroup, tr("Tags"), r.tags, Kind::Tag);
        repos.push_back(std::move(rn));
        ++rows;
    }
    if (!repos.empty()) {
        beginInsertRows(parentIndex, 0, int(repos.size()) - 1);
        for (auto& r : repos) cn->add(std::move(r));
        endInsertRows();
    }
    qCInfo(lcSidebar).noquote() << "view ready: sidebar" << rows << "rows in" << ms << "ms";
    emit connectionLoaded(connection, rows, ms);
}

ConnectionTreeModel::Node* ConnectionTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ConnectionTreeModel::indexFor(const Node* node) const
{
    if (!node || node == m_root.get()) return {};
    return createIndex(node->row(), 0, const_cast<Node*>(node));
}

QModelIndex ConnectionTreeModel::findPath(const QString& path) const
{
    std::function<const Node*(const Node*)> walk = [&](const Node* n) -> const Node* {
        for (const auto& c : n->children) {
            if (c->path() == path) return c.get();
            if (path.startsWith(c->path() + u'/'))
                if (const Node* hit = walk(c.get())) return hit;
        }
        return nullptr;
    };
    return indexFor(walk(m_root.get()));
}

QModelIndex ConnectionTreeModel::repositoryIndex(int connection, const QString& repo) const
{
    return findPath(QString::number(connection) + u'/' + repo);
}

QModelIndex ConnectionTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    Node* p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ConnectionTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) return {};
    return indexFor(nodeFor(child)->parent);
}

int ConnectionTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0) return 0;
    return int(nodeFor(parent)->children.size());
}

int ConnectionTreeModel::columnCount(const QModelIndex&) const { return 1; }

QVariant ConnectionTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Node* n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole: return n->name;
    case Qt::ToolTipRole:
        switch (n->kind) {
        case Kind::Connection: {
            const Connection& c = *m_connections[size_t(n->connection)];
            QStringList lines{c.backend ? qs(c.backend->describe()) : c.name};
            if (!c.options.warning.isEmpty()) lines << c.options.warning;
            if (!c.error.isEmpty()) lines << c.error;
            return lines.join(u'\n');
        }
        case Kind::Repository: return tr("Repository %1 (default branch %2)").arg(n->name, n->defaultBranch);
        case Kind::Branch:
            return (n->isDefault ? tr("Default branch %1 at %2") : tr("Branch %1 at %2")).arg(n->name, n->commitId.left(12));
        case Kind::Tag: return tr("Tag %1 at %2").arg(n->name, n->commitId.left(12));
        default: return {};
        }
    case KindRole: return int(n->kind);
    case ConnectionRole: return n->connection;
    case RepositoryRole: return n->repository;
    case RefNameRole:
        return (n->kind == Kind::Branch || n->kind == Kind::Tag) ? n->name : QString();
    case CommitIdRole: return n->commitId;
    case IsDefaultRole: return n->isDefault;
    case DefaultBranchRole: return n->defaultBranch;
    case PathRole: return n->path();
    default: break;
    }
    if (n->kind != Kind::Connection) return {};
    const Connection& c = *m_connections[size_t(n->connection)];
    switch (role) {
    case ErrorRole: return c.error;
    case WarningRole: return c.options.warning;
    case StateRole: return int(c.state);
    case IsRemoteRole: return c.options.remote;
    default: return {};
    }
}

QHash<int, QByteArray> ConnectionTreeModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names[KindRole] = "kind";
    names[RepositoryRole] = "repository";
    names[RefNameRole] = "refName";
    names[CommitIdRole] = "commitId";
    names[IsDefaultRole] = "isDefault";
    return names;
}

} // namespace lakeside
