// SPDX-License-Identifier: Apache-2.0
// Parquet benchmarks (numbers in docs/benchmarks.md, peer: DuckDB, one thread):
//   bench_parquet scan <file>        decode every value of every column
//   bench_parquet first <file>       open through ParquetTableSource and read the
//                                    first row (what a preview waits for)
//   bench_parquet diff <old> <new>   diffParquetFiles(): rows that differ, skipping
//                                    row groups whose fingerprints match and
//                                    joining the rest on the first column
// Prints one JSON line with the best of `reps` runs (default 3), wall-clock
// and CPU time (the CPU time is steadier on a shared machine).
#include "parquet/parquetdiff.h"
#include "parquet/parquetfile.h"
#include "parquet/parquettablesource.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <ctime>

using namespace lakeside::parquet;

namespace {

double cpuMs() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::shared_ptr<const ParquetFile> openOrDie(const char* path)
{
    auto f = ParquetFile::open(path);
    if (!f.ok()) {
        std::fprintf(stderr, "%s\n", f.error().message.c_str());
        std::exit(1);
    }
    return *f;
}

// Decodes every column chunk and folds the values into a checksum so the
// work cannot be optimised away.
uint64_t scan(const ParquetFile& f)
{
    uint64_t sum = 0;
    for (int g = 0; g < f.numRowGroups(); ++g)
        for (int c = 0; c < int(f.schema().columns().size()); ++c) {
            auto d = f.readColumn(g, c);
            if (!d.ok()) {
                std::fprintf(stderr, "%s\n", d.error().message.c_str());
                std::exit(1);
            }
            sum += uint64_t(d->numSlots);
            for (int32_t v : d->i32) sum += uint64_t(v);
            for (int64_t v : d->i64) sum += uint64_t(v);
            for (double v : d->f64) sum += uint64_t(v);
            for (float v : d->f32) sum += uint64_t(v);
            for (uint8_t v : d->bools) sum += v;
            for (auto v : d->bytes) sum += v.size();
        }
    return sum;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3 || (std::strcmp(argv[1], "diff") == 0 && argc < 4)) {
        std::fprintf(stderr, "usage: bench_parquet scan|first <file> [reps] | diff <old> <new> [reps]\n");
        return 2;
    }
    const bool isDiff = std::strcmp(argv[1], "diff") == 0;
    const int reps = argc > (isDiff ? 4 : 3) ? std::atoi(argv[isDiff ? 4 : 3]) : 3;
    double best = 1e300, bestCpu = 1e300;
    uint64_t result = 0;
    int skipped = 0;
    for (int i = 0; i < reps; ++i) {
        const double t0 = nowMs(), c0 = cpuMs();
        if (isDiff) {
            auto a = openOrDie(argv[2]);
            auto b = openOrDie(argv[3]);
            auto d = diffParquetFiles(*a, *b);
            if (!d.ok()) {
                std::fprintf(stderr, "%s\n", d.error().message.c_str());
                return 1;
            }
            result = uint64_t(d->added + d->removed + d->changed);
            skipped = d->skippedRowGroups;
        } else if (std::strcmp(argv[1], "first") == 0) {
            auto s = ParquetTableSource::open(argv[2]);
            lakeside::tabular::Row row;
            if (!s.ok() || !(*s)->next(row).ok()) {
                std::fprintf(stderr, "cannot read the first row of %s\n", argv[2]);
                return 1;
            }
            result = uint64_t(row.cells.size());
        } else {
            auto f = openOrDie(argv[2]);
            result = scan(*f);
        }
        best = std::min(best, nowMs() - t0);
        bestCpu = std::min(bestCpu, cpuMs() - c0);
    }
    std::printf("{\"mode\":\"%s\",\"ms\":%.1f,\"cpuMs\":%.1f,\"result\":%llu,\"skippedRowGroups\":%d}\n",
                argv[1], best, bestCpu, static_cast<unsigned long long>(result), skipped);
    return 0;
}
