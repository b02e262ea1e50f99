// SPDX-License-Identifier: Apache-2.0
#include "diffpager.h"

#include "keys.h"

namespace lakeside::engine {

DiffEntry toDiffEntry(const ranges::DiffRecord& r)
{
    DiffEntry d;
    d.type = r.type;
    d.path = r.key;
    d.path_type = PathType::Object;
    // lakeFS: the new size for added/changed, the old size for removed.
    if (r.right) d.size_bytes = r.right->size;
    else if (r.left) d.size_bytes = r.left->size;
    if (r.left) {
        d.left_size_bytes = r.left->size;
        d.left_checksum = r.left->checksum;
    }
    if (r.right) d.right_checksum = r.right->checksum;
    return d;
}

DiffPager::DiffPager(const DiffParams& p) : m_prefix(p.prefix), m_delimiter(p.delimiter), m_amount(pageAmount(p.amount))
{
    // `after` naming a common prefix continues after everything under it.
    if (!m_delimiter.empty() && p.after.size() >= m_delimiter.size() &&
        p.after.compare(p.after.size() - m_delimiter.size(), m_delimiter.size(), m_delimiter) == 0)
        m_skipPrefix = p.after;
}

bool DiffPager::add(const ranges::DiffRecord& r)
{
    if (!m_skipPrefix.empty() && startsWith(r.key, m_skipPrefix)) return true;
    if (auto cp = commonPrefixOf(r.key, m_prefix, m_delimiter)) {
        m_skipPrefix = *cp;
        DiffEntry d;
        d.type = DiffType::PrefixChanged;
        d.path = *cp;
        d.path_type = PathType::CommonPrefix;
        m_page.results.push_back(std::move(d));
    } else {
        m_page.results.push_back(toDiffEntry(r));
    }
    return static_cast<int>(m_page.results.size()) <= m_amount;
}

Page<DiffEntry> DiffPager::finish()
{
    if (static_cast<int>(m_page.results.size()) > m_amount) {
        m_page.results.resize(static_cast<size_t>(m_amount));
        m_page.has_more = true;
        m_page.next_offset = m_page.results.back().path;
    }
    return std::move(m_page);
}

} // namespace lakeside::engine
