"""How long uploaded files are kept. An upload that was checked but never stored is deleted
AQYL_UPLOAD_RETENTION_HOURS after its last change; a stored one carries a marker naming its
submissions and is kept with them."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

STORED = "stored.json"


def mark_stored(folder: Path, submissions: list[dict]) -> None:
    (folder / STORED).write_text(json.dumps(submissions, ensure_ascii=False), "utf-8")


def last_change(folder: Path) -> float:
    return max([folder.stat().st_mtime, *(p.stat().st_mtime for p in folder.rglob("*"))])


def remove_unstored(root: Path, hours: float, now: float | None = None) -> list[str]:
    """Delete the upload folders under ``root`` not stored and older than ``hours``; their names."""
    if not root.is_dir():
        return []
    cutoff = (now if now is not None else time.time()) - hours * 3600
    removed = []
    for folder in sorted(root.iterdir()):
        try:
            if folder.is_dir() and not (folder / STORED).exists() and last_change(folder) < cutoff:
                shutil.rmtree(folder)
                removed.append(folder.name)
        except FileNotFoundError:  # another worker removed it meanwhile
            continue
    return removed
