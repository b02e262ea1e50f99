#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# History tab vs gitk and qgit on the same synthetic 1M-commit DAG.
#
#   tests/bench/graph/run_graph_bench.sh [BUILD_DIR] [COMMITS]
#   (BENCH=/path/to/bench_graph overrides the binary)
#
# BUILD_DIR must be configured with -DLAKESIDE_BUILD_BENCH=ON (default
# /work/build-bench); bench_graph is built if missing. The peers are Debian
# packages, installed here only if missing (bench-only, not in packages.txt):
#   sudo apt-get install -y qgit gitk xvfb x11-utils
#
# Method for the peers (they have no "first screen" hook): each is started
# under Xvfb in a git repository holding the same DAG (built with git
# fast-import), and we poll every 20 ms:
#   - "window mapped": the first time `xwininfo -root -tree` lists its main window;
#   - "idle": the process's CPU time (utime+stime in /proc/PID/stat) stops
#     growing for 1 s; the time reported is when it last grew, i.e. when
#     it finished reading and laying out the log it shows.
# gitk and qgit both read the whole log before they go idle; gitk paints
# its first rows while still reading. So "mapped" is a lower bound on their
# first screen and "idle" an upper bound; the History tab's first screen is
# the exact moment its first page is painted (bench_graph's own timer).
set -euo pipefail
BUILD=${1:-/work/build-bench}
COMMITS=${2:-1000000}
SRC=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=$(mktemp -d /tmp/lakeside-graph-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

need=()
command -v gitk >/dev/null || need+=(gitk)
command -v qgit >/dev/null || need+=(qgit)
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
if ((${#need[@]})); then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO apt-get install -y "${need[@]}"
fi

BENCH=${BENCH:-$BUILD/tests/bench/graph/bench_graph}
if [ ! -x "$BENCH" ]; then
    [ -f "$BUILD/CMakeCache.txt" ] || cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAKESIDE_BUILD_BENCH=ON
    nice -n 5 cmake --build "$BUILD" --target bench_graph -j2
fi

echo "== building the DAG in git ($COMMITS commits)" >&2
T0=$(date +%s.%N)
QT_QPA_PLATFORM=offscreen "$BENCH" --commits "$COMMITS" --fast-import "$WORK/dag.fi"
git init -q "$WORK/repo"
git -C "$WORK/repo" fast-import --quiet < "$WORK/dag.fi"
git -C "$WORK/repo" symbolic-ref HEAD refs/heads/main
echo "   done in $(echo "$(date +%s.%N) - $T0" | bc) s" >&2

echo "== Lakeside History tab" >&2
QT_QPA_PLATFORM=offscreen "$BENCH" --commits "$COMMITS" | tee "$WORK/lakeside.md"

# measure NAME WINDOW-REGEX CMD...: prints "mapped_ms idle_ms peak_rss_mb stopped"
# A peer whose resident memory passes PEER_RSS_CAP_MB (default 4096) is
# stopped there (gitk needed ~18 GB for 1M commits and would starve the
# machine); "stopped" is then "rss-cap", and idle is when it was stopped.
measure() {
    local name=$1 pattern=$2
    shift 2
    xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
        pattern=$1; shift
        cd "$REPO"
        # Every descendant counts: a peer may run git through a shell.
        desc() { local c; for c in $(pgrep -P "$1"); do echo "$c"; desc "$c"; done; }
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 &
        pid=$!
        mapped=""; last_cpu=-1; last_change=$start; peak=0; stopped=no
        while kill -0 $pid 2>/dev/null; do
            now=$(date +%s%N)
            if [ -z "$mapped" ] && xwininfo -root -tree 2>/dev/null | grep -Eq "$pattern"; then mapped=$now; fi
            cpu=$(awk "{print \$14+\$15}" /proc/$pid/stat 2>/dev/null || echo $last_cpu)
            kids=$(desc $pid)
            for c in $kids; do cpu=$((cpu + $(awk "{print \$14+\$15}" /proc/$c/stat 2>/dev/null || echo 0))); done
            if [ "$cpu" != "$last_cpu" ]; then last_cpu=$cpu; last_change=$now; fi
            rss=$(awk "/VmRSS/ {print int(\$2/1024)}" /proc/$pid/status 2>/dev/null || echo 0)
            for c in $kids; do rss=$((rss + $(awk "/VmRSS/ {print int(\$2/1024)}" /proc/$c/status 2>/dev/null || echo 0))); done
            [ "$rss" -gt "$peak" ] && peak=$rss
            if [ "$peak" -gt "$CAP" ]; then stopped=rss-cap; last_change=$now; break; fi
            if [ -n "$mapped" ] && [ $(( (now - last_change) / 1000000 )) -ge 1000 ]; then break; fi
            if [ $(( (now - start) / 1000000000 )) -ge 240 ]; then last_change=$now; break; fi
            sleep 0.02
        done
        for c in $(desc $pid); do kill -9 $c 2>/dev/null || true; done; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
        echo "$(( (${mapped:-$now} - start) / 1000000 )) $(( (last_change - start) / 1000000 )) $peak $stopped"
    ' _ "$pattern" "$@"
}
export REPO="$WORK/repo" CAP=${PEER_RSS_CAP_MB:-4096}
echo "== gitk --all" >&2
read -r GITK_MAP GITK_IDLE GITK_RSS GITK_STOP < <(measure gitk '"gitk' gitk --all)
echo "== qgit" >&2
read -r QGIT_MAP QGIT_IDLE QGIT_RSS QGIT_STOP < <(measure qgit '"QGit|"qgit' qgit)

echo
echo "| peer (same DAG in git, Xvfb) | window mapped | idle (log read and laid out) | peak RSS | stopped |"
echo "|---|---|---|---|---|"
echo "| gitk --all ($(dpkg-query -W -f='${Version}' gitk)) | ${GITK_MAP} ms | ${GITK_IDLE} ms | ${GITK_RSS} MB | ${GITK_STOP} |"
echo "| qgit ($(dpkg-query -W -f='${Version}' qgit)) | ${QGIT_MAP} ms | ${QGIT_IDLE} ms | ${QGIT_RSS} MB | ${QGIT_STOP} |"
