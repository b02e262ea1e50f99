#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Table diff benchmark: Lakeside vs daff vs DuckDB (one thread) on two CSV files
# of N rows x 8 columns that differ in 100 cells, 50 added and 50 removed rows.
# Prints a Markdown table for docs/benchmarks.md ("## Table diff"). The files
# are sorted by id, so Lakeside merge-joins them; one row forces the hash join.
# Lakeside's output also has the times to its first partial snapshot, first
# differing row and first 50-row screen (see bench_tablediff.cpp).
#
#   cmake --preset bench && cmake --build --preset bench --target bench_tablediff
#   tests/bench/tabular/run_bench.sh build-bench [rows=1000000] [daff timeout s=240]
#
# Wall time, CPU time and peak RSS come from /usr/bin/time -v around each
# process (node start-up included for the peers). CPU time is the fairer
# figure on a busy machine (DuckDB runs with threads=1; node's own helper
# threads, e.g. its garbage collector, count in the peers' CPU). daff also runs
# on 1/10 of the rows, since on the full size it may not finish in time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-bench}
rows=${2:-1000000}
daff_timeout=${3:-240}
bin="$build/tests/bench/tabular/bench_tablediff"
[ -x "$bin" ] || { echo "missing $bin: build the bench_tablediff target first" >&2; exit 2; }
if [ ! -d "$here/node_modules/daff" ] || [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
    (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=$((rows / 10))
mkdir -p "$work/full" "$work/small"
"$bin" gen "$work/full" "$rows"
"$bin" gen "$work/small" "$small"

# run <label> <rows> <timeout> <cmd...>: one table line.
run() {
    local label=$1 n=$2 limit=$3
    shift 3
    local status=0
    /usr/bin/time -v -o "$work/time.txt" timeout "$limit" "$@" >"$work/out.txt" 2>"$work/err.txt" || status=$?
    local wall cpu rss out
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.2f", s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
    out=$(tr '\n' ' ' <"$work/out.txt")
    if [ "$status" = 124 ]; then
        out="timed out after ${limit} s"
    elif [ "$status" != 0 ]; then
        out="failed (exit $status): $(tail -c 200 "$work/err.txt" | tr '\n' ' ')"
    fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$n" "$wall" "$cpu" "$rss" "$out"
}

echo "| tool | rows | wall s | CPU s (user+sys) | peak RSS MB | output |"
echo "|---|---|---|---|---|---|"
run "Lakeside (detected key)" "$rows" 600 "$bin" diff "$work/full/a.csv" "$work/full/b.csv"
run "Lakeside (key id)" "$rows" 600 "$bin" diff "$work/full/a.csv" "$work/full/b.csv" id
run "Lakeside (key id, hash join forced)" "$rows" 600 "$bin" diff "$work/full/a.csv" "$work/full/b.csv" id hash
run "DuckDB, 1 thread, FULL OUTER JOIN" "$rows" 600 node "$here/duckdb_diff.mjs" "$work/full/a.csv" "$work/full/b.csv" id
run "daff --id id" "$rows" "$daff_timeout" node --max-old-space-size=16384 "$here/daff_diff.mjs" "$work/full/a.csv" "$work/full/b.csv" id
run "Lakeside (key id)" "$small" 600 "$bin" diff "$work/small/a.csv" "$work/small/b.csv" id
run "DuckDB, 1 thread, FULL OUTER JOIN" "$small" 600 node "$here/duckdb_diff.mjs" "$work/small/a.csv" "$work/small/b.csv" id
run "daff --id id" "$small" "$daff_timeout" node --max-old-space-size=16384 "$here/daff_diff.mjs" "$work/small/a.csv" "$work/small/b.csv" id
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
