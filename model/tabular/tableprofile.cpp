// SPDX-License-Identifier: Apache-2.0
#include "tabular/tableprofile.h"

#include "tabular/typeinference.h"

namespace lakeside::tabular {

Result<TableProfile> profileTable(TableSource& source, int sampleRows, const OpContext* ctx)
{
    LAKESIDE_RETURN_IF_ERROR(source.rewind());
    TableProfile p;
    p.name = source.name();
    TypeInference inference(source.schema());
    const size_t ncols = source.schema().columns.size();
    p.nullCounts.assign(ncols, 0);
    Row row;
    while (true) {
        LAKESIDE_ASSIGN_OR_RETURN(bool more, source.next(row));
        if (!more)
            break;
        inference.observe(row);
        for (size_t i = 0; i < ncols; ++i)
            p.nullCounts[i] += row.cells[i].null ? 1 : 0;
        if (p.rows < sampleRows) {
            auto& out = p.sample.emplace_back(ncols);
            for (size_t i = 0; i < ncols; ++i) {
                if (!row.cells[i].null)
                    out[i] = std::string(row.cells[i].text);
            }
        }
        ++p.rows;
        if (ctx && (p.rows & 0xFFFF) == 0) {
            if (ctx->isCancelled())
                return makeError(ErrorKind::Cancelled, source.name() + ": cancelled");
            const auto [done, total] = source.progress();
            ctx->report(done, total);
        }
    }
    p.schema = inference.result();
    return p;
}

} // namespace lakeside::tabular
