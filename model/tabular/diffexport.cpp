// SPDX-License-Identifier: Apache-2.0
#include "tabular/diffexport.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace lakeside::tabular {
namespace {

Status streamError(std::ostream& out)
{
    if (!out)
        return makeError(ErrorKind::Io, "cannot write the diff export");
    return Status::Ok();
}

std::string changedCell(const DiffCell& c)
{
    return (c.oldNull ? std::string() : c.oldText) + "->" + (c.newNull ? std::string() : c.newText);
}

const char* css()
{
    return "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1f2328}"
           "h1{font-size:20px}h2{font-size:16px;margin-top:24px}"
           "table{border-collapse:collapse;font-size:13px}"
           "th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top;white-space:pre-wrap}"
           "th{background:#f6f8fa;position:sticky;top:0}"
           "tr.added td{background:#e6ffec}tr.removed td{background:#ffebe9}"
           "td.changed{background:#fff8c5}del{color:#cf222e}ins{color:#1a7f37;text-decoration:none}"
           ".null{color:#8c959f;font-style:italic}.note{color:#57606a}"
           ".summary td{font-variant-numeric:tabular-nums}";
}

std::string htmlValue(bool null, const std::string& text)
{
    return null ? std::string("<span class=\"null\">null</span>") : htmlEscape(text);
}

} // namespace

std::string csvQuote(std::string_view field)
{
    const bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos
                       || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs)
        return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

Status exportDiffCsv(const TableDiffResult& diff, std::ostream& out)
{
    const auto& cols = diff.schema().columns;
    out << "status";
    for (const ColumnMatch& m : cols)
        out << ',' << csvQuote(m.name());
    out << '\n';
    const int64_t n = diff.rowCount();
    for (int64_t i = 0; i < n; ++i) {
        LAKESIDE_ASSIGN_OR_RETURN(DiffRow row, diff.row(i));
        out << rowStatusName(row.status);
        for (const DiffCell& c : row.cells) {
            out << ',';
            if (row.status == RowStatus::Removed)
                out << csvQuote(c.oldNull ? std::string() : c.oldText);
            else if (c.changed)
                out << csvQuote(changedCell(c));
            else
                out << csvQuote(c.newNull ? std::string() : c.newText);
        }
        out << '\n';
        if (!out)
            break;
    }
    out.flush();
    return streamError(out);
}

Status exportDiffHtml(const TableDiffResult& diff, std::ostream& out, const HtmlExportOptions& options)
{
    const std::string title = options.title.empty()
                                  ? "Table diff: " + diff.oldName() + " \u2192 " + diff.newName()
                                  : options.title;
    const DiffSummary& s = diff.summary();
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width\"><title>" << htmlEscape(title)
        << "</title><style>" << css() << "</style></head><body>\n";
    out << "<h1>" << htmlEscape(title) << "</h1>\n";
    out << "<p class=\"note\">Rows matched by " << htmlEscape(diff.matchDescription())
        << (diff.normalized() ? "; values differing only in formatting count as equal." : "; exact text comparison.")
        << "</p>\n";
    out << "<table class=\"summary\"><tr><th>old rows</th><th>new rows</th><th>added</th><th>removed</th>"
        << "<th>changed</th><th>unchanged</th><th>changed cells</th></tr><tr><td>" << s.oldRows << "</td><td>"
        << s.newRows << "</td><td>" << s.added << "</td><td>" << s.removed << "</td><td>" << s.changed
        << "</td><td>" << s.unchanged << "</td><td>" << s.changedCells << "</td></tr></table>\n";
    const auto& cols = diff.schema().columns;
    if (diff.schema().hasChanges()) {
        out << "<h2>Schema changes</h2>\n<ul>\n";
        for (const ColumnMatch& m : cols) {
            if (m.status == ColumnStatus::Unchanged)
                continue;
            out << "<li>" << htmlEscape(m.name()) << ": " << columnStatusName(m.status);
            if (m.oldIndex >= 0 && m.newIndex >= 0 && m.oldName != m.newName)
                out << " (was " << htmlEscape(m.oldName) << ", by " << htmlEscape(m.renameEvidence) << ")";
            if (m.status == ColumnStatus::Retyped || m.status == ColumnStatus::RenamedRetyped)
                out << " (" << columnTypeName(m.oldType) << " \u2192 " << columnTypeName(m.newType) << ")";
            out << "</li>\n";
        }
        out << "</ul>\n";
    }
    out << "<h2>Rows</h2>\n<table><thead><tr><th>status</th>";
    for (const ColumnMatch& m : cols)
        out << "<th>" << htmlEscape(m.name()) << "</th>";
    out << "</tr></thead><tbody>\n";
    const int64_t n = diff.rowCount();
    const int64_t limit = options.maxRows > 0 ? std::min(n, options.maxRows) : n;
    for (int64_t i = 0; i < limit; ++i) {
        LAKESIDE_ASSIGN_OR_RETURN(DiffRow row, diff.row(i));
        out << "<tr class=\"" << rowStatusName(row.status) << "\"><td>" << rowStatusName(row.status) << "</td>";
        for (const DiffCell& c : row.cells) {
            if (row.status == RowStatus::Removed)
                out << "<td>" << htmlValue(c.oldNull, c.oldText) << "</td>";
            else if (c.changed)
                out << "<td class=\"changed\"><del>" << htmlValue(c.oldNull, c.oldText) << "</del> \u2192 <ins>"
                    << htmlValue(c.newNull, c.newText) << "</ins></td>";
            else
                out << "<td>" << htmlValue(c.newNull, c.newText) << "</td>";
        }
        out << "</tr>\n";
        if (!out)
            return streamError(out);
    }
    out << "</tbody></table>\n";
    if (limit < n)
        out << "<p class=\"note\">Showing the first " << limit << " of " << n << " differing rows.</p>\n";
    out << "</body></html>\n";
    out.flush();
    return streamError(out);
}

