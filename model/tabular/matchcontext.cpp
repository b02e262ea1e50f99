// SPDX-License-Identifier: Apache-2.0
#include "tabular/matchcontext.h"

#include <algorithm>

namespace lakeside::tabular::detail {

MatchContext::MatchContext(TableSource& a, TableSource& b, const MatchPlan& plan, DiffData& data,
                           MatchInference* inference)
    : m_a(a), m_b(b), m_plan(plan), m_data(data), m_cols(plan.schema->columns), m_infer(inference)
{
    for (size_t u = 0; u < m_cols.size(); ++u) {
        const bool isKey = std::find(plan.key.begin(), plan.key.end(), static_cast<int>(u)) != plan.key.end();
        if (m_cols[u].inBoth() && (!isKey || plan.key.empty()))
            m_compared.push_back(u);
    }
    // Progress counts rows read in the two main passes (estimated totals;
    // a streamed third pass stays at the end of the bar).
    m_total = std::max<int64_t>(1, plan.oldRows + plan.newRows);
    m_data.summary.changedCellsPerColumn.assign(m_cols.size(), 0);
}

Status MatchContext::finish()
{
    m_data.summary.oldRows = m_oldCount;
    m_data.summary.newRows = m_newCount;
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry& x, const Entry& y) { return x.sortKey < y.sortKey; });
    m_data.order.reserve(m_entries.size());
    m_data.statuses.reserve(m_entries.size());
    for (const Entry& e : m_entries) {
        m_data.order.push_back(e.record);
        m_data.statuses.push_back(static_cast<uint8_t>(e.status));
    }
    return m_data.store.seal();
}

} // namespace lakeside::tabular::detail
