import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AQYL_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def reference() -> dict:
    """Every figure of the 2023 note, transcribed in ../shared (tests may read it; the product does not)."""
    path = SHARED / "reference" / "report-2023H1.json"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return json.loads(path.read_text("utf-8"))


@pytest.fixture
def aqyl(tmp_path):
    """Run the ``aqyl`` command as a process on a database of its own under tmp_path."""
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp_path / "d")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "aqyl.cli", *args], capture_output=True, text=True, env=env,
                              timeout=300)

    return run


# Generated examples are the same on every run, so CI never fails on a case nobody can replay;
# run with --hypothesis-seed to explore new ones.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("aqyl", derandomize=True, print_blob=True)
_hypothesis_settings.load_profile("aqyl")


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
