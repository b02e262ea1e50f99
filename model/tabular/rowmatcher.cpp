// SPDX-License-Identifier: Apache-2.0
#include "tabular/rowmatcher.h"

#include "tabular/matchcontext.h"

namespace lakeside::tabular::detail {

Status matchRows(TableSource& oldTable, TableSource& newTable, const MatchPlan& plan, DiffData& data,
                 MatchInference* inference)
{
    MatchContext c(oldTable, newTable, plan, data, inference);
    LAKESIDE_RETURN_IF_ERROR(plan.key.empty() ? contentPasses(c) : keyedPasses(c));
    return c.finish();
}

} // namespace lakeside::tabular::detail
