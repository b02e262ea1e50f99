// SPDX-License-Identifier: Apache-2.0
#include "tabular/tablediff.h"

#include "tabular/diffdata.h"
#include "tabular/keydetect.h"
#include "tabular/keyorder.h"
#include "tabular/partialpublisher.h"
#include "tabular/rowmatcher.h"
#include "tabular/tableprofile.h"
#include "tabular/valueformat.h"

#include <optional>

namespace lakeside::tabular {
namespace {

using DataPtr = std::shared_ptr<detail::DiffData>;

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

std::vector<ColumnType> compareTypes(const SchemaDiff& s, bool normalize)
{
    std::vector<ColumnType> out;
    for (const ColumnMatch& m : s.columns)
        out.push_back(normalize ? unifyTypes(m.oldType, m.newType) : ColumnType::Text);
    return out;
}

class Differ {
public:
    Differ(TableSource& a, TableSource& b, const TableDiffOptions& options)
        : m_a(a), m_b(b), m_options(options), m_publisher(options.onPartial)
    {
    }

    // Matches rows with the profiles' types; with `inference`, whole-table
    // types are gathered on the way (reset before every try).
    Result<DataPtr> attempt(const TableProfile& pa, const TableProfile& pb, const SchemaDiff& schema,
                            detail::MatchInference* inference)
    {
        detail::MatchPlan plan;
        plan.schema = &schema;
        plan.normalize = m_options.normalizeValues;
        plan.oldRows = pa.estimatedRows;
        plan.newRows = pb.estimatedRows;
        plan.context = m_options.context;
        plan.compareAs = compareTypes(schema, m_options.normalizeValues);
        plan.partial = &m_publisher;
        plan.rawRecordSkip = m_options.allowRawRecordSkip;

        auto run = [&](KeyMode mode) -> Result<DataPtr> {
            auto d = std::make_shared<detail::DiffData>();
            d->oldName = pa.name;
            d->newName = pb.name;
            d->schema = schema;
            d->normalized = m_options.normalizeValues;
            d->keyColumns = plan.key;
            d->keyMode = mode;
            if (inference)
                *inference = detail::MatchInference{TypeInference(m_a.schema()), TypeInference(m_b.schema())};
            // The merge join when the key has a usable order and both samples
            // follow it; matchRows checks every row and falls back.
            std::optional<detail::KeyOrder> order;
            if (mode != KeyMode::RowContent && m_options.allowMergeJoin)
                order = detail::KeyOrder::forKey(schema, plan.key, plan.compareAs, m_options.normalizeValues);
            plan.order = order && order->sampleAscending(pa, true) && order->sampleAscending(pb, false) ? &*order : nullptr;
            LAKESIDE_RETURN_IF_ERROR(detail::matchRows(m_a, m_b, plan, *d, inference));
            plan.order = nullptr;
            return d;
        };

        if (!m_options.keyColumns.empty()) {
            LAKESIDE_ASSIGN_OR_RETURN(plan.key, resolveKey(schema, m_options.keyColumns, pa.name, pb.name));
            return run(KeyMode::UserKey);
        }
        if (m_options.detectKey) {
            for (const std::vector<int>& candidate : keyCandidates(schema, pa, pb)) {
                plan.key = candidate;
                auto d = run(KeyMode::DetectedKey);
                if (d.ok() || d.error().kind != ErrorKind::Conflict)
                    return d;
                // Unique in the sample but not in the whole table: try the next one.
            }
        }
        plan.key.clear();
        return run(KeyMode::RowContent);
    }

    // Whether a diff made with the samples' types stands once the whole
    // tables' types are known: same column pairing, same comparison rules,
    // and a detected key still eligible (no nulls).
    bool stands(const detail::DiffData& d, const SchemaDiff& full, const TableProfile& pa,
                const TableProfile& pb) const
    {
        if (d.schema.columns.size() != full.columns.size())
            return false;
        for (size_t i = 0; i < full.columns.size(); ++i) {
            if (d.schema.columns[i].oldIndex != full.columns[i].oldIndex
                || d.schema.columns[i].newIndex != full.columns[i].newIndex)
                return false;
        }
        if (compareTypes(d.schema, m_options.normalizeValues) != compareTypes(full, m_options.normalizeValues))
            return false;
        if (d.keyMode == KeyMode::DetectedKey) {
            for (int k : d.keyColumns) {
                const ColumnMatch& m = full.columns[static_cast<size_t>(k)];
                if (pa.nullCounts[static_cast<size_t>(m.oldIndex)] > 0 || pb.nullCounts[static_cast<size_t>(m.newIndex)] > 0)
                    return false;
            }
        }
        return true;
    }

private:
    TableSource& m_a;
    TableSource& m_b;
    const TableDiffOptions& m_options;
    detail::PartialPublisher m_publisher; // one for all attempts of this diff
};

} // namespace

Result<TableDiffResult> diffTables(TableSource& oldTable, TableSource& newTable, const TableDiffOptions& options)
{
    // Types, renames and key candidates come from the first rows; the row
    // passes then infer whole-table types on the way. When those confirm the
    // sample (the usual case) the diff stands and each table was read twice
    // (three times for the old one when rows changed); otherwise it is redone
    // with the whole-table types.
    const int sampleRows = std::max(1, options.sampleRows);
    LAKESIDE_ASSIGN_OR_RETURN(TableProfile pa, profileTable(oldTable, sampleRows, options.context, false));
    LAKESIDE_ASSIGN_OR_RETURN(TableProfile pb, profileTable(newTable, sampleRows, options.context, false));
    Differ differ(oldTable, newTable, options);
    const bool whole = pa.complete && pb.complete;
    detail::MatchInference inference{TypeInference(oldTable.schema()), TypeInference(newTable.schema())};
    const SchemaDiff sampled = diffSchemas(pa, pb);
    LAKESIDE_ASSIGN_OR_RETURN(DataPtr first, differ.attempt(pa, pb, sampled, whole ? nullptr : &inference));
    if (whole)
        return TableDiffResult(std::move(first));
    pa.completeWith(inference.oldTypes);
    pb.completeWith(inference.newTypes);
    SchemaDiff full = diffSchemas(pa, pb);
    if (differ.stands(*first, full, pa, pb)) {
        first->schema = std::move(full); // same pairing; statuses and types from the whole tables
        return TableDiffResult(std::move(first));
    }
    LAKESIDE_ASSIGN_OR_RETURN(DataPtr second, differ.attempt(pa, pb, full, nullptr));
    return TableDiffResult(std::move(second));
}

Result<TableDiffResult> diffTableFiles(const std::string& oldPath, const std::string& newPath,
                                       const TableDiffOptions& options, const ReadOptions& read)
{
    LAKESIDE_ASSIGN_OR_RETURN(auto a, openTable(oldPath, read));
    LAKESIDE_ASSIGN_OR_RETURN(auto b, openTable(newPath, read));
    return diffTables(*a, *b, options);
}

} // namespace lakeside::tabular
