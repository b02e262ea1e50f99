#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures and builds a CMake preset (default: "default") with ccache shared
# across checkouts, so a fresh clone reuses earlier compilations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-default}"
shift || true
export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" "$@"
