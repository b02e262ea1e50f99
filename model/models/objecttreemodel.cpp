// SPDX-License-Identifier: Apache-2.0
#include "objecttreemodel.h"

#include "jobs/jobtracker.h"
#include "session/qtconvert.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMimeData>

#include <vector>

namespace lakeside {

Q_LOGGING_CATEGORY(lcObjects, "lakeside.model.objects", QtInfoMsg)

struct ObjectTreeModel::Node {
    ObjectStats stats;
    QString name;
    bool folder = true;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    // Listing state of a folder.
    bool fetchedOnce = false;
    bool hasMore = true;
    std::string after;
    // The listing job dies with its folder: the context object goes first, so
    // a late page for a folder that was dropped is never delivered.
    std::unique_ptr<QObject> jobContext;
    std::unique_ptr<JobTracker> job;

    int row() const
    {
        if (!parent) return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this) return int(i);
        return 0;
    }
    bool fetching() const { return job && job->isRunning(); }
    ~Node()
    {
        job.reset();
        jobContext.reset();
    }
};

ObjectTreeModel::ObjectTreeModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

ObjectTreeModel::~ObjectTreeModel() = default;

void ObjectTreeModel::setSource(std::shared_ptr<Backend> backend, const QString& repo, const QString& ref)
{
    beginResetModel();
    m_backend = std::move(backend);
    m_repo = repo;
    m_ref = ref;
    m_loading = 0;
    m_root = std::make_unique<Node>();
    endResetModel();
}

ObjectTreeModel::Node* ObjectTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ObjectTreeModel::indexFor(const Node* node, int column) const
{
    if (!node || node == m_root.get()) return {};
    return createIndex(node->row(), column, const_cast<Node*>(node));
}

QModelIndex ObjectTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    return createIndex(row, column, nodeFor(parent)->children[size_t(row)].get());
}

QModelIndex ObjectTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) return {};
    return indexFor(nodeFor(child)->parent);
}

int ObjectTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0) return 0;
    return int(nodeFor(parent)->children.size());
}

int ObjectTreeModel::columnCount(const QModelIndex&) const { return NUM_COLUMNS; }

bool ObjectTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0) return false;
    const Node* n = nodeFor(parent);
    if (!n->folder) return false;
    // Unlisted folders show an expander; a listed empty folder does not.
    return !n->fetchedOnce || !n->children.empty() || n->hasMore;
}

bool ObjectTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (!m_backend || parent.column() > 0) return false;
    const Node* n = nodeFor(parent);
    return n->folder && n->hasMore && !n->fetching();
}

void ObjectTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) return;
    Node* n = nodeFor(parent);
    if (!n->job) {
        n->jobContext = std::make_unique<QObject>();
        n->job = std::make_unique<JobTracker>(n->jobContext.get());
    }
    ++m_loading;
    QElapsedTimer timer;
    timer.start();
    const std::string prefix = n == m_root.get() ? std::string() : n->stats.path;
    n->job->start(
        [b = m_backend, repo = ss(m_repo), ref = ss(m_ref), prefix, after = n->after,
         amount = m_pageSize](const OpContext&) {
            return b->listObjects(repo, ref, ListParams{prefix, after, amount}, "/");
        },
        [this, n, timer](Result<Page<ObjectStats>> page) {
            --m_loading;
            const QString folder = qs(n->stats.path);
            if (!page.ok()) {
                n->hasMore = true; // allow a retry
                emit loadFailed(errorText(tr("Listing %1 at %2").arg(folder.isEmpty() ? tr("objects") : folder, m_ref),
                                          page.error()));
                return;
            }
            n->fetchedOnce = true;
            n->hasMore = page->has_more;
            n->after = page->next_offset;
            const QModelIndex parentIndex = indexFor(n);
            const int first = int(n->children.size());
            const int count = int(page->results.size());
            if (count > 0) {
                beginInsertRows(parentIndex, first, first + count - 1);
                for (ObjectStats& s : page->results) {
                    auto child = std::make_unique<Node>();
                    child->folder = s.path_type == PathType::CommonPrefix;
                    QString name = qs(s.path).mid(qs(n->stats.path).size());
                    if (child->folder && name.endsWith(u'/')) name.chop(1);
                    child->name = name;
                    child->hasMore = child->folder;
                    child->stats = std::move(s);
                    child->parent = n;
                    n->children.push_back(std::move(child));
                }
                endInsertRows();
            } else if (parentIndex.isValid()) {
                // The expander disappears for an empty folder.
                emit dataChanged(parentIndex, parentIndex);
            }
            const qint64 ms = timer.elapsed();
            if (folder.isEmpty() && first == 0)
                qCInfo(lcObjects).noquote() << "view ready: objects" << count << "rows in" << ms << "ms";
            emit pageLoaded(folder, count, ms);
        });
}

QVariant ObjectTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Node* n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return n->name;
        case SizeColumn: return n->folder ? QString() : QLocale().formattedDataSize(n->stats.size_bytes);
        case ModifiedColumn:
            return n->folder || !n->stats.mtime ? QString()
                                                : fromUnix(n->stats.mtime).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        return {};
    case Qt::ToolTipRole: return qs(n->stats.path);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case PathRole: return qs(n->stats.path);
    case IsFolderRole: return n->folder;
    case SizeRole: return qint64(n->stats.size_bytes);
    case ModifiedRole: return n->stats.mtime ? QVariant(fromUnix(n->stats.mtime)) : QVariant();
    case ContentTypeRole: return qs(n->stats.content_type);
    case ChecksumRole: return qs(n->stats.checksum);
    }
    return {};
}

QVariant ObjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case ModifiedColumn: return tr("Modified");
    }
    return {};
}

Qt::ItemFlags ObjectTreeModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid()) f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList ObjectTreeModel::mimeTypes() const { return {QStringLiteral("application/x-lakeside-object-paths")}; }

QMimeData* ObjectTreeModel::mimeData(const QModelIndexList& indexes) const
{
    QStringList paths;
    for (const QModelIndex& i : indexes)
        if (i.column() == 0) paths << i.data(PathRole).toString();
    auto* md = new QMimeData;
    md->setData(mimeTypes().first(), paths.join(u'\n').toUtf8());
    md->setText(paths.join(u'\n'));
    return md;
}

} // namespace lakeside
