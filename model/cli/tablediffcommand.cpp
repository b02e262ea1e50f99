// SPDX-License-Identifier: Apache-2.0
#include "tablediffcommand.h"

#include "api/json.h"
#include "fstransfer.h"
#include "tabular/diffexport.h"
#include "tabular/tablediff.h"

#ifdef LAKESIDE_HAVE_PARQUET
#include "parquet/parquettablesource.h"
#endif

#include <cstdlib>
#include <filesystem>

namespace lakeside::cli {
namespace fs = std::filesystem;
namespace {

Json cellJson(const tabular::DiffCell& c)
{
    Json j;
    j["old"] = c.oldNull ? Json(nullptr) : Json(c.oldText);
    j["new"] = c.newNull ? Json(nullptr) : Json(c.newText);
    j["changed"] = c.changed;
    return j;
}

Result<Json> diffJson(const TableDiffRequest& req, const tabular::TableDiffResult& diff)
{
    const tabular::DiffSummary& s = diff.summary();
    Json columns = Json::array();
    for (const tabular::ColumnMatch& c : diff.schema().columns)
        columns.push_back({{"name", c.name()}, {"old_name", c.oldName}, {"new_name", c.newName},
                           {"status", tabular::columnStatusName(c.status)},
                           {"old_type", tabular::columnTypeName(c.oldType)},
                           {"new_type", tabular::columnTypeName(c.newType)}});
    Json rows = Json::array();
    for (int64_t i = 0; i < diff.rowCount(); ++i) {
        LAKESIDE_ASSIGN_OR_RETURN(tabular::DiffRow row, diff.row(i));
        Json cells = Json::array();
        for (const tabular::DiffCell& c : row.cells) cells.push_back(cellJson(c));
        rows.push_back({{"status", tabular::rowStatusName(row.status)}, {"key", diff.keyText(row)}, {"cells", cells}});
    }
    Json out{{"path", req.path},
                {"left", req.leftRef},
                {"right", req.rightRef},
                {"match", diff.matchDescription()},
                {"summary",
                 {{"old_rows", s.oldRows}, {"new_rows", s.newRows}, {"added", s.added}, {"removed", s.removed},
                  {"changed", s.changed}, {"unchanged", s.unchanged}, {"changed_cells", s.changedCells}}},
                {"columns", columns},
                {"rows", rows}};
    if (!req.rightPath.empty()) out["right_path"] = req.rightPath;
    return out;
}

} // namespace

Status renderTableDiff(Backend& backend, const TableDiffRequest& req, std::ostream& out, bool json)
{
#ifdef LAKESIDE_HAVE_PARQUET
    parquet::registerParquetTableOpener();
#endif
    TempFolder tmp("tablediff");
    if (tmp.path().empty()) return makeError(ErrorKind::Io, "cannot create a temporary folder for the table diff");
    // Each side keeps its own file name: the extension picks the reader
    // (a CSV on one side may be compared with a Parquet file on the other).
    const fs::path left = tmp.path() / "left" / fs::path(req.path).filename();
    const fs::path right = tmp.path() / "right" / fs::path(req.rightObject()).filename();
    LAKESIDE_RETURN_IF_ERROR(downloadToFile(backend, req.repository, req.leftRef, req.path, left));
    LAKESIDE_RETURN_IF_ERROR(downloadToFile(backend, req.repository, req.rightRef, req.rightObject(), right));

    tabular::TableDiffOptions options;
    options.keyColumns = req.keyColumns;
    Result<tabular::TableDiffResult> diff = tabular::diffTableFiles(left.string(), right.string(), options);
    if (!diff.ok()) {
        Error e = diff.error();
        e.message = "table diff of '" + req.path + "' (" + req.leftRef + " -> " + req.rightRef + "): " + e.message;
        return e;
    }
    if (json) {
        LAKESIDE_ASSIGN_OR_RETURN(Json j, diffJson(req, *diff));
        out << j.dump(2) << '\n';
        return {};
    }
    out << "Table: " << req.path << (req.rightPath.empty() ? std::string() : " -> " + req.rightPath) << '\n'
        << "Left ref: lakefs://" << req.repository << '/' << req.leftRef << '\n'
        << "Right ref: lakefs://" << req.repository << '/' << req.rightRef << "\n\n"
        << tabular::diffSummaryText(*diff) << "\n\n";
    if (diff->rowCount() == 0) {
        out << "No row changes.\n";
        return {};
    }
    return tabular::exportDiffCsv(*diff, out);
}

} // namespace lakeside::cli
