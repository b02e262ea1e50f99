// SPDX-License-Identifier: Apache-2.0
#include "tabular/schemadiff.h"

#include <algorithm>
#include <unordered_set>

namespace lakeside::tabular {
namespace {

std::unordered_set<std::string> distinctValues(const TableProfile& p, int column)
{
    std::unordered_set<std::string> out;
    for (const auto& row : p.sample) {
        const auto& v = row[static_cast<size_t>(column)];
        if (v)
            out.insert(*v);
    }
    return out;
}

double jaccard(const std::unordered_set<std::string>& a, const std::unordered_set<std::string>& b)
{
    if (a.empty() && b.empty())
        return 0.0;
    size_t common = 0;
    for (const auto& v : a)
        common += b.count(v);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

ColumnMatch makeMatch(const TableProfile& a, int ai, const TableProfile& b, int bi)
{
    ColumnMatch m;
    m.oldIndex = ai;
    m.newIndex = bi;
    if (ai >= 0) {
        m.oldName = a.schema.columns[static_cast<size_t>(ai)].name;
        m.oldType = a.schema.columns[static_cast<size_t>(ai)].type;
    }
    if (bi >= 0) {
        m.newName = b.schema.columns[static_cast<size_t>(bi)].name;
        m.newType = b.schema.columns[static_cast<size_t>(bi)].type;
    }
    if (ai < 0) {
        m.status = ColumnStatus::Added;
    } else if (bi < 0) {
        m.status = ColumnStatus::Removed;
    } else {
        const bool retyped = m.oldType != m.newType && m.oldType != ColumnType::Unknown
                             && m.newType != ColumnType::Unknown;
        const bool renamed = m.oldName != m.newName;
        m.status = renamed ? (retyped ? ColumnStatus::RenamedRetyped : ColumnStatus::Renamed)
                           : (retyped ? ColumnStatus::Retyped : ColumnStatus::Unchanged);
    }
    return m;
}

} // namespace

const char* columnStatusName(ColumnStatus status)
{
    switch (status) {
    case ColumnStatus::Unchanged: return "unchanged";
    case ColumnStatus::Added: return "added";
    case ColumnStatus::Removed: return "removed";
    case ColumnStatus::Renamed: return "renamed";
    case ColumnStatus::Retyped: return "retyped";
    case ColumnStatus::RenamedRetyped: return "renamed and retyped";
    }
    return "unchanged";
}

bool SchemaDiff::hasChanges() const
{
    return std::any_of(columns.begin(), columns.end(),
                       [](const ColumnMatch& m) { return m.status != ColumnStatus::Unchanged; });
}

int SchemaDiff::count(ColumnStatus status) const
{
    return static_cast<int>(std::count_if(columns.begin(), columns.end(),
                                          [status](const ColumnMatch& m) { return m.status == status; }));
}

int SchemaDiff::find(const std::string& name) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].newIndex >= 0 && columns[i].newName == name)
            return static_cast<int>(i);
    }
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].oldIndex >= 0 && columns[i].oldName == name)
            return static_cast<int>(i);
    }
    return -1;
}

SchemaDiff diffSchemas(const TableProfile& a, const TableProfile& b)
{
    const int na = a.schema.size();
    const int nb = b.schema.size();
    std::vector<int> newForOld(static_cast<size_t>(na), -1);
    std::vector<int> oldForNew(static_cast<size_t>(nb), -1);
    std::vector<std::string> evidence(static_cast<size_t>(nb));
    for (int j = 0; j < nb; ++j) {
        const int i = a.schema.indexOf(b.schema.columns[static_cast<size_t>(j)].name);
        if (i >= 0) {
            newForOld[static_cast<size_t>(i)] = j;
            oldForNew[static_cast<size_t>(j)] = i;
        }
    }
    // Renames by content: score every leftover pair, take the best first.
    struct Candidate {
        double score;
        int i, j;
    };
    std::vector<Candidate> candidates;
    std::vector<std::unordered_set<std::string>> newValues(static_cast<size_t>(nb));
    for (int j = 0; j < nb; ++j) {
        if (oldForNew[static_cast<size_t>(j)] < 0)
            newValues[static_cast<size_t>(j)] = distinctValues(b, j);
    }
    for (int i = 0; i < na; ++i) {
        if (newForOld[static_cast<size_t>(i)] >= 0)
            continue;
        const auto oldValues = distinctValues(a, i);
        for (int j = 0; j < nb; ++j) {
            if (oldForNew[static_cast<size_t>(j)] >= 0)
                continue;
            const double s = jaccard(oldValues, newValues[static_cast<size_t>(j)]);
            if (s >= 0.5)
                candidates.push_back({s, i, j});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
    for (const Candidate& c : candidates) {
        if (newForOld[static_cast<size_t>(c.i)] >= 0 || oldForNew[static_cast<size_t>(c.j)] >= 0)
            continue;
        newForOld[static_cast<size_t>(c.i)] = c.j;
        oldForNew[static_cast<size_t>(c.j)] = c.i;
        evidence[static_cast<size_t>(c.j)] = "content";
    }
    // One leftover on each side, same place, same type: a rename by position.
    std::vector<int> oldLeft, newLeft;
    for (int i = 0; i < na; ++i) {
        if (newForOld[static_cast<size_t>(i)] < 0)
            oldLeft.push_back(i);
    }
    for (int j = 0; j < nb; ++j) {
        if (oldForNew[static_cast<size_t>(j)] < 0)
            newLeft.push_back(j);
    }
    if (oldLeft.size() == 1 && newLeft.size() == 1 && oldLeft[0] == newLeft[0]) {
        const ColumnType ta = a.schema.columns[static_cast<size_t>(oldLeft[0])].type;
        const ColumnType tb = b.schema.columns[static_cast<size_t>(newLeft[0])].type;
        if (ta == tb && ta != ColumnType::Unknown) {
            newForOld[static_cast<size_t>(oldLeft[0])] = newLeft[0];
            oldForNew[static_cast<size_t>(newLeft[0])] = oldLeft[0];
            evidence[static_cast<size_t>(newLeft[0])] = "position";
        }
    }

    SchemaDiff diff;
    for (int j = 0; j < nb; ++j) {
        ColumnMatch m = makeMatch(a, oldForNew[static_cast<size_t>(j)], b, j);
        if (m.oldName != m.newName && m.oldIndex >= 0)
            m.renameEvidence = evidence[static_cast<size_t>(j)];
        diff.columns.push_back(std::move(m));
    }
    for (int i = 0; i < na; ++i) {
        if (newForOld[static_cast<size_t>(i)] >= 0)
            continue;
        // After the union entry holding the nearest preceding old column.
        size_t at = 0;
        for (size_t k = 0; k < diff.columns.size(); ++k) {
            if (diff.columns[k].oldIndex >= 0 && diff.columns[k].oldIndex < i)
                at = k + 1;
        }
        diff.columns.insert(diff.columns.begin() + static_cast<std::ptrdiff_t>(at), makeMatch(a, i, b, -1));
    }
    return diff;
}

} // namespace lakeside::tabular
