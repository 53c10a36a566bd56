"""The web application under load on PostgreSQL with N records (issue 5's targets: aggregate
endpoints p95 ≤ 200 ms; 100 concurrent users for a minute, no errors, p95 ≤ 1 s).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_web.py [--rows 1000000] [--users 100] [--seconds 60]

Starts a throwaway PostgreSQL cluster (Debian's server, as scripts/test.sh does) unless
--database-url names one, loads N records for 2023H1 and N/2 for 2022H1 with `import_file` (the
demo's mix of values), starts gunicorn on loopback, then measures:
1. 200 sequential GET /api/aggregates (period × category), p50/p95/max;
2. locust, headless: --users analysts (token auth) reading aggregates and pages of records
   for --seconds; failures, p50/p95, requests per second.
"""

from __future__ import annotations

import argparse
import csv
import glob
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from records import write_csv

VENV = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_postgres(work: Path) -> tuple[str, callable]:
    pgbin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    port = free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        subprocess.run(["chown", "postgres", str(work)], check=True)
    subprocess.run([*as_postgres, f"{pgbin}/initdb", "-D", f"{work}/pg", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*as_postgres, f"{pgbin}/pg_ctl", "-D", f"{work}/pg", "-l", f"{work}/pg.log", "-w", "-o",
                    f"-p {port} -k {work} -c listen_addresses=127.0.0.1 -c max_connections=200", "start"],
                   check=True, capture_output=True)
    subprocess.run([f"{pgbin}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "aqyl"], check=True)

    def stop():
        subprocess.run([*as_postgres, f"{pgbin}/pg_ctl", "-D", f"{work}/pg", "-m", "immediate", "stop"], capture_output=True)

    return f"postgresql://postgres@127.0.0.1:{port}/aqyl", stop


def load(tmp: Path, rows: int) -> str:
    from aqyl.store.bootstrap import setup

    setup()
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from aqyl.app.imports import import_file
    from aqyl.store import models as m

    path = tmp / "records.csv"
    write_csv(path, {"2023H1": rows, "2022H1": rows // 2})
    started = time.perf_counter()
    report, _ = import_file(path)
    assert report.stored == rows + rows // 2, report.as_dict("en")["errors"][:3]
    print(f"loaded {report.stored:,} records in {time.perf_counter() - started:.1f} s")
    user = get_user_model().objects.create_user("bench-analyst", password="bench-analyst-password")
    m.Profile.objects.create(user=user, role="analyst")
    return Token.objects.create(user=user).key


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aqyl-bench-web-") as name:
        tmp = Path(name)
        os.chmod(tmp, 0o777)
        stop = None
        url = args.database_url
        if not url:
            url, stop = start_postgres(tmp)
        os.environ.update(AQYL_DATABASE_URL=url, AQYL_DATA_DIR=str(tmp / "data"))
        server = None
        try:
            token = load(tmp, args.rows)
            port = free_port()
            server = subprocess.Popen([str(VENV / "gunicorn"), "aqyl.web.wsgi", "--workers", str(args.workers),
                                       "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], env=os.environ.copy())
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/login/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            times = []
            for i in range(200):
                period = ("2023H1", "2022H1")[i % 2]
                category = ("faculty", "student", "researcher", "staff")[i // 2 % 4]
                request = urllib.request.Request(f"{base}/api/aggregates?period={period}&category={category}",
                                                 headers={"Authorization": f"Token {token}"})
                started = time.perf_counter()
                with urllib.request.urlopen(request) as response:
                    assert response.status == 200
                    response.read()
                times.append((time.perf_counter() - started) * 1000)
            print(f"GET /api/aggregates ×200: p50 {statistics.median(times):.0f} ms, p95 {statistics.quantiles(times, n=20)[-1]:.0f} ms, "
                  f"max {max(times):.0f} ms (target p95 ≤ 200 ms)")
            out = tmp / "locust"
            subprocess.run([str(VENV / "locust"), "-f", str(Path(__file__).parent / "locustfile.py"), "--headless",
                            "-u", str(args.users), "-r", str(max(1, args.users // 5)), "-t", f"{args.seconds}s",
                            "--host", base, "--csv", str(out), "--only-summary"],
                           env={**os.environ, "AQYL_BENCH_TOKEN": token}, check=False, capture_output=True)
            with open(f"{out}_stats.csv", newline="") as f:
                for row in csv.DictReader(f):
                    print(f"locust {args.users} users {args.seconds} s, {row['Name']}: {row['Request Count']} requests, "
                          f"{row['Failure Count']} failures, p50 {row['50%']} ms, p95 {row['95%']} ms, "
                          f"{float(row['Requests/s']):.1f} req/s")
        finally:
            if server is not None:
                server.terminate()
                server.wait()
            if stop is not None:
                stop()


if __name__ == "__main__":
    main()
