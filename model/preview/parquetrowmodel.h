// SPDX-License-Identifier: Apache-2.0
#pragma once
// The rows of a Parquet file as a lazy table: rowCount() is the file's row
// count from the footer (millions are fine), and a row group is decoded only
// when a view asks for one of its cells. Decoding runs on the thread pool,
// one row group at a time; until it arrives the cells read "…", then
// dataChanged() repaints them. A handful of recently used row groups are
// kept; older ones are dropped and decoded again when scrolled back to.
//
// Each top-level field is one column (nested fields as JSON text, as
// parquet::readFieldText renders them). A row group that cannot be decoded
// is not retried: its cells stay empty, errorText() holds the reader's
// message (file, column, row group, reason) and loadFailed() is emitted.
//
// Thread safety: a QObject of the UI thread. The ParquetFile is shared
// (immutable) with the decoding jobs.

#include "jobs/jobtracker.h"
#include "parquet/fieldtext.h"
#include "parquet/parquetfile.h"

#include <QAbstractTableModel>

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace lakeside {

class ParquetRowModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { NullRole = Qt::UserRole + 1, RowGroupRole };
    // Row groups kept decoded at once.
    static constexpr int kCachedRowGroups = 4;

    explicit ParquetRowModel(QObject* parent = nullptr);
    ~ParquetRowModel() override;

    // Shows `file` (null: empty model). Pending decodes of the previous file are dropped.
    void setFile(std::shared_ptr<const parquet::ParquetFile> file);
    const parquet::ParquetFile* file() const { return m_file.get(); }

    bool isRowGroupLoaded(int rowGroup) const { return m_groups.count(rowGroup) != 0; }
    // Asks for a row group to be decoded (as a view reading one of its cells does).
    void requestRowGroup(int rowGroup) const;
    // Row group holding `row`, or -1.
    int rowGroupOfRow(int row) const;
    // The first decoding error, empty if none.
    QString errorText() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void rowGroupLoaded(int rowGroup);
    void loadFailed(int rowGroup, const QString& message);

private:
    struct Group {
        std::vector<parquet::FieldText> fields;
    };
    struct Decoded {
        int rowGroup = -1;
        std::shared_ptr<const Group> group; // null on error
        QString error;
    };
    void startNext() const;
    void finished(Decoded d);

    std::shared_ptr<const parquet::ParquetFile> m_file;
    QStringList m_names, m_types;
    std::vector<bool> m_numeric; // right-aligned columns
    std::map<int, std::shared_ptr<const Group>> m_groups;
    std::deque<int> m_recent;            // most recently loaded first, for eviction
    mutable std::deque<int> m_wanted;    // requested, most recent first
    mutable int m_decoding = -1;         // row group being decoded
    std::set<int> m_failed;
    QString m_error;
    mutable JobTracker m_job;
};

} // namespace lakeside
