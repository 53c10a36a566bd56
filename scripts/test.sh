#!/usr/bin/env bash
# Quick start 2: install everything the tests need, lint and type-check, and run the whole suite
# on SQLite and the database tests on PostgreSQL (Debian's server, started as a throwaway cluster
# on a free loopback port), both at once.
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

# The note's PDF is read back as text by poppler's pdftotext (tests of the note and the emigration report).
if ! command -v pdftotext >/dev/null; then
  echo "Installing Debian's poppler-utils for reading the PDFs back…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
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
# Every connection is trusted but one role's, which must give its password (the wrong-password test).
pg_user_run sh -c "printf '%s\n' 'local all all trust' \
  'host all aqyl_password_check 127.0.0.1/32 scram-sha-256' 'host all all 127.0.0.1/32 trust' > '$work/pg/pg_hba.conf'"
pg_user_run "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o \
  "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
pg_pid=""
cleanup() {
  [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null
  pg_user_run "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== ruff"
.venv/bin/ruff check src tests benchmarks
echo "== mypy (aqyl.domain, aqyl.app; pyproject.toml [tool.mypy])"
.venv/bin/mypy
# Both halves at once, each on pytest-xdist workers (every worker with its own data folder and
# test database, tests/conftest.py): the tests wait on processes, browsers and servers often
# enough that two halves of two workers each keep the two cores busy. AQYL_TEST_WORKERS=1 runs
# each half on one worker.
workers="${AQYL_TEST_WORKERS:-2}"
# Bytecode is written (these machines set PYTHONDONTWRITEBYTECODE): pytest rewrites the test
# modules and the packages of its plugins (schemathesis's 300 modules among them) at every start of
# each of its processes, and compiles them again unless the result is cached.
unset PYTHONDONTWRITEBYTECODE
# Four test processes share two cores: one BLAS thread each instead of a spinning pool per process.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
pg_version="$("$pgbin/postgres" --version)"
# Tests that start processes against PostgreSQL make databases of their own on this server, in
# either half; a test that skips outside tests/conftest.py's SKIPS_ALLOWED fails the run.
export AQYL_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port" AQYL_NO_SKIPS=1
# The PostgreSQL half runs the tests of engine-specific code (marked engines: the write path,
# queue, submissions, report queries) on the Django test database there.
AQYL_DATA_DIR="$work/data-pg" AQYL_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/aqyl" \
  .venv/bin/python -m pytest -q -p no:cacheprovider -n "$workers" --dist worksteal -m "engines and django_db" "$@" >"$work/pg.out" 2>&1 &
pg_pid=$!
echo "== tests on SQLite (and the engine tests on PostgreSQL, $pg_version, alongside)"
# worksteal: a worker that runs out of tests takes some of the other's, so the run does not end
# with one worker idle behind the other's long browser or process tests.
sqlite=0; .venv/bin/python -m pytest -q -n "$workers" --dist worksteal "$@" || sqlite=$?
pg=0; wait "$pg_pid" || pg=$?; pg_pid=""
echo "== tests on PostgreSQL ($pg_version)"
cat "$work/pg.out"
# With arguments (-k NAME) the PostgreSQL half may select nothing (pytest's 5); that is no failure.
if [ "$pg" = 5 ] && [ "$#" -gt 0 ]; then pg=0; fi
[ "$sqlite" = 0 ] && [ "$pg" = 0 ]
