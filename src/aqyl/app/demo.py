"""The demo: a database built from the H1 2023 note, and its summary."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from aqyl.app.system import database_label, open_database


@dataclass(frozen=True)
class Demo:
    database: str
    records: dict[str, int]  # "2023H1 outgoing" → records
    heis: int
    submissions: int
    users: list[str]
    password: str
    seconds: float

    def as_dict(self) -> dict:
        return {"database": self.database, "records": self.records, "heis": self.heis,
                "submissions": self.submissions, "users": self.users, "seconds": round(self.seconds, 2)}


def build_demo(seed: int, out: Path | None = None) -> Demo:
    """Load the demo; with ``out``, into a SQLite database there (unless a database is configured)."""
    started = time.perf_counter()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("AQYL_DATABASE_URL", f"sqlite:///{(out / 'aqyl-demo.sqlite3').resolve()}")
    open_database()
    from aqyl.store.demo import DEMO_PASSWORD, load_demo

    summary = load_demo(seed=seed)
    return Demo(database_label(), summary.records, summary.heis, summary.submissions, summary.users, DEMO_PASSWORD,
                time.perf_counter() - started)
