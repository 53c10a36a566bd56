#!/usr/bin/env bash
# Installs the web application's browser libraries (ECharts, TopoJSON client, Natural Earth world
# map) from the npm registry into src/aqyl/web/static/aqyl/vendor, once. They are served from
# there by the application itself: no CDN at run time. Needs node and npm (installed from Debian
# when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
vendor=src/aqyl/web/static/aqyl/vendor
want="$(sha256sum src/aqyl/web/assets/package.json | cut -d' ' -f1)"
if [ "$(cat "$vendor/.installed" 2>/dev/null)" = "$want" ]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "Installing node and npm for the web application's libraries (Debian packages)…"
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
work=build/web-assets
mkdir -p "$work" "$vendor"
cp src/aqyl/web/assets/package.json "$work/"
npm install --prefix "$work" --no-audit --no-fund --silent >/dev/null
modules="$work/node_modules"
cp "$modules/echarts/dist/echarts.min.js" "$vendor/"
cp "$modules/echarts/LICENSE" "$vendor/echarts.LICENSE"
cp "$modules/topojson-client/dist/topojson-client.min.js" "$vendor/"
cp "$modules/topojson-client/LICENSE" "$vendor/topojson-client.LICENSE"
cp "$modules/world-atlas/countries-110m.json" "$vendor/"
cp "$modules/world-atlas/LICENSE" "$vendor/world-atlas.LICENSE"
echo "$want" > "$vendor/.installed"
