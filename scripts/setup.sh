#!/usr/bin/env bash
# Creates .venv (Python 3.11) and installs Aqyl into it: `scripts/setup.sh` for running,
# `scripts/setup.sh dev` for tests too. Re-running skips pip when pyproject.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python=""
for candidate in python3.11 python3.12 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] < (3, 13))'; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "Aqyl needs Python 3.11 or 3.12 (python3.11 on PATH)." >&2
  exit 1
fi
# PDF reports are laid out by WeasyPrint, which needs Pango (and fontconfig) from the system, and
# embed Liberation Serif 2 (metric-compatible with Times New Roman, with the Kazakh letters).
if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || [ ! -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]; then
  echo "Installing Pango and Liberation fonts for PDF reports (Debian packages)…"
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
    libharfbuzz-subset0 fontconfig fonts-liberation2 >/dev/null
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.aqyl-installed-${extra:-run}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  if [ "$extra" = dev ]; then spec=".[dev]"; else spec="."; fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
  echo "$want" > "$stamp"
fi
# The web application's browser libraries (ECharts, the world map), served from its own static files.
scripts/web-assets.sh
