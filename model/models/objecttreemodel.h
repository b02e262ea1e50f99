// SPDX-License-Identifier: Apache-2.0
#pragma once
// The objects of one ref as a tree, loaded lazily: each folder lists its
// direct children with delimiter "/" one page at a time, when the view asks
// (canFetchMore/fetchMore), so a repository with millions of keys opens
// as fast as one with ten.
//
// setSource() drops everything (and every running listing) and starts again
// at the root. Rows are appended in the backend's key order; a folder row's
// children appear when it is expanded. Listing errors are reported with
// loadFailed() and the folder can be fetched again.
// Thread safety: UI thread only; listings run as jobs.

#include <QAbstractItemModel>
#include <QElapsedTimer>

#include <memory>

#include "api/backend.h"

namespace lakeside {

class ObjectTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Columns { NameColumn, SizeColumn, ModifiedColumn, NUM_COLUMNS };
    enum Roles {
        PathRole = Qt::UserRole + 1, // QString: full key (folders end with '/')
        IsFolderRole,                // bool
        SizeRole,                    // qint64 bytes (objects)
        ModifiedRole,                // QDateTime (objects)
        ContentTypeRole,             // QString
        ChecksumRole,                // QString
    };

    explicit ObjectTreeModel(QObject* parent = nullptr);
    ~ObjectTreeModel() override;

    void setSource(std::shared_ptr<Backend> backend, const QString& repo, const QString& ref);
    QString ref() const { return m_ref; }
    QString repository() const { return m_repo; }
    // Keys per listing page (default 500; tests use small pages).
    void setPageSize(int n) { m_pageSize = n; }
    bool isLoading() const { return m_loading > 0; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

signals:
    // A page of a folder arrived (`folder` empty for the root).
    void pageLoaded(const QString& folder, int rows, qint64 ms);
    void loadFailed(const QString& message);

private:
    struct Node;
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node, int column = 0) const;

    std::shared_ptr<Backend> m_backend;
    QString m_repo;
    QString m_ref;
    int m_pageSize = 500;
    int m_loading = 0;
    std::unique_ptr<Node> m_root;
};

} // namespace lakeside
