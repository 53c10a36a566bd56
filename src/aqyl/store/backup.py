"""Backup and restore of the whole database: SQLite through its online backup API (a consistent
copy while the web application keeps working), PostgreSQL through pg_dump / pg_restore of the
server's own major version (custom format, restored in one transaction)."""

from __future__ import annotations

import contextlib
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
            # A copy in WAL mode gets -shm and -wal files beside it whenever it is opened: a
            # backup is one file, read by a restore that never writes it.
            target.execute("PRAGMA journal_mode=DELETE").fetchone()
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


def check_backup(src: Path) -> str:
    """The engine of the backup ``src`` once it is known to be one this database can take: an
    existing file, of this engine, and for SQLite whole (its size, the engine's integrity check,
    Aqyl's tables). Read without a lock or a journal, so no -shm or -wal file is made beside it;
    a damaged backup is named as the damaged one."""
    src = Path(src)
    if not src.is_file():
        raise AqylError("backup_missing", file=src)
    with src.open("rb") as f:
        head = f.read(100)
    kind = "sqlite" if head[:16] == SQLITE_MAGIC else "postgresql" if head.startswith(PG_MAGIC) else None
    engine = _engine()
    if kind is None:
        raise AqylError("backup_unknown", file=src)
    if kind != engine:
        raise AqylError("backup_other_engine", file=src, kind=kind, engine=engine)
    if engine == "sqlite":
        _check_sqlite_backup(src, head)
    return engine


def _check_sqlite_backup(src: Path, head: bytes) -> None:
    from aqyl.domain.wording.catalogue import filled
    from aqyl.store.bootstrap import database_label

    def damaged(detail: object) -> AqylError:
        return AqylError("backup_damaged", file=src, db=database_label(), detail=detail)

    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    size = src.stat().st_size
    if len(head) < 100 or (pages and page * pages > size):
        raise damaged(filled("backup_cut_short", size=size, expected=page * pages))
    try:
        with contextlib.closing(sqlite3.connect(f"{src.resolve().as_uri()}?immutable=1", uri=True)) as source:
            found = [row[0] for row in source.execute("PRAGMA integrity_check(3)").fetchall()]
            if found != ["ok"]:
                raise damaged("; ".join(found))
            ours = source.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone()
    except sqlite3.DatabaseError as error:
        raise damaged(str(error)) from None
    if not ours:
        raise AqylError("backup_unknown", file=src)


def restore(src: Path) -> str:
    """Replace the database in use by the backup ``src`` (all of it or, on failure, none), once
    :func:`check_backup` has found it whole."""
    from aqyl.config import write_wait

    src = Path(src)
    engine = check_backup(src)
    connections.close_all()
    if engine == "sqlite":
        with contextlib.closing(sqlite3.connect(f"{src.resolve().as_uri()}?immutable=1", uri=True)) as source, \
                contextlib.closing(sqlite3.connect(connection.settings_dict["NAME"], timeout=write_wait())) as target:
            source.backup(target)  # page by page under the database's lock: readers wait, never see half
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
