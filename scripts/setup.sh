#!/usr/bin/env bash
# Creates .venv (Python 3.11) and installs into it the locked versions of everything Aqyl and its
# tests use (requirements/lock.txt), then Aqyl itself. Re-running skips pip when neither
# requirements/lock.txt nor pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
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
# Exact versions, with their hashes, from the lock (regenerate it as docs/development.md
# says); then Aqyl itself, without resolving anything again. Re-run when either changes.
stamp=".venv/.aqyl-installed"
want="$(cat requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  scripts/install-lock.sh .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
# Aqyl's own modules as bytecode, so no command compiles them at start (0.2 s of each `aqyl`
# when PYTHONDONTWRITEBYTECODE is set, as on these machines); an edited module is simply
# compiled again in memory until the next set-up.
.venv/bin/python -m compileall -q -j 0 src >/dev/null
# The web application's browser libraries (ECharts, the world map), served from its own static files.
scripts/web-assets.sh
