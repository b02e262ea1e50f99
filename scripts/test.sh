#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set-up command 2: install what is missing, build, and run the whole test
# suite with CTest; then the engine and model suites again under ASan+UBSan;
# then build the .deb, unpack it into a temporary root and run the unpacked
# `lakeside-cli --version`; then validate the desktop and AppStream files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${LAKESIDE_JOBS:-$(nproc)}"

"$root/scripts/install-deps.sh"
df -h "$root" | tail -n 1

echo "== build (default preset)"
"$root/scripts/build.sh" default -j "$jobs"
echo "== test (default preset)"
ctest --preset default -j "$jobs"

echo "== build + test engine and model suites under ASan+UBSan (asan preset)"
"$root/scripts/build.sh" asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "== package: cpack -G DEB, unpack, run"
"$root/scripts/package-check.sh" "$root/build"

echo "== validate desktop entry and AppStream metainfo"
desktop-file-validate "$root/resources/io.github.lakeside.Lakeside.desktop"
appstreamcli validate --no-net --pedantic "$root/resources/io.github.lakeside.Lakeside.metainfo.xml"
# Disk use of the two trees, so that a CI run near its disk limit shows it.
du -sh "$root/build" "$root/build-asan" 2>/dev/null || true
echo "== all checks passed"
