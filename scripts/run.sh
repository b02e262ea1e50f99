#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set-up command 1: install what is missing, build, and launch Lakeside on its
# embedded workspace ($LAKESIDE_WORKSPACE or the XDG default, created with a
# demo data product on first start). Extra arguments go to `lakeside`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" default --target lakeside lakeside-cli
app="$root/build/app/lakeside/lakeside"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found; starting Lakeside under Xvfb (xvfb-run)" >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$@"
fi
exec "$app" "$@"
