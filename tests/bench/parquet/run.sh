#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs the Parquet benchmarks: Lakeside's reader against DuckDB on one thread.
# Usage: tests/bench/parquet/run.sh <build-dir-with-LAKESIDE_BUILD_BENCH=ON>
# Needs node and npm (installs tests/parquet/gen's modules if missing).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh <build-dir>}
bench="$build/tests/bench/parquet/bench_parquet"
[ -x "$bench" ] || { echo "build bench_parquet first (-DLAKESIDE_BUILD_BENCH=ON)" >&2; exit 1; }
gen="$here/../../parquet/gen"
[ -d "$gen/node_modules/@duckdb/node-api" ] || (cd "$gen" && npm ci --no-audit --no-fund >/dev/null)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node "$here/bench.mjs" gen "$dir"
duck=$(node "$here/bench.mjs" duck "$dir")
scan=$("$bench" scan "$dir/old.parquet")
diff=$("$bench" diff "$dir/old.parquet" "$dir/new.parquet")
first=$("$bench" first "$dir/big.parquet")
echo "files: $(du -k "$dir/old.parquet" | cut -f1) KiB each, 1,000,000 rows x 10 columns"
echo "duckdb:   $duck"
echo "lakeside: $scan"
echo "lakeside: $diff"
echo "lakeside: $first"
