// SPDX-License-Identifier: Apache-2.0
#include "parquetrowmodel.h"

#include "session/qtconvert.h"

#include <algorithm>
#include <climits>

namespace lakeside {

namespace {
// Cells longer than this (nested JSON, long texts) are cut in the table; the tooltip has more.
constexpr qsizetype kMaxCellChars = 500;
constexpr qsizetype kMaxTooltipChars = 8000;
// Requests kept while one row group decodes: the views' latest wishes.
constexpr size_t kMaxWanted = 3;
} // namespace

ParquetRowModel::ParquetRowModel(QObject* parent) : QAbstractTableModel(parent), m_job(this) {}

ParquetRowModel::~ParquetRowModel() = default;

void ParquetRowModel::setFile(std::shared_ptr<const parquet::ParquetFile> file)
{
    beginResetModel();
    m_job.cancel();
    m_file = std::move(file);
    m_groups.clear();
    m_recent.clear();
    m_wanted.clear();
    m_decoding = -1;
    m_failed.clear();
    m_error.clear();
    m_names.clear();
    m_types.clear();
    m_numeric.clear();
    if (m_file) {
        const parquet::Schema& schema = m_file->schema();
        for (int f = 0; f < int(schema.topFields().size()); ++f) {
            m_names << qs(parquet::fieldName(schema, f));
            m_types << qs(parquet::fieldTypeName(schema, f));
            bool numeric = false;
            if (schema.isFlatField(f)) {
                const auto kind = parquet::fieldValueFormat(schema, f).kind;
                numeric = kind == parquet::ValueFormat::Int || kind == parquet::ValueFormat::UInt ||
                          kind == parquet::ValueFormat::Float || kind == parquet::ValueFormat::Double ||
                          kind == parquet::ValueFormat::Decimal || kind == parquet::ValueFormat::Float16;
            }
            m_numeric.push_back(numeric);
        }
    }
    endResetModel();
}

int ParquetRowModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_file) return 0;
    return int(std::clamp<int64_t>(m_file->numRows(), 0, INT_MAX));
}

int ParquetRowModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int ParquetRowModel::rowGroupOfRow(int row) const
{
    if (!m_file || row < 0) return -1;
    // The last group starting at or before `row` (empty groups share their start with the next one).
    int lo = 0, hi = m_file->numRowGroups() - 1, found = -1;
    while (lo <= hi) {
        const int mid = lo + (hi - lo) / 2;
        if (m_file->rowGroupFirstRow(mid) <= row) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found < 0 || row >= m_file->rowGroupFirstRow(found) + m_file->rowGroupNumRows(found)) return -1;
    return found;
}

QVariant ParquetRowModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_file || index.column() >= m_names.size()) return {};
    const int g = rowGroupOfRow(index.row());
    if (g < 0) return {};
    if (role == RowGroupRole) return g;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (m_numeric[size_t(index.column())] ? Qt::AlignRight : Qt::AlignLeft));
    const auto it = m_groups.find(g);
    if (it == m_groups.end()) {
        if (role != Qt::DisplayRole) return {};
        if (m_failed.count(g)) return QString();
        requestRowGroup(g);
        return QStringLiteral("…");
    }
    if (size_t(index.column()) >= it->second->fields.size()) return {};
    const parquet::FieldText& f = it->second->fields[size_t(index.column())];
    const size_t local = size_t(index.row() - m_file->rowGroupFirstRow(g));
    if (local >= f.size()) return {};
    switch (role) {
    case NullRole: return f.isNull(local);
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (f.isNull(local)) return QString();
        const std::string_view t = f.text(local);
        const qsizetype cap = role == Qt::DisplayRole ? kMaxCellChars : kMaxTooltipChars;
        QString s = QString::fromUtf8(t.data(), qsizetype(std::min<size_t>(t.size(), size_t(cap) * 4)));
        if (s.size() > cap) s = s.left(cap) + QStringLiteral("…");
        return s;
    }
    default: return {};
    }
}

QVariant ParquetRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_names.size()) return {};
    if (role == Qt::DisplayRole) return m_names[section];
    if (role == Qt::ToolTipRole) return QString(m_names[section] + QStringLiteral(": ") + m_types[section]);
    return {};
}

void ParquetRowModel::requestRowGroup(int rowGroup) const
{
    if (!m_file || rowGroup < 0 || rowGroup >= m_file->numRowGroups()) return;
    if (m_groups.count(rowGroup) || m_failed.count(rowGroup) || rowGroup == m_decoding) return;
    const auto known = std::find(m_wanted.begin(), m_wanted.end(), rowGroup);
    if (known != m_wanted.end()) m_wanted.erase(known);
    m_wanted.push_front(rowGroup);
    // Scrolling fast asks for many groups; only the latest wishes are worth decoding.
    while (m_wanted.size() > kMaxWanted) m_wanted.pop_back();
    if (m_decoding < 0) startNext();
}

void ParquetRowModel::startNext() const
{
    if (m_wanted.empty()) return;
    const int g = m_wanted.front();
    m_wanted.pop_front();
    m_decoding = g;
    auto* self = const_cast<ParquetRowModel*>(this); // data() is const; the cache is not part of the model's state
    m_job.start(
        [file = m_file, g](const OpContext& ctx) {
            Decoded d;
            d.rowGroup = g;
            auto group = std::make_shared<Group>();
            const int fields = int(file->schema().topFields().size());
            for (int f = 0; f < fields && !ctx.isCancelled(); ++f) {
                auto text = parquet::readFieldText(*file, g, f);
                if (!text.ok()) {
                    d.error = qs(text.error().message);
                    return d;
                }
                group->fields.push_back(std::move(text).value());
            }
            if (int(group->fields.size()) == fields) d.group = std::move(group); // else cancelled: dropped anyway
            return d;
        },
        [self](Decoded d) { self->finished(std::move(d)); });
}

void ParquetRowModel::finished(Decoded d)
{
    m_decoding = -1;
    const int g = d.rowGroup;
    if (!d.group) {
        m_failed.insert(g);
        if (m_error.isEmpty()) m_error = d.error;
        emit loadFailed(g, d.error);
    } else {
        m_groups[g] = std::move(d.group);
        m_recent.push_front(g);
        while (int(m_recent.size()) > kCachedRowGroups) {
            m_groups.erase(m_recent.back());
            m_recent.pop_back();
        }
        emit rowGroupLoaded(g);
    }
    const int first = int(std::min<int64_t>(m_file->rowGroupFirstRow(g), INT_MAX));
    const int last = int(std::min<int64_t>(m_file->rowGroupFirstRow(g) + m_file->rowGroupNumRows(g) - 1, INT_MAX));
    if (last >= first && !m_names.isEmpty())
        emit dataChanged(index(first, 0), index(last, int(m_names.size()) - 1));
    startNext();
}

} // namespace lakeside
