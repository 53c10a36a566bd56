#!/usr/bin/env bash
# Quick start 1: set up Aqyl and build the demo on the embedded database (SQLite, no server).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/aqyl demo --out demo-out "$@"
echo "Next:  export AQYL_DATABASE_URL=sqlite:///$PWD/demo-out/aqyl-demo.sqlite3"
echo "       .venv/bin/aqyl hei list     # or: .venv/bin/aqyl serve, then http://127.0.0.1:8000/admin/ as admin / aqyl-demo"
