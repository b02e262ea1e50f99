// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers shared by the range-tree suites: entries, reference maps and trees built from them.

#include "engine/ranges/diff.h"
#include "engine/ranges/tree.h"

#include <QTest>

#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>

namespace rt {

using namespace lakeside::ranges;
using Ref = std::map<std::string, Entry>;

inline Entry entry(const std::string& content, int64_t size = 10)
{
    Entry e;
    e.address = "sha256:" + content;
    e.size = size;
    e.checksum = "etag-" + content;
    e.mtime = 1700000000;
    return e;
}

inline std::string key(int i)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "data/part-%07d.parquet", i);
    return buf;
}

inline std::string build(RangeStore& store, const Ref& ref)
{
    TreeWriter w(store);
    for (const auto& [k, e] : ref)
        if (!w.add(k, e).ok()) return "<add failed>";
    auto id = w.finish();
    return id.ok() ? id.value() : "<finish failed>";
}

inline Ref readAll(RangeStore& store, const std::string& tree)
{
    Ref out;
    TreeIterator it(store, tree);
    for (it.seekGE(""); it.valid(); it.next()) out.emplace(it.key(), it.entry());
    if (!it.status().ok()) out.emplace("<error>", Entry{});
    return out;
}

// Two-dot reference diff of two maps, as "type key" lines.
inline std::vector<std::string> refDiff(const Ref& l, const Ref& r)
{
    std::vector<std::string> out;
    auto li = l.begin();
    auto ri = r.begin();
    while (li != l.end() || ri != r.end()) {
        if (ri == r.end() || (li != l.end() && li->first < ri->first)) {
            out.push_back("removed " + li->first);
            ++li;
        } else if (li == l.end() || ri->first < li->first) {
            out.push_back("added " + ri->first);
            ++ri;
        } else {
            if (identity(li->second) != identity(ri->second)) out.push_back("changed " + li->first);
            ++li;
            ++ri;
        }
    }
    return out;
}

inline std::vector<std::string> treeDiff(RangeStore& store, const std::string& l, const std::string& r,
                                         std::string_view prefix = {}, std::string_view after = {},
                                         size_t limit = SIZE_MAX)
{
    std::vector<std::string> out;
    auto st = diffTrees(store, l, r, prefix, after, [&](const DiffRecord& d) {
        out.push_back(std::string(lakeside::diffTypeName(d.type)) + " " + d.key);
        return out.size() < limit;
    });
    if (!st.ok()) out.push_back("<error " + st.message() + ">");
    return out;
}

} // namespace rt
