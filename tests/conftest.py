import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AQYL_SHARED") or REPO.parent / "shared")
# Processes the tests start (the `aqyl` command, servers) find the suite's settings (tests/settings.py).
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session")
def reference() -> dict:
    """Every figure of the 2023 note, transcribed in ../shared (tests may read it; the product does not)."""
    path = SHARED / "reference" / "report-2023H1.json"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return json.loads(path.read_text("utf-8"))


AQYL = [sys.executable, "-m", "aqyl.cli"]
_template: list[Path] = []


def migrated_database() -> Path:
    """An embedded database as the first command on a new machine leaves it (migrated, the shipped
    HEI registry), made once per test process by the command itself. Tests that do not test that
    first start begin from a copy: migrating costs each new data folder about 3 s."""
    if not _template:
        data = Path(tempfile.mkdtemp(prefix="aqyl-template-"))
        env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(data)}
        subprocess.run([*AQYL, "db", "--lang", "en"], check=True, capture_output=True, env=env, timeout=300)
        atexit.register(shutil.rmtree, data, True)
        _template.append(data / "aqyl.sqlite3")
    return _template[0]


def run_aqyl(data_dir: Path, *args: str, url: str | None = None, fresh: bool = False, timeout: int = 300,
             **env: str) -> subprocess.CompletedProcess:
    """The ``aqyl`` command as a process with the data folder ``data_dir``: its embedded database
    (a copy of the migrated one unless ``fresh``), or ``url``."""
    environment = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"}
    environment |= {"AQYL_DATA_DIR": str(data_dir), **env}
    if url:
        environment["AQYL_DATABASE_URL"] = url
    elif not fresh and not (data_dir / "aqyl.sqlite3").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(migrated_database(), data_dir / "aqyl.sqlite3")
    return subprocess.run([*AQYL, *args], capture_output=True, text=True, env=environment, timeout=timeout)


def invoke(*args: str) -> tuple[int, str, str]:
    """The ``aqyl`` command in-process (typer's runner), through the root and its one error
    boundary, on the test database: (exit status, standard output, standard error)."""
    from typer.testing import CliRunner

    from aqyl.cli.app import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """``invoke`` with lines not wrapped at 80 columns (a message is compared whole) and a data
    folder of the test's own."""
    from aqyl.cli import present

    monkeypatch.setenv("AQYL_DATA_DIR", str(tmp_path / "data"))
    for console in (present.console, present.err_console):
        monkeypatch.setattr(console, "_width", 400)
    monkeypatch.setattr(present.state, "lang", None)
    return invoke


@pytest.fixture
def aqyl(tmp_path):
    """Run the ``aqyl`` command as a process on a database of its own under tmp_path."""
    return lambda *args: run_aqyl(tmp_path / "d", *args)


# Generated examples are the same on every run, so CI never fails on a case nobody can replay;
# run with --hypothesis-seed to explore new ones.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("aqyl", derandomize=True, print_blob=True)
_hypothesis_settings.load_profile("aqyl")


@pytest.fixture(scope="module")
def demo_register(django_db_setup, django_db_blocker):
    """The demo register (records, HEIs, the three accounts), loaded once per test module inside a
    transaction rolled back after the module; each test runs in a transaction of its own inside
    it, so what one test changes the next does not see. Not for transactional tests or live
    servers (they load the demo themselves), nor in a module whose other tests need an empty register."""
    from django.db import transaction

    from aqyl.store.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background work (uploads, research runs) runs inside the request in tests; a test that
    exercises the real queue sets the database backend itself and runs a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _one_request_at_a_time() -> None:
    """The browser tests' live server shares one in-memory SQLite connection between its threads
    (Django's rule for an in-memory test database), and two requests at once on it can wait on each
    other for ever (seen in CI: a dashboard page and its /api/aggregates call). Serve one at a time."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class OneAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # The live server thread itself already uses the overridden connections.
            super().__init__(*args, **kwargs)

    LiveServerThread.server_class = OneAtATime


def pytest_configure(config):
    _one_request_at_a_time()


def pytest_collection_modifyitems(config, items):
    """The slow tests first (the set-up's download of the whole lock first of all), the quick ones
    after: pytest-xdist's workers then end together instead of one waiting on a long test started last."""
    items.sort(key=lambda item: (item.fspath.basename != "test_setup.py", item.get_closest_marker("slow") is None))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs):
    """Each pytest-xdist worker (scripts/test.sh runs several) has a data folder of its own, set
    before its Django settings are read: the secret key, uploads, mail files and logs of two
    workers never meet. The test databases are each worker's already (an in-memory SQLite per
    process; pytest-django names the PostgreSQL ones test_aqyl_gw0, test_aqyl_gw1, …); live
    servers and the deployment test take free ports."""
    base = Path(os.environ.get("AQYL_DATA_DIR") or tempfile.mkdtemp(prefix="aqyl-test-"))
    for spec in specs:
        spec.env["AQYL_DATA_DIR"] = str(base / spec.id)


@pytest.fixture
def postgres_database():
    """The address of a new, empty database on the suite's PostgreSQL server, dropped afterwards.
    scripts/test.sh starts a throwaway server and names it in AQYL_TEST_POSTGRES for both halves,
    so tests that start processes against PostgreSQL run in the SQLite half too."""
    server = os.environ.get("AQYL_TEST_POSTGRES", "")
    if not server.startswith("postgresql://"):
        pytest.skip("needs AQYL_TEST_POSTGRES, the address of a PostgreSQL server (scripts/test.sh sets it)")
    import uuid

    import psycopg

    name = f"aqyl_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- no test skips unnoticed -------------------------------------------------------------------------
# scripts/test.sh sets AQYL_NO_SKIPS: a skipped test then fails the run unless its reason starts
# with one of these (each a case where skipping is the test's meaning, not a missing tool).
SKIPS_ALLOWED: tuple[str, ...] = (
)
_skipped: list[tuple[str, str]] = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append((report.nodeid, reason.removeprefix("Skipped: ")))


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("AQYL_NO_SKIPS") or hasattr(session.config, "workerinput"):
        return
    unexpected = [(node, why) for node, why in _skipped if not why.startswith(SKIPS_ALLOWED)]
    if unexpected:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(f"{len(unexpected)} tests skipped that must run here (tests/conftest.py, SKIPS_ALLOWED):",
                            red=True)
        for node, why in unexpected:
            reporter.write_line(f"  {node}: {why}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
