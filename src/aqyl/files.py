"""Aqyl's files: the data folder every layer writes to, and writing output files so that nobody
ever opens half of one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_dir


def data_dir() -> Path:
    """The data folder (database, uploads, logs, keys): ``AQYL_DATA_DIR``, else the user's data folder.
    Here, not in the web settings, so storage and the command line find it without the web package."""
    return Path(os.environ.get("AQYL_DATA_DIR") or user_data_dir("aqyl", appauthor=False))


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to; renamed to ``path`` when the block succeeds,
    removed when it fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    with atomic_path(path) as partial:
        partial.write_bytes(data)
