// SPDX-License-Identifier: Apache-2.0
#include "commitlogmodel.h"

#include "logmerger.h"

#include <QDateTime>
#include <QLocale>

namespace lakeside {

namespace {
constexpr int kShortId = 12;
constexpr std::size_t kMaxSummary = 300;

std::string summaryOf(const std::string& message)
{
    std::size_t end = message.find('\n');
    if (end == std::string::npos) end = message.size();
    return message.substr(0, std::min(end, kMaxSummary));
}
} // namespace

CommitLogModel::CommitLogModel(QObject* parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<GraphRow>();
    qRegisterMetaType<RefLabel>();
}

CommitLogModel::~CommitLogModel() = default;

void CommitLogModel::setPageSizes(int first, int next)
{
    m_firstPage = std::max(1, first);
    m_nextPage = std::max(1, next);
}

void CommitLogModel::load(std::shared_ptr<Backend> backend, const QString& repo, const QStringList& heads,
                          const LogParams& params)
{
    m_tracker.cancel();
    ++m_loadSerial;
    m_pagePending = false;
    beginResetModel();
    std::vector<std::string> refs;
    for (const QString& h : heads) refs.push_back(h.toStdString());
    m_merger = std::make_shared<LogMerger>(std::move(backend), repo.toStdString(), std::move(refs), params);
    m_graph = params.objects.empty() && params.prefixes.empty();
    m_atEnd = heads.isEmpty();
    m_failed = false;
    m_locating.clear();
    m_text.clear();
    m_textOffsets.assign(1, 0);
    m_dates.clear();
    m_committerOf.clear();
    m_committers.clear();
    m_committerIndex.clear();
    m_index.clear();
    m_layout.clear();
    m_clock.start();
    endResetModel();
    emit laneCountChanged(m_layout.laneCount());
}

void CommitLogModel::setRefLabels(const QHash<QString, QList<RefLabel>>& labels)
{
    m_labels = labels;
    if (rowCount() > 0) emit dataChanged(index(0, Message), index(rowCount() - 1, Message), {RefsRole});
}

int CommitLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_dates.size());
}

int CommitLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QString CommitLogModel::text(int row, int part) const
{
    const uint32_t begin = m_textOffsets[row];
    const uint32_t end = m_textOffsets[row + 1];
    const std::string_view all(m_text.data() + begin, end - begin);
    const std::size_t nl = all.find('\n');
    const std::string_view piece = part == 0 ? all.substr(0, nl) : all.substr(nl + 1);
    return QString::fromUtf8(piece.data(), static_cast<qsizetype>(piece.size()));
}

QString CommitLogModel::commitId(int row) const
{
    return row >= 0 && row < rowCount() ? text(row, 0) : QString();
}

QVariant CommitLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Message: return text(row, 1);
        case Committer: return m_committers.at(m_committerOf[row]);
        case Date:
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(m_dates[row]), QLocale::ShortFormat);
        case Id: return text(row, 0).left(kShortId);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Id || index.column() == Graph) return text(row, 0);
        if (index.column() == Date)
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(m_dates[row]), QLocale::LongFormat);
        return {};
    case CommitIdRole: return text(row, 0);
    case SummaryRole: return text(row, 1);
    case CommitterRole: return m_committers.at(m_committerOf[row]);
    case DateRole: return QVariant::fromValue<qint64>(m_dates[row]);
    case GraphRole: {
        GraphRow g;
        if (m_graph) g = m_layout.row(static_cast<std::size_t>(row));
        else g.nodeLane = 0; // a filtered list: a dot per commit, no lines
        return QVariant::fromValue(g);
    }
    case RefsRole: return QVariant::fromValue(m_labels.value(text(row, 0)));
    default: return {};
    }
}

QVariant CommitLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Graph: return tr("Graph");
    case Message: return tr("Message");
    case Committer: return tr("Committer");
    case Date: return tr("Date");
    case Id: return tr("Commit");
    default: return {};
    }
}

bool CommitLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_failed;
}

