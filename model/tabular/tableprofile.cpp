// SPDX-License-Identifier: Apache-2.0
#include "tabular/tableprofile.h"

namespace lakeside::tabular {

void TableProfile::completeWith(const TypeInference& inference)
{
    schema = inference.result();
    rows = inference.rows();
    estimatedRows = rows;
    complete = true;
    for (size_t i = 0; i < nullCounts.size(); ++i)
        nullCounts[i] = inference.nullCount(static_cast<int>(i));
}

Result<TableProfile> profileTable(TableSource& source, int sampleRows, const OpContext* ctx, bool wholeTable)
{
    LAKESIDE_RETURN_IF_ERROR(source.rewind());
    TableProfile p;
    p.name = source.name();
    TypeInference inference(source.schema());
    const size_t ncols = source.schema().columns.size();
    p.nullCounts.assign(ncols, 0);
    Row row;
    p.complete = true;
    while (true) {
        if (!wholeTable && p.rows >= sampleRows) {
            p.complete = false;
            break;
        }
        LAKESIDE_ASSIGN_OR_RETURN(bool more, source.next(row));
        if (!more)
            break;
        inference.observe(row);
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
            if (wholeTable) { // a sample is too short to be worth a progress report
                const auto [done, total] = source.progress();
                ctx->report(done, total);
            }
        }
    }
    const bool complete = p.complete;
    p.completeWith(inference);
    p.complete = complete;
    p.estimatedRows = p.rows;
    if (!p.complete) {
        const auto [done, total] = source.progress();
        if (const auto hint = source.rowCountHint())
            p.estimatedRows = *hint;
        else if (done > 0 && total > done)
            p.estimatedRows = static_cast<int64_t>(static_cast<double>(p.rows) * static_cast<double>(total)
                                                   / static_cast<double>(done) * 1.05);
    }
    return p;
}

} // namespace lakeside::tabular
