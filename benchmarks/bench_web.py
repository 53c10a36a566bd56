"""The web application's API on a register of N varied records, with requests a cache cannot
answer: every request of the cold pass asks for a combination no request asked before.

    .venv/bin/python benchmarks/bench_web.py [--rows 1000000] [--engine sqlite|postgresql]
        [--queries 40] [--clients 8] [--seconds 60] [--workers 2] [--database-url URL] [--persons 6]

1. Loads N records drawn uniformly over every HEI, the 20 half-years 2016–2025, 5,400 partner
   institutions and every category (benchmarks/records.py, varied) with `aqyl import`, into the
   embedded SQLite database or a throwaway PostgreSQL cluster (Debian's server, as
   scripts/test.sh starts one), and starts gunicorn with --workers on loopback.
2. Sequential, one request at a time, with an analyst's token: --queries distinct random
   combinations of period, comparison period, category, HEI types and programmes for
   GET /api/aggregates and for POST /api/report (json). The cold pass asks each once; the warm
   pass asks the same list again (from the cache every worker shares); then GET /api/persons for
   distinct pairs of as_of and K, cold and warm. The peer: the same period's records counted by
   direction and partner country in one SQL GROUP BY, run directly on the same database by the
   same Python (sqlite3 or psycopg); the ratio is the API's cold median over the peer's median.
3. Concurrent: --clients threads for --seconds, each sending a random new combination (60 %
   aggregates, 30 % report json, 10 % a records page with a search); errors and latencies.
Prints one line per figure; keep the output under benchmarks/results/.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from records import HALF_YEARS, write_varied

VENV = Path(sys.executable).parent
CATEGORIES = ("faculty", "student", "researcher", "staff")


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
    """The varied records through the command, as an operator loads them; an analyst's token."""
    path = tmp / "records.csv"
    write_varied(path, rows, seed=3)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "aqyl.cli", "import", str(path), "--lang", "en"], capture_output=True,
                          text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    print(f"loaded {rows:,} varied records with `aqyl import` in {time.perf_counter() - started:.1f} s")
    code = ("from aqyl.store.bootstrap import setup; setup(); from django.contrib.auth import get_user_model; "
            "from rest_framework.authtoken.models import Token; from aqyl.store import models as m; "
            "u = get_user_model().objects.create_user('bench-analyst', password='bench-analyst-password'); "
            "m.Profile.objects.create(user=u, role='analyst'); print(Token.objects.create(user=u).key)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=os.environ.copy()).stdout.split()[-1]


def combinations(rng: random.Random, n: int) -> list[dict]:
    """n distinct random filters: period, comparison (none: a year earlier), category, HEI types, programmes."""
    from aqyl.domain.classifiers import HEI_TYPE, PROGRAMME

    hei_types, programmes = sorted(HEI_TYPE.codes), sorted(PROGRAMME.codes)
    seen, out = set(), []
    while len(out) < n:
        i = rng.randrange(2, len(HALF_YEARS))
        query = {"period": HALF_YEARS[i], "category": rng.choice(CATEGORIES)}
        if rng.random() < 0.5:
            query["compare"] = HALF_YEARS[rng.randrange(0, i)]
        if rng.random() < 0.5:
            query["hei_type"] = rng.sample(hei_types, rng.randint(1, 3))
        if rng.random() < 0.3:
            query["programme"] = rng.sample(programmes, 1)
        key = json.dumps(query, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(query)
    return out


class Api:
    def __init__(self, base: str, token: str):
        self.base, self.token = base, token

    def call(self, method: str, path: str, query: dict) -> float:
        """Milliseconds of one request; raises on an answer other than 200."""
        headers = {"Authorization": f"Token {self.token}"}
        if method == "GET":
            request = urllib.request.Request(f"{self.base}{path}?{urllib.parse.urlencode(query, doseq=True)}",
                                             headers=headers)
        else:
            headers["Content-Type"] = "application/json"
            request = urllib.request.Request(f"{self.base}{path}", data=json.dumps(query).encode(), headers=headers,
                                             method="POST")
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
            assert response.status == 200
        return (time.perf_counter() - started) * 1000

    def aggregates(self, query: dict) -> float:
        return self.call("GET", "/api/aggregates", query)

    def report(self, query: dict) -> float:
        body = {k: v for k, v in query.items() if k in ("period", "category")} | {"format": "json", "lang": "ru"}
        return self.call("POST", "/api/report", body)

    def persons(self, query: dict) -> float:
        """The person indicators as of the query's period, within K half-years (K from the query)."""
        return self.call("GET", "/api/persons", {"as_of": query["period"], "within": query.get("within", 4)})

    def records(self, query: dict) -> float:
        return self.call("GET", "/api/records", {"period": query["period"], "limit": 50})


def peer(url: str, db: Path | None, queries: list[dict]) -> list[float]:
    """Milliseconds of one SQL GROUP BY of each query's period by direction and partner country."""
    sql = ("SELECT direction, partner_country, COUNT(*) FROM aqyl_mobilityrecord WHERE period = {p} AND category = {p} "
           "GROUP BY direction, partner_country")
    if db is not None:
        import sqlite3

        connection, marker = sqlite3.connect(db), "?"
    else:
        import psycopg

        connection, marker = psycopg.connect(url), "%s"
    times = []
    for query in queries:
        started = time.perf_counter()
        connection.execute(sql.format(p=marker), (query["period"], query["category"])).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return times


def ms(value: float) -> str:
    return f"{value:,.1f} ms" if value < 10 else f"{value:,.0f} ms"


def summary(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) >= 2 else times[0]
    return f"{name}: n {len(times)}, p50 {ms(statistics.median(times))}, p95 {ms(p95)}, max {ms(max(times))}"


def concurrent(api: Api, clients: int, seconds: int, seed: int) -> None:
    deadline = time.perf_counter() + seconds
    results: dict[str, list[float]] = {"aggregates": [], "report": [], "records": []}
    errors: list[str] = []

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        for query in combinations(rng, 10_000):
            if time.perf_counter() > deadline:
                return
            kind = rng.choices(("aggregates", "report", "records"), (6, 3, 1))[0]
            try:
                results[kind].append(getattr(api, kind)(query))
            except (OSError, AssertionError, urllib.error.HTTPError) as error:
                errors.append(f"{kind}: {error}")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done = sum(len(v) for v in results.values())
    print(f"concurrent: {clients} clients for {seconds} s, {done} requests ({done / seconds:.1f}/s), "
          f"{len(errors)} errors{': ' + errors[0] if errors else ''}")
    for kind, times in results.items():
        if times:
            print("  " + summary(kind, times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--persons", type=int, default=6, help="distinct (as_of, K) pairs asked of /api/persons")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"bench_web {time.strftime('%Y-%m-%d %H:%M')} commit {commit} on {platform.node()}, {os.cpu_count()} cores, "
          f"{args.engine}, {args.rows:,} records, gunicorn {args.workers} workers")
    with tempfile.TemporaryDirectory(prefix="aqyl-bench-web-") as name:
        tmp = Path(name)
        os.chmod(tmp, 0o777)
        stop, url, db = None, args.database_url, None
        if args.engine == "postgresql" and not url:
            url, stop = start_postgres(tmp)
        if args.engine == "sqlite":
            db = tmp / "data" / "aqyl.sqlite3"
            url = f"sqlite:///{db}"
        os.environ.update(AQYL_DATABASE_URL=url, AQYL_DATA_DIR=str(tmp / "data"), AQYL_ALLOWED_HOSTS="127.0.0.1")
        server = None
        try:
            token = load(tmp, args.rows)
            port = free_port()
            server = subprocess.Popen([str(VENV / "gunicorn"), "aqyl.web.wsgi", "--workers", str(args.workers),
                                       "--timeout", "600", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                                      env=os.environ.copy())
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            api = Api(base, token)
            queries = combinations(random.Random(args.seed), args.queries)
            peer_times = peer(url, db, queries)
            print(summary("peer: SQL GROUP BY of the period's records", peer_times))
            # The person indicators: distinct (as_of, K) pairs, so the cold pass asks each once.
            pairs = sorted({(q["period"], 1 + i % 6) for i, q in enumerate(queries)})
            person_queries = [{"period": p, "within": k} for p, k in pairs][:args.persons]
            for kind in ("aggregates", "report", "persons"):
                asked = person_queries if kind == "persons" else queries
                cold = [getattr(api, kind)(q) for q in asked]
                warm = [getattr(api, kind)(q) for q in asked]
                ratio = statistics.median(cold) / statistics.median(peer_times)
                print(summary(f"{kind} cold", cold) + f"; {ratio:.1f}× the peer")
                print(summary(f"{kind} warm", warm))
            concurrent(api, args.clients, args.seconds, args.seed + 1)
        finally:
            if server is not None:
                server.terminate()
                server.wait()
            if stop is not None:
                stop()


if __name__ == "__main__":
    main()
