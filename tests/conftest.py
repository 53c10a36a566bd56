import json
import os
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


# Generated examples are the same on every run, so CI never fails on a case nobody can replay;
# run with --hypothesis-seed to explore new ones.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("aqyl", derandomize=True, print_blob=True)
_hypothesis_settings.load_profile("aqyl")