std::string diffSummaryText(const TableDiffResult& diff)
{
    std::string schema;
    auto add = [&schema](const std::string& part) { schema += (schema.empty() ? "" : ", ") + part; };
    const auto& cols = diff.schema().columns;
    for (ColumnStatus st : {ColumnStatus::Added, ColumnStatus::Removed, ColumnStatus::Renamed,
                            ColumnStatus::Retyped, ColumnStatus::RenamedRetyped}) {
        std::string names;
        int n = 0;
        for (const ColumnMatch& m : cols) {
            if (m.status != st)
                continue;
            ++n;
            names += names.empty() ? "" : ", ";
            if (st == ColumnStatus::Renamed || st == ColumnStatus::RenamedRetyped)
                names += m.oldName + " -> " + m.newName;
            else
                names += m.name();
            if (st == ColumnStatus::Retyped || st == ColumnStatus::RenamedRetyped)
                names += std::string(" ") + columnTypeName(m.oldType) + " -> " + columnTypeName(m.newType);
        }
        if (n > 0)
            add(std::to_string(n) + " " + columnStatusName(st) + " (" + names + ")");
    }
    const DiffSummary& s = diff.summary();
    std::string out = "schema: " + (schema.empty() ? std::string("unchanged") : schema) + "\n";
    out += "rows: " + std::to_string(s.added) + " added, " + std::to_string(s.removed) + " removed, "
           + std::to_string(s.changed) + " changed (" + std::to_string(s.changedCells)
           + (s.changedCells == 1 ? " cell), " : " cells), ") + std::to_string(s.unchanged) + " unchanged\n";
    out += "matched by " + diff.matchDescription()
           + (diff.normalized() ? "; values normalised\n" : "; exact text comparison\n");
    return out;
}

Status exportDiffFile(const TableDiffResult& diff, const std::string& path)
{
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? std::string() : path.substr(dot);
    const bool html = ext == ".html" || ext == ".htm";
    if (!html && ext != ".csv")
        return makeError(ErrorKind::InvalidArgument, path + ": export as .csv or .html");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return makeError(ErrorKind::Io, path + ": cannot create: " + std::strerror(errno));
    Status st = html ? exportDiffHtml(diff, out) : exportDiffCsv(diff, out);
    if (!st.ok())
        return makeError(st.kind(), path + ": " + st.message());
    return Status::Ok();
}

} // namespace lakeside::tabular
