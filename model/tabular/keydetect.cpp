// SPDX-License-Identifier: Apache-2.0
#include "tabular/keydetect.h"

#include "tabular/hashing.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace lakeside::tabular {
namespace {

bool looksLikeKeyName(const std::string& name)
{
    std::string n;
    for (char c : name)
        n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    auto ends = [&n](std::string_view s) { return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0; };
    return n == "id" || n == "key" || n == "uuid" || n == "pk" || ends("_id") || ends("_key") || ends("id")
           || n == "code";
}

bool uniqueIn(const TableProfile& p, const std::vector<int>& cols)
{
    std::unordered_set<uint64_t> seen;
    seen.reserve(p.sample.size() * 2);
    for (const auto& row : p.sample) {
        uint64_t h = 0;
        for (int c : cols) {
            const auto& v = row[static_cast<size_t>(c)];
            h = detail::combine(h, v ? detail::hashBytes(*v) : detail::kNullHash, static_cast<size_t>(c));
        }
        if (!seen.insert(h).second)
            return false;
    }
    return true;
}

bool unique(const SchemaDiff& s, const TableProfile& a, const TableProfile& b, const std::vector<int>& cand)
{
    std::vector<int> oldCols, newCols;
    for (int u : cand) {
        oldCols.push_back(s.columns[static_cast<size_t>(u)].oldIndex);
        newCols.push_back(s.columns[static_cast<size_t>(u)].newIndex);
    }
    return uniqueIn(a, oldCols) && uniqueIn(b, newCols);
}

int typeRank(ColumnType t)
{
    switch (t) {
    case ColumnType::Integer:
    case ColumnType::Text: return 0;
    case ColumnType::Date:
    case ColumnType::Timestamp: return 1;
    default: return 2;
    }
}

} // namespace

std::vector<std::vector<int>> keyCandidates(const SchemaDiff& s, const TableProfile& a, const TableProfile& b,
                                            size_t maxCandidates)
{
    std::vector<int> eligible;
    for (size_t u = 0; u < s.columns.size(); ++u) {
        const ColumnMatch& m = s.columns[u];
        if (!m.inBoth())
            continue;
        if (a.nullCounts[static_cast<size_t>(m.oldIndex)] > 0 || b.nullCounts[static_cast<size_t>(m.newIndex)] > 0)
            continue;
        if (m.newType == ColumnType::Boolean || m.newType == ColumnType::Unknown)
            continue;
        eligible.push_back(static_cast<int>(u));
    }
    std::vector<std::vector<int>> out;
    std::vector<int> singles;
    for (int u : eligible) {
        if (unique(s, a, b, {u}))
            singles.push_back(u);
    }
    std::stable_sort(singles.begin(), singles.end(), [&s](int x, int y) {
        const ColumnMatch& mx = s.columns[static_cast<size_t>(x)];
        const ColumnMatch& my = s.columns[static_cast<size_t>(y)];
        const bool nx = looksLikeKeyName(mx.newName), ny = looksLikeKeyName(my.newName);
        if (nx != ny)
            return nx;
        return typeRank(mx.newType) < typeRank(my.newType);
    });
    for (int u : singles) {
        if (out.size() < maxCandidates)
            out.push_back({u});
    }
    if (!out.empty())
        return out;
    const size_t lim2 = std::min<size_t>(eligible.size(), 8);
    for (size_t i = 0; i < lim2 && out.size() < maxCandidates; ++i) {
        for (size_t j = i + 1; j < lim2 && out.size() < maxCandidates; ++j) {
            std::vector<int> c{eligible[i], eligible[j]};
            if (unique(s, a, b, c))
                out.push_back(c);
        }
    }
    if (!out.empty())
        return out;
    const size_t lim3 = std::min<size_t>(eligible.size(), 6);
    for (size_t i = 0; i < lim3 && out.size() < maxCandidates; ++i) {
        for (size_t j = i + 1; j < lim3 && out.size() < maxCandidates; ++j) {
            for (size_t k = j + 1; k < lim3 && out.size() < maxCandidates; ++k) {
                std::vector<int> c{eligible[i], eligible[j], eligible[k]};
                if (unique(s, a, b, c))
                    out.push_back(c);
            }
        }
    }
    return out;
}

} // namespace lakeside::tabular
