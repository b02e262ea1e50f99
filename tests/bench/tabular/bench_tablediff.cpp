// SPDX-License-Identifier: Apache-2.0
// Table diff benchmark driver.
//   bench_tablediff gen <dir> <rows>     writes <dir>/a.csv and <dir>/b.csv:
//       8 columns; b differs from a in 100 cells, 50 removed and 50 added rows
//   bench_tablediff diff <a> <b> [key] [hash|parse]   diffs them (key "" =
//       detect; "hash": no merge join, even on sorted files; "parse": merge
//       join, but every new record is parsed, i.e. without
//       TableDiffOptions::allowRawRecordSkip) and prints one line of
//       key=value timings and counts. Times since the start, through
//       TableDiffOptions::onPartial: first_snapshot_ms (schema and key known),
//       first_row_ms (the first differing row can be shown), window_screen_ms
//       (the 27 rows the Compare tab shows in its default window),
//       first_screen_ms (50 differing rows can be shown; both: or the whole
//       result when it has fewer); diff_ms is the whole diff.
// Peak memory is measured from outside (/usr/bin/time -v) by run_bench.sh.

#include "tabular/tablediff.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <sys/resource.h>

using namespace lakeside::tabular;
using Clock = std::chrono::steady_clock;

namespace {

const char* kCities[] = {"Oslo", "Rome", "Lima", "Kyiv", "Quito", "Accra", "Hanoi", "Perth", "Turin", "Cork"};

std::string rowText(int64_t id, std::mt19937_64& rng)
{
    char buf[256];
    const int64_t qty = static_cast<int64_t>(rng() % 1000);
    const int64_t cents = static_cast<int64_t>(rng() % 100000);
    const int day = static_cast<int>(rng() % 28) + 1;
    const int month = static_cast<int>(rng() % 12) + 1;
    std::snprintf(buf, sizeof buf, "%lld,customer %lld,%s,%lld,%lld.%02lld,2024-%02d-%02d,%s,\"note, #%llu\"",
                  static_cast<long long>(id), static_cast<long long>(rng() % 100000), kCities[rng() % 10],
                  static_cast<long long>(qty), static_cast<long long>(cents / 100), static_cast<long long>(cents % 100),
                  month, day, (rng() & 1) ? "true" : "false", static_cast<unsigned long long>(rng() % 1000000));
    return buf;
}

int generate(const std::string& dir, int64_t rows)
{
    std::mt19937_64 rng(42);
    std::set<int64_t> removed, changed;
    std::mt19937_64 pick(7);
    while (removed.size() < 50)
        removed.insert(static_cast<int64_t>(pick() % rows));
    while (changed.size() < 100) {
        const auto r = static_cast<int64_t>(pick() % rows);
        if (!removed.count(r))
            changed.insert(r);
    }
    std::ofstream a(dir + "/a.csv"), b(dir + "/b.csv");
    const char* header = "id,customer,city,qty,price,day,paid,note\n";
    a << header;
    b << header;
    for (int64_t i = 0; i < rows; ++i) {
        const std::string line = rowText(i + 1, rng);
        a << line << '\n';
        if (removed.count(i))
            continue;
        if (changed.count(i)) {
            // One cell changes: the qty column (4th field) gets a new value.
            size_t p = 0;
            for (int f = 0; f < 3; ++f)
                p = line.find(',', p) + 1;
            const size_t e = line.find(',', p);
            b << line.substr(0, p) << "9999" << line.substr(e) << '\n';
            continue;
        }
        b << line << '\n';
    }
    std::mt19937_64 extra(99);
    for (int64_t i = 0; i < 50; ++i)
        b << rowText(rows + 1 + i, extra) << '\n';
    return a && b ? 0 : 1;
}

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

int diff(const std::string& a, const std::string& b, const std::string& key, const std::string& variant)
{
    constexpr int64_t kScreenRows = 50;
    // Rows the Compare tab's table diff shows without scrolling in the
    // default 1400x860 window (tst_screenshots prints it: 27 full rows).
    constexpr int64_t kWindowRows = 27;
    const auto t0 = Clock::now();
    TableDiffOptions opts;
    if (!key.empty())
        opts.keyColumns = {key};
    opts.allowMergeJoin = variant != "hash";
    opts.allowRawRecordSkip = variant != "parse";
    std::optional<Clock::time_point> firstSnapshot, firstRow, firstWindow, firstScreen;
    int snapshots = 0;
    opts.onPartial = [&](const TableDiffResult& partial) {
        const auto now = Clock::now();
        ++snapshots;
        if (!firstSnapshot)
            firstSnapshot = now;
        if (!firstRow && partial.rowCount() > 0)
            firstRow = now;
        if (!firstWindow && partial.rowCount() >= kWindowRows)
            firstWindow = now;
        if (!firstScreen && partial.rowCount() >= kScreenRows)
            firstScreen = now;
    };
    auto result = diffTableFiles(a, b, opts);
    const auto t1 = Clock::now();
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", result.error().message.c_str());
        return 1;
    }
    // Without a partial snapshot that had them, the rows come with the result.
    if (!firstRow && result->rowCount() > 0)
        firstRow = t1;
    if (!firstScreen)
        firstScreen = t1;
    if (!firstWindow)
        firstWindow = t1;
    // First screen: what a table view shows first, decoded from the lazy result.
    size_t bytes = 0;
    for (int64_t i = 0; i < std::min<int64_t>(51, result->rowCount()); ++i) {
        auto row = result->row(i);
        if (!row.ok())
            return 1;
        for (const auto& c : row->cells)
            bytes += c.newText.size() + c.oldText.size();
    }
    const auto t2 = Clock::now();
    // Where the first screen ends in the new file: the first screen needs
    // the rows up to there, so its time depends on it.
    int64_t screenEnd = -1;
    if (result->rowCount() > 0) {
        auto last = result->row(std::min<int64_t>(kScreenRows, result->rowCount()) - 1);
        if (last.ok())
            screenEnd = last->newRow >= 0 ? last->newRow : last->oldRow;
    }
    const TableDiffResult changedOnly = result->filtered(RowFilter::changedOnly());
    const auto t3 = Clock::now();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const DiffSummary& s = result->summary();
    const double cpuMs = (static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0)
                         + static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    std::printf("first_snapshot_ms=%.1f first_row_ms=%.1f window_screen_ms=%.1f first_screen_ms=%.1f diff_ms=%.0f cpu_ms=%.0f "
                "snapshots=%d screen_end_row=%lld decode_screen_ms=%.3f filter_ms=%.3f added=%lld removed=%lld changed=%lld "
                "changed_cells=%lld rows=%lld match=\"%s\" maxrss_mb=%.0f bytes=%zu changed_view=%lld\n",
                firstSnapshot ? ms(t0, *firstSnapshot) : -1.0, firstRow ? ms(t0, *firstRow) : -1.0,
                ms(t0, *firstWindow), ms(t0, *firstScreen), ms(t0, t1), cpuMs, snapshots, static_cast<long long>(screenEnd), ms(t1, t2),
                ms(t2, t3),
                static_cast<long long>(s.added),
                static_cast<long long>(s.removed), static_cast<long long>(s.changed),
                static_cast<long long>(s.changedCells), static_cast<long long>(result->rowCount()),
                result->matchDescription().c_str(), static_cast<double>(ru.ru_maxrss) / 1024.0, bytes,
                static_cast<long long>(changedOnly.rowCount()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "gen" && argc == 4)
        return generate(argv[2], std::stoll(argv[3]));
    if (mode == "diff" && argc >= 4)
        return diff(argv[2], argv[3], argc > 4 ? argv[4] : "", argc > 5 ? argv[5] : "");
    std::fprintf(stderr, "usage: bench_tablediff gen <dir> <rows> | diff <a.csv> <b.csv> [key] [hash|parse]\n");
    return 2;
}
