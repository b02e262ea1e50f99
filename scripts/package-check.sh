#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the .deb and .tar.gz from an existing build tree, unpacks the .deb into
# a temporary root with dpkg-deb -x and runs the unpacked binaries' --version.
set -euo pipefail
build="${1:?usage: package-check.sh BUILD_DIR}"
cd "$build"
rm -f ./*.deb ./*.tar.gz
cpack -G "DEB;TGZ" >/dev/null
deb="$(ls ./*.deb | head -n1)"
[ -n "$deb" ] || { echo "package-check: cpack produced no .deb" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
echo "package-check: $(basename "$deb") depends on: $(dpkg-deb -f "$deb" Depends)"
for f in usr/bin/lakeside-cli usr/share/applications/io.github.lakeside.Lakeside.desktop \
         usr/share/metainfo/io.github.lakeside.Lakeside.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.lakeside.Lakeside.svg; do
    [ -e "$tmp/$f" ] || { echo "package-check: $f missing from the .deb" >&2; exit 1; }
done
"$tmp/usr/bin/lakeside-cli" --version
if [ -e "$tmp/usr/bin/lakeside" ]; then
    QT_QPA_PLATFORM=offscreen "$tmp/usr/bin/lakeside" --version
fi
echo "package-check: ok"
