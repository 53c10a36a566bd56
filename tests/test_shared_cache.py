"""One cache for every worker (issue 32): a report model built by one Django process is read by
another, from the table of the application's own database (migration 0016), and a stored
submission changes the answer in both at once (the key holds the register's state)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# One Django process: an analyst asks /api/aggregates; "read" forbids building a report model,
# so that process can only answer from what another process kept.
ASK = """
import json, sys
from aqyl.store.bootstrap import setup; setup()
from django.contrib.auth import get_user_model
from django.test import Client
import aqyl.app.reports as reports
from aqyl.store import models as m
mode, query = sys.argv[1], sys.argv[2]
user, new = get_user_model().objects.get_or_create(username="cache-analyst")
if new:
    m.Profile.objects.create(user=user, role="analyst")
if mode == "read":
    def refuse(*args):
        raise AssertionError("this process must not build a report model")
    reports.report_model = refuse
client = Client(raise_request_exception=False)
client.force_login(user)
answer = client.get("/api/aggregates?" + query)
total = answer.json()["periods"]["2023H1"]["both"]["total"] if answer.status_code == 200 else None
print(json.dumps({"status": answer.status_code, "total": total}))
"""


def run(env: dict, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", ASK, *args], capture_output=True, text=True, env=env, timeout=300)
    assert done.stdout.strip(), done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_two_processes_share_one_cache_and_a_stored_submission_changes_both(tmp_path):
    env = {**os.environ, "AQYL_DATA_DIR": str(tmp_path / "data"), "AQYL_ALLOWED_HOSTS": "testserver",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH", "")])}
    for name in ("AQYL_DATABASE_URL", "AQYL_CACHE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    demo = subprocess.run([sys.executable, "-m", "aqyl.cli", "demo", "--out", str(tmp_path / "demo"), "--lang", "en"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    env["AQYL_DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo' / 'aqyl-demo.sqlite3'}"

    # The other process cannot build: a model nobody asked for yet is refused there (a 500).
    assert run(env, "read", "period=2023H1&category=student")["status"] == 500
    built = run(env, "build", "period=2023H1")
    assert built == {"status": 200, "total": 735}  # the demo's faculty in 2023H1
    assert run(env, "read", "period=2023H1") == built  # built once, read by the other process

    # A stored submission: every HEI's 2023H1 replaced by varied records; both processes see it at once.
    from benchmarks.records import write_varied

    path = tmp_path / "records.csv"
    frame = write_varied(path, 2000, seed=3)
    stored = subprocess.run([sys.executable, "-m", "aqyl.cli", "import", str(path), "--lang", "en"], capture_output=True,
                            text=True, env=env, timeout=300)
    assert stored.returncode == 0, stored.stdout[-2000:] + stored.stderr[-2000:]
    assert run(env, "read", "period=2023H1")["status"] == 500  # the kept model is not the register's any more
    assert frame.filter(frame["period"] == "2023H1").height > 0
    with sqlite3.connect(tmp_path / "demo" / "aqyl-demo.sqlite3") as db:  # the register itself, counted
        expected = db.execute("SELECT COUNT(*) FROM aqyl_mobilityrecord WHERE period = '2023H1' "
                              "AND category = 'faculty'").fetchone()[0]
    assert expected != 735
    assert run(env, "build", "period=2023H1") == {"status": 200, "total": expected}
    assert run(env, "read", "period=2023H1") == {"status": 200, "total": expected}

    # Outside a test's transaction, on the file: the person indicators counted on columns are the
    # same as the core's trip-by-trip definition (tests/test_opendata.py holds them inside one).
    same = ("from aqyl.store.bootstrap import setup; setup()\nfrom aqyl.store import persons\n"
            "a = persons.person_indicators('2023H1', 3); print(a == persons.trip_by_trip('2023H1', 3), a.trips)")
    done = subprocess.run([sys.executable, "-c", same], capture_output=True, text=True, env=env, timeout=300)
    assert done.stdout.split()[0] == "True" and int(done.stdout.split()[1]) > 1000, done.stderr[-2000:]
