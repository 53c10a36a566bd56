"""The organisation that issues the notes (named on their title page, and their files' author) and
its house style; shipped in ``aqyl/data/organisation.json``, replaced by a file of the same shape
named by ``AQYL_ORGANISATION_FILE``."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any


def organisation() -> dict[str, Any]:
    path = os.environ.get("AQYL_ORGANISATION_FILE")
    if path:
        return json.loads(Path(path).read_text("utf-8"))
    return json.loads(resources.files("aqyl.data").joinpath("organisation.json").read_text("utf-8"))