void CommitLogModel::fetchMore(const QModelIndex& parent)
{
    // Views and testers may ask for more while rows are being inserted; a job
    // finishing at once could then deliver its page inside this insertion.
    if (!canFetchMore(parent) || m_pagePending || m_inserting) return;
    m_pagePending = true;
    const int n = rowCount() == 0 ? m_firstPage : m_nextPage;
    m_tracker.start(
        [merger = m_merger, n](const OpContext& ctx) {
            PageResult page;
            Result<std::vector<Commit>> r = merger->next(n, ctx);
            if (r.ok()) page.commits = std::move(r.value());
            else page.error = r.error();
            page.atEnd = merger->atEnd();
            return page;
        },
        [this, serial = m_loadSerial](PageResult page) {
            // A job that finished very fast may deliver here, inside fetchMore()
            // (possibly called by a view or tester mid-reset); append from the
            // event loop instead, and drop the page if a new load started.
            auto shared = std::make_shared<PageResult>(std::move(page));
            QMetaObject::invokeMethod(this, [this, serial, shared] {
                if (serial != m_loadSerial) return;
                m_pagePending = false;
                appendPage(std::move(*shared));
            }, Qt::QueuedConnection);
        });
}

int CommitLogModel::internCommitter(const std::string& name)
{
    const QString q = QString::fromStdString(name);
    auto it = m_committerIndex.constFind(q);
    if (it != m_committerIndex.constEnd()) return it.value();
    m_committers.append(q);
    m_committerIndex.insert(q, static_cast<int>(m_committers.size() - 1));
    return static_cast<int>(m_committers.size() - 1);
}

void CommitLogModel::appendPage(PageResult page)
{
    const bool first = rowCount() == 0;
    if (page.error) {
        m_failed = true;
        emit errorOccurred(QString::fromStdString(page.error->message));
        if (!m_locating.isEmpty()) {
            m_locating.clear();
            emit commitLocated(-1);
        }
        return;
    }
    m_atEnd = page.atEnd;
    if (!page.commits.empty()) {
        const int start = rowCount();
        const int count = static_cast<int>(page.commits.size());
        const int lanesBefore = m_layout.laneCount();
        m_inserting = true;
        beginInsertRows({}, start, start + count - 1);
        std::vector<std::string_view> parents;
        for (const Commit& c : page.commits) {
            const uint32_t row = static_cast<uint32_t>(m_dates.size());
            if (m_graph) {
                // A parent already laid out (clock skew put it first) would
                // open a lane nothing closes: leave that edge out.
                parents.clear();
                for (const std::string& p : c.parents)
                    if (!m_index.contains(p)) parents.push_back(p);
                m_layout.append(c.id, parents);
            }
            m_index.insert(c.id, row);
            m_text += c.id;
            m_text += '\n';
            m_text += summaryOf(c.message);
            m_textOffsets.push_back(static_cast<uint32_t>(m_text.size()));
            m_dates.push_back(c.creation_date);
            m_committerOf.push_back(static_cast<uint32_t>(internCommitter(c.committer)));
        }
        endInsertRows();
        m_inserting = false;
        if (m_layout.laneCount() != lanesBefore) emit laneCountChanged(m_layout.laneCount());
    }
    emit pageLoaded(rowCount(), m_clock.elapsed(), first);
    if (m_atEnd) {
        m_layout.shrinkToFit();
        emit loadFinished(rowCount());
    }
    if (!m_locating.isEmpty()) {
        const int row = rowOf(m_locating);
        if (row >= 0 || m_atEnd) {
            m_locating.clear();
            emit commitLocated(row);
        } else {
            fetchMore();
        }
    }
}

int CommitLogModel::rowOf(const QString& id) const
{
    const std::string key = id.toStdString();
    const uint32_t row = m_index.find(key);
    if (row != IdIndex::kNone && text(static_cast<int>(row), 0) == id) return static_cast<int>(row);
    if (id.size() >= 64 || id.isEmpty()) return -1;
    for (int r = 0; r < rowCount(); ++r) // a short prefix: rare, so a scan is fine
        if (text(r, 0).startsWith(id)) return r;
    return -1;
}

void CommitLogModel::locate(const QString& id)
{
    const int row = rowOf(id);
    if (row >= 0 || !canFetchMore()) {
        emit commitLocated(row);
        return;
    }
    m_locating = id;
    fetchMore();
}

} // namespace lakeside
