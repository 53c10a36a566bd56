#!/usr/bin/env bash
# Quick start 2: install everything the tests need and run the whole suite, on SQLite and then
# on PostgreSQL (Debian's server, started as a throwaway cluster on a free loopback port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's PostgreSQL server…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
# The browser tests drive Debian's Chromium through Playwright; no browser is ever downloaded.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The deployment test puts Debian's nginx (TLS, a throwaway openssl certificate) in front of gunicorn.
if [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null; then
  echo "Installing Debian's nginx and openssl for the deployment test…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null
fi

work="$(mktemp -d /tmp/aqyl-test.XXXXXX)"
export AQYL_DATA_DIR="$work/data"
pg_user_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pg_user_run "$pgbin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
pg_user_run "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o \
  "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
cleanup() { pg_user_run "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== ruff"
.venv/bin/ruff check src tests benchmarks
echo "== tests on SQLite"
.venv/bin/python -m pytest -q "$@"
echo "== tests on PostgreSQL ($("$pgbin/postgres" --version))"
AQYL_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/aqyl" .venv/bin/python -m pytest -q -m "django_db" "$@"
