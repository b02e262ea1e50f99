// SPDX-License-Identifier: Apache-2.0
#include "output.h"

#include "commands.h"

#include <cstdio>
#include <ctime>

namespace lakeside::cli {

std::string formatTime(int64_t unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

std::string humanSize(int64_t bytes)
{
    if (bytes < 1000) return std::to_string(bytes) + " B";
    static const char* units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double v = static_cast<double>(bytes);
    int u = -1;
    while (v >= 1000.0 && u < 5) {
        v /= 1000.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 10.0 ? "%.1f %s" : "%.0f %s", v, units[u]);
    return buf;
}

void printTable(std::ostream& out, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows)
{
    size_t columns = headers.size();
    for (const auto& row : rows) columns = std::max(columns, row.size());
    std::vector<size_t> width(columns, 0);
    for (size_t i = 0; i < headers.size(); ++i) width[i] = headers[i].size();
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    auto line = [&](const std::vector<std::string>& cells) {
        std::string s;
        for (size_t i = 0; i < cells.size(); ++i) {
            s += cells[i];
            if (i + 1 < cells.size()) s += std::string(width[i] - cells[i].size() + 2, ' ');
        }
        out << s << '\n';
    };
    if (!headers.empty()) line(headers);
    for (const auto& row : rows) line(row);
}

void printCommit(std::ostream& out, const Commit& c)
{
    out << "ID:            " << c.id << '\n';
    if (!c.committer.empty()) out << "Author:        " << c.committer << '\n';
    out << "Date:          " << formatTime(c.creation_date) << '\n';
    if (c.parents.size() > 1) {
        out << "Merge:         ";
        for (size_t i = 0; i < c.parents.size(); ++i) out << (i ? " " : "") << c.parents[i].substr(0, 12);
        out << '\n';
    }
    out << '\n';
    out << "    " << (c.message.empty() ? std::string("(no message)") : c.message) << '\n';
    if (!c.metadata.empty()) {
        out << '\n' << "    Metadata:\n";
        for (const auto& [k, v] : c.metadata) out << "        " << k << " = " << v << '\n';
    }
    out << '\n';
}

void printError(std::ostream& err, const Error& e, bool json)
{
    if (json) {
        Json j = errorToJson(e);
        if (!e.conflicts.empty()) j["conflicts"] = e.conflicts;
        if (!e.runId.empty()) j["run_id"] = e.runId; // a failed hook: where to read its log
        err << j.dump(2) << '\n';
        return;
    }
    err << "Error: " << e.message << '\n';
    if (!e.conflicts.empty()) {
        err << "Conflicting paths (" << e.conflicts.size() << "):\n";
        for (const std::string& p : e.conflicts) err << "  " << p << '\n';
    }
}

Json mergeResultJson(const MergeResult& r) { return Json{{"reference", r.reference}}; }

Json findMergeBaseJson(const FindMergeBaseResult& r)
{
    return Json{{"source_commit_id", r.source_commit_id},
                {"destination_commit_id", r.destination_commit_id},
                {"base_commit_id", r.base_commit_id}};
}

Result<Metadata> parseMetadata(const std::vector<std::string>& pairs)
{
    Metadata m;
    for (const std::string& p : pairs) {
        const size_t eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            return makeError(ErrorKind::InvalidArgument,
                             "metadata '" + p + "' must have the form KEY=VALUE with a non-empty key");
        m[p.substr(0, eq)] = p.substr(eq + 1);
    }
    return m;
}

} // namespace lakeside::cli

namespace lakeside::cli {

Status listRefs(CommandContext& ctx, const std::function<Result<Page<Ref>>(const ListParams&)>& list,
                int amount, const std::string& after, const char* column, const char* plural)
{
    auto fetch = [&](const std::string& from, int n) {
        ListParams p;
        p.after = from;
        p.amount = n;
        return list(p);
    };
    auto key = [](const Ref& r) { return r.id; };
    LAKESIDE_ASSIGN_OR_RETURN(Page<Ref> page, gatherPages<Ref>(fetch, key, amount, after));
    if (ctx.json()) {
        ctx.printJson(pageToJson(page));
        return {};
    }
    std::vector<std::vector<std::string>> rows;
    for (const Ref& r : page.results) rows.push_back({r.id, r.commit_id});
    printTable(ctx.out, {column, "COMMIT ID"}, rows);
    if (page.has_more) ctx.out << "(more " << plural << ": use --after " << page.next_offset << ")\n";
    return {};
}

} // namespace lakeside::cli
