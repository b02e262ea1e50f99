// SPDX-License-Identifier: Apache-2.0
#include "tabular/rowmatcher.h"

#include "tabular/matchcontext.h"
#include "tabular/partialpublisher.h"

namespace lakeside::tabular::detail {

Status matchRows(TableSource& oldTable, TableSource& newTable, const MatchPlan& plan, DiffData& data,
                 MatchInference* inference)
{
    if (plan.partial)
        plan.partial->begin(data);
    if (plan.order && !plan.key.empty()) {
        bool unsorted = false;
        {
            MatchContext c(oldTable, newTable, plan, data, inference);
            const Status st = mergePasses(c, *plan.order, unsorted);
            if (!unsorted) {
                LAKESIDE_RETURN_IF_ERROR(st);
                return c.finish();
            }
        }
        // Not sorted after all: start over with the hash join.
        data.summary = DiffSummary();
        data.store.clear();
        data.order.clear();
        data.statuses.clear();
        if (inference)
            *inference = MatchInference{TypeInference(oldTable.schema()), TypeInference(newTable.schema())};
        if (plan.partial)
            plan.partial->begin(data);
    }
    MatchContext c(oldTable, newTable, plan, data, inference);
    LAKESIDE_RETURN_IF_ERROR(plan.key.empty() ? contentPasses(c) : keyedPasses(c));
    return c.finish();
}

} // namespace lakeside::tabular::detail
