"""Backup and restore of the whole database: SQLite through its online backup API (a consistent
copy while the web application keeps working), PostgreSQL through pg_dump / pg_restore of the
server's own major version (custom format, restored in one transaction)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections

from aqyl.domain.errors import AqylError
from aqyl.files import output_place

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


def _engine() -> str:
    return "sqlite" if connection.settings_dict["ENGINE"].endswith("sqlite3") else "postgresql"


def backup(dest: Path) -> str:
    """Write a backup of the database in use to ``dest``; the engine's name."""
    dest = Path(dest)
    output_place(dest)  # not a folder, not the database itself; its folder made
    part = dest.with_name(dest.name + ".part")  # never a half-written file under the final name
    part.unlink(missing_ok=True)
    engine = _engine()
    if engine == "sqlite":
        try:
            target = sqlite3.connect(part)
            target.execute("PRAGMA user_version").fetchone()  # SQLite opens the file on first use
        except sqlite3.OperationalError as error:  # the target's place, not the database in use
            raise AqylError("output_not_writable", path=dest) from error
        source = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            with target:
                source.backup(target)
            ok = target.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            target.close()
            source.close()
        if not ok:
            part.unlink(missing_ok=True)
            raise AqylError("backup_corrupt", file=dest)
    else:
        _pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={part}")
    part.replace(dest)
    return engine


def restore(src: Path) -> str:
    """Replace the database in use by the backup ``src`` (all of it or, on failure, none)."""
    src = Path(src)
    if not src.is_file():
        raise AqylError("backup_missing", file=src)
    with src.open("rb") as f:
        head = f.read(16)
    kind = "sqlite" if head == SQLITE_MAGIC else "postgresql" if head.startswith(PG_MAGIC) else None
    engine = _engine()
    if kind is None:
        raise AqylError("backup_unknown", file=src)
    if kind != engine:
        raise AqylError("backup_other_engine", file=src, kind=kind, engine=engine)
    connections.close_all()
    if engine == "sqlite":
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok" or not source.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone():
                raise AqylError("backup_unknown", file=src)
            target = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
            try:
                source.backup(target)  # page by page under the database's lock: readers wait, never see half
            finally:
                target.close()
        finally:
            source.close()
    else:
        _pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
            "--exit-on-error", str(src))
    return engine


def _pg(tool: str, *args: str) -> None:
    s = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    connections.close_all()
    # The client must be the server's version: an older pg_dump refuses a newer server.
    own = Path(f"/usr/lib/postgresql/{major}/bin/{tool}")
    program = str(own) if own.exists() else shutil.which(tool)
    if program is None:
        raise AqylError("backup_no_tool", tool=tool, major=major)
    env = os.environ | {"PGPASSWORD": str(s.get("PASSWORD") or ""), "PGHOST": str(s.get("HOST") or ""),
                        "PGPORT": str(s.get("PORT") or ""), "PGUSER": str(s.get("USER") or "")}
    env = {k: v for k, v in env.items() if v != ""}
    done = subprocess.run([program, f"--dbname={s['NAME']}", *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise AqylError("backup_tool_failed", tool=tool, detail=(done.stderr.strip().splitlines() or ["?"])[-1])
