#!/usr/bin/env bash
# Quick start 1: set up Aqyl, build the demo on the embedded database (SQLite, no server) and
# generate the H1 2023 analytical note from it in Kazakh, Russian and English, in every format,
# with the upload templates in the three languages.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/aqyl demo --out demo-out "$@"
export AQYL_DATABASE_URL="sqlite:///$PWD/demo-out/aqyl-demo.sqlite3"
for lang in kk ru en; do
  .venv/bin/aqyl report --period 2023H1 --lang "$lang" --out demo-out/reports
  .venv/bin/aqyl template --lang "$lang" --out "demo-out/templates/aqyl-template-$lang.xlsx" >/dev/null
done
echo "The note: demo-out/reports/  (docx, pdf, html, xlsx; the report model as json)"
echo "Upload templates: demo-out/templates/  (fill one in, then: .venv/bin/aqyl import FILE --dry-run)"
echo "Next:  export AQYL_DATABASE_URL=$AQYL_DATABASE_URL"
echo "       .venv/bin/aqyl hei list     # or: .venv/bin/aqyl serve, then http://127.0.0.1:8000/admin/ as admin / aqyl-demo"
