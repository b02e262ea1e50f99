// SPDX-License-Identifier: Apache-2.0
#include "repositorysummary.h"

#include "session/qtconvert.h"

#include <QDateTime>

#include <map>

namespace lakeside {

RepositorySummary loadRepositorySummary(Backend& backend, const std::string& repo, const SummaryLimits& limits,
                                        const OpContext& ctx)
{
    RepositorySummary s;
    auto r = backend.getRepository(repo);
    if (!r.ok()) {
        s.error = r.error();
        return s;
    }
    s.repo = *r;
    std::vector<Ref> branches;
    Status st = forEachPage<Ref>([&](const std::string& a) { return backend.listBranches(repo, {"", a, 1000}); },
                                 [&](const Ref& b) { branches.push_back(b); return true; });
    if (st.ok())
        st = forEachPage<Ref>([&](const std::string& a) { return backend.listTags(repo, {"", a, 1000}); },
                              [&](const Ref&) { ++s.tags; return true; });
    if (!st.ok()) {
        s.error = st.error();
        return s;
    }
    s.branches = int(branches.size());

    std::map<QDate, int> perDay;
    st = forEachPage<Commit>(
        [&](const std::string& after) {
            LogParams p;
            p.after = after;
            p.amount = 1000;
            return backend.logCommits(repo, s.repo.default_branch, p);
        },
        [&](const Commit& c) {
            if (s.commits >= limits.historyCap) {
                s.commitsCapped = true;
                return false;
            }
            ++s.commits;
            if (s.latest.size() < 8) s.latest.push_back(c);
            ++perDay[QDateTime::fromSecsSinceEpoch(c.creation_date).date()];
            return !ctx.isCancelled();
        });
    if (!st.ok()) {
        s.error = st.error();
        return s;
    }
    if (!perDay.empty()) {
        const QDate first = perDay.begin()->first, last = perDay.rbegin()->first;
        s.weekly = first.daysTo(last) > 90;
        auto bucketStart = [&](const QDate& d) { return s.weekly ? d.addDays(1 - d.dayOfWeek()) : d; };
        std::map<QDate, int> buckets;
        for (QDate d = bucketStart(first); d <= last; d = d.addDays(s.weekly ? 7 : 1)) buckets[d] = 0;
        for (const auto& [day, n] : perDay) buckets[bucketStart(day)] += n;
        for (const auto& [day, n] : buckets) s.activity.push_back({day, n});
    }

    // The default branch first, then the others by name, up to maxBranches bars.
    std::stable_partition(branches.begin(), branches.end(),
                          [&](const Ref& b) { return b.id == s.repo.default_branch; });
    for (const Ref& b : branches) {
        if (s.objectsPerBranch.size() >= limits.maxBranches || ctx.isCancelled()) break;
        RepositorySummary::BranchCount count{qs(b.id), 0, false};
        st = forEachPage<ObjectStats>(
            [&](const std::string& after) { return backend.listObjects(repo, b.id, {"", after, 1000}, ""); },
            [&](const ObjectStats&) {
                if (count.objects >= limits.objectCap) {
                    count.capped = true;
                    return false;
                }
                ++count.objects;
                return !ctx.isCancelled();
            });
        if (!st.ok()) {
            s.error = st.error();
            return s;
        }
        s.objectsPerBranch.push_back(count);
    }
    return s;
}

CommitActivityModel::CommitActivityModel(QObject* parent) : QAbstractTableModel(parent) {}

void CommitActivityModel::setActivity(const QVector<RepositorySummary::Bucket>& buckets, bool weekly)
{
    beginResetModel();
    m_buckets = buckets;
    m_weekly = weekly;
    endResetModel();
}

int CommitActivityModel::maxCommits() const
{
    int m = 0;
    for (const auto& b : m_buckets) m = std::max(m, b.commits);
    return m;
}

int CommitActivityModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_buckets.size()); }
int CommitActivityModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : NUM_COLUMNS; }

QVariant CommitActivityModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& b = m_buckets[index.row()];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (index.column() == TimeColumn) return qreal(b.start.startOfDay().toMSecsSinceEpoch());
        return b.commits;
    }
    if (role == Qt::ToolTipRole)
        return tr("%1: %n commit(s)", nullptr, b.commits).arg(b.start.toString(Qt::ISODate));
    return {};
}

QVariant CommitActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == TimeColumn ? (m_weekly ? tr("Week") : tr("Day")) : tr("Commits");
}

BranchObjectsModel::BranchObjectsModel(QObject* parent) : QAbstractTableModel(parent) {}

void BranchObjectsModel::setCounts(const QVector<RepositorySummary::BranchCount>& counts)
{
    beginResetModel();
    m_counts = counts;
    endResetModel();
}

int BranchObjectsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_counts.size()); }
int BranchObjectsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : NUM_COLUMNS; }

QVariant BranchObjectsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& c = m_counts[index.row()];
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == BranchColumn ? QVariant(c.branch) : QVariant(qreal(c.objects));
    if (role == Qt::ToolTipRole)
        return c.capped ? tr("%1: at least %2 objects").arg(c.branch).arg(c.objects)
                        : tr("%1: %2 objects").arg(c.branch).arg(c.objects);
    return {};
}

QVariant BranchObjectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == BranchColumn ? tr("Branch") : tr("Objects");
}

} // namespace lakeside
