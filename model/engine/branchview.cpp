// SPDX-License-Identifier: Apache-2.0
#include "branchview.h"

#include "keys.h"

namespace lakeside::engine {

namespace {
constexpr size_t kStagingBatch = 256;
}

BranchView::BranchView(Ctx& c, std::string repo, const Resolved& ref, std::string prefix)
    : m_c(c), m_repo(std::move(repo)), m_branch(ref.staging ? ref.branch : std::string()), m_prefix(std::move(prefix)),
      m_tree(c.store, ref.commit.meta_range_id)
{
}

void BranchView::seek(const std::string& from)
{
    const std::string start = from < m_prefix ? m_prefix : from;
    m_tree.seekGE(start);
    m_staged.clear();
    m_stagedFrom = start;
    m_stagedDone = m_branch.empty();
    settle();
}

void BranchView::refill()
{
    if (m_stagedDone || !m_staged.empty()) return;
    size_t got = 0;
    Status st = m_c.cat.forEachStaged(m_repo, m_branch, m_prefix, m_stagedFrom, [&](const StagedRecord& r) {
        m_staged.push_back(r);
        return ++got < kStagingBatch;
    });
    if (!st.ok()) m_status = st;
    if (got < kStagingBatch) m_stagedDone = true;
    else m_stagedFrom = keyAfter(m_staged.back().path);
}

void BranchView::settle()
{
    m_valid = false;
    while (m_status.ok()) {
        refill();
        const bool treeOk = m_tree.valid() && startsWith(m_tree.key(), m_prefix);
        if (!m_tree.valid() && !m_tree.status().ok()) {
            m_status = m_tree.status();
            return;
        }
        const bool stagedOk = !m_staged.empty();
        if (!treeOk && !stagedOk) return;
        if (stagedOk && (!treeOk || m_staged.front().path <= m_tree.key())) {
            StagedRecord r = std::move(m_staged.front());
            m_staged.pop_front();
            if (treeOk && r.path == m_tree.key()) m_tree.next();
            if (!r.entry) continue; // tombstone hides the committed entry
            m_key = std::move(r.path);
            m_entry = std::move(*r.entry);
            m_valid = true;
            return;
        }
        m_key = m_tree.key();
        m_entry = m_tree.entry();
        m_tree.next();
        m_valid = true;
        return;
    }
}

} // namespace lakeside::engine
