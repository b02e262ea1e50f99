// SPDX-License-Identifier: Apache-2.0
#include "tabular/tablediff.h"

#include "tabular/diffdata.h"
#include "tabular/keydetect.h"
#include "tabular/rowmatcher.h"
#include "tabular/tableprofile.h"
#include "tabular/valueformat.h"

namespace lakeside::tabular {
namespace {

Result<std::vector<int>> resolveKey(const SchemaDiff& schema, const std::vector<std::string>& names,
                                    const std::string& oldName, const std::string& newName)
{
    std::vector<int> key;
    for (const std::string& n : names) {
        const int u = schema.find(n);
        if (u < 0)
            return makeError(ErrorKind::InvalidArgument,
                             "key column '" + n + "' is in neither " + oldName + " nor " + newName);
        const ColumnMatch& m = schema.columns[static_cast<size_t>(u)];
        if (m.oldIndex < 0)
            return makeError(ErrorKind::InvalidArgument, "key column '" + n + "' is not in " + oldName);
        if (m.newIndex < 0)
            return makeError(ErrorKind::InvalidArgument, "key column '" + n + "' is not in " + newName);
        key.push_back(u);
    }
    return key;
}

std::shared_ptr<detail::DiffData> newData(const TableProfile& a, const TableProfile& b, const SchemaDiff& s,
                                          bool normalize)
{
    auto d = std::make_shared<detail::DiffData>();
    d->oldName = a.name;
    d->newName = b.name;
    d->schema = s;
    d->normalized = normalize;
    return d;
}

} // namespace

Result<TableDiffResult> diffTables(TableSource& oldTable, TableSource& newTable, const TableDiffOptions& options)
{
    LAKESIDE_ASSIGN_OR_RETURN(TableProfile a, profileTable(oldTable, options.sampleRows, options.context));
    LAKESIDE_ASSIGN_OR_RETURN(TableProfile b, profileTable(newTable, options.sampleRows, options.context));
    const SchemaDiff schema = diffSchemas(a, b);

    detail::MatchPlan plan;
    plan.schema = &schema;
    plan.normalize = options.normalizeValues;
    plan.oldRows = a.rows;
    plan.newRows = b.rows;
    plan.context = options.context;
    for (const ColumnMatch& m : schema.columns)
        plan.compareAs.push_back(options.normalizeValues ? unifyTypes(m.oldType, m.newType) : ColumnType::Text);

    if (!options.keyColumns.empty()) {
        LAKESIDE_ASSIGN_OR_RETURN(plan.key, resolveKey(schema, options.keyColumns, a.name, b.name));
        auto data = newData(a, b, schema, options.normalizeValues);
        data->keyColumns = plan.key;
        data->keyMode = KeyMode::UserKey;
        LAKESIDE_RETURN_IF_ERROR(detail::matchRows(oldTable, newTable, plan, *data));
        return TableDiffResult(std::move(data));
    }
    if (options.detectKey) {
        for (const std::vector<int>& candidate : keyCandidates(schema, a, b)) {
            plan.key = candidate;
            auto data = newData(a, b, schema, options.normalizeValues);
            data->keyColumns = plan.key;
            data->keyMode = KeyMode::DetectedKey;
            Status st = detail::matchRows(oldTable, newTable, plan, *data);
            if (st.ok())
                return TableDiffResult(std::move(data));
            if (st.kind() != ErrorKind::Conflict)
                return st.error(); // unique in the sample, not in the whole table: try the next one
        }
    }
    plan.key.clear();
    auto data = newData(a, b, schema, options.normalizeValues);
    data->keyMode = KeyMode::RowContent;
    LAKESIDE_RETURN_IF_ERROR(detail::matchRows(oldTable, newTable, plan, *data));
    return TableDiffResult(std::move(data));
}

Result<TableDiffResult> diffTableFiles(const std::string& oldPath, const std::string& newPath,
                                       const TableDiffOptions& options, const ReadOptions& read)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto a, openTable(oldPath, read));
    LAKESIDE_ASSIGN_OR_RETURN(auto b, openTable(newPath, read));
    return diffTables(*a, *b, options);
}

} // namespace lakeside::tabular
