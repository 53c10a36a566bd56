"""Database faults as messages: the driver's exception (SQLite or PostgreSQL, possibly hidden
behind a failed rollback) becomes a :class:`StoreFault` naming the database and what to do."""

from __future__ import annotations

import errno

from aqyl import config
from aqyl.domain.errors import StoreFault

# Substrings of the drivers' messages (lower case), first match wins.
SIGNS = (
    ("disk_full", ("database or disk is full", "no space left on device", "could not extend file", "disk full")),
    ("db_read_only", ("readonly database", "read-only file system", "read-only transaction")),
    ("db_locked", ("database is locked", "database table is locked")),
    ("db_corrupt", ("malformed", "file is not a database", "database corruption", "invalid page")),
    ("db_auth", ("password authentication failed", "no password supplied", "authentication failed",
                 "role \"", "permission denied for database")),
    ("db_unreachable", ("connection refused", "could not connect", "could not translate host name",
                        "failed to resolve host", "name or service not known", "timeout expired",
                        "connection to server", "database \"", "unable to open database file",
                        "server closed the connection")),
)


def fault_of(error: BaseException) -> StoreFault | None:
    """The fault behind ``error`` or any exception it was raised from or during, else None."""
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for e in chain:
        if isinstance(e, StoreFault):
            return e
    # The first cause, not a rollback failing after it ("cannot rollback - no transaction is active").
    for e in reversed(chain):
        key = _key(e)
        if key == "disk_full" and (folder := _full_temp_folder(e)) is not None:
            return StoreFault("temp_full", where=_where(), folder=folder)
        if key == "db_locked":
            return StoreFault(key, where=_where(), wait=_wait())
        if key is not None:
            return StoreFault(key, where=_where(), detail=_detail(e))
    return None


def _wait():
    """The wait a locked database was given (its busy timeout), in words; an import's longer
    wait is said by the import's queue (aqyl.store.queue)."""
    from aqyl.config import busy_timeout
    from aqyl.store.dburl import wait_words

    try:
        return wait_words(busy_timeout())
    except Exception:  # a bad setting is said by the command that reads it
        return "?"


def _full_temp_folder(e: BaseException) -> str | None:
    """The temporary folder, when it (not the database's disk) is the one that is full: a file
    named in it, or, for the engine's own "disk is full", a folder on another disk with less
    space left than the database's (SQLite deletes its temporary files once it fails, the WAL
    stays: the full one has the least left)."""
    import os
    import tempfile
    from pathlib import Path

    folders = list(dict.fromkeys([config.temp_folder(), tempfile.gettempdir()]))
    named = getattr(e, "filename", None)
    if isinstance(e, OSError) and named:
        place = Path(os.fsdecode(named)).resolve()
        return next((f for f in folders if place.is_relative_to(Path(f).resolve())), None)
    try:
        from django.db import connection

        from aqyl.store.dburl import sqlite_file

        name = sqlite_file(connection.settings_dict)
        if name is None:
            return None
        db = os.statvfs(Path(name).resolve().parent)
        db_device = os.stat(Path(name).resolve().parent).st_dev
        for folder in folders:
            if os.stat(folder).st_dev == db_device:
                continue
            tmp = os.statvfs(folder)
            if tmp.f_bavail * tmp.f_frsize < db.f_bavail * db.f_frsize:
                return folder
    except Exception:  # a place that cannot be looked at: the database's disk, as before
        return None
    return None


def _key(e: BaseException) -> str | None:
    if isinstance(e, OSError) and not _is_db_error(e):
        if e.errno == errno.ENOSPC:
            return "disk_full"
        if e.errno in (errno.EROFS, errno.EACCES):
            return "db_read_only"
        return None
    if not _is_db_error(e):
        return None
    text = str(e).lower()
    if "unable to open database file" in text and _read_only_place():
        return "db_read_only"
    if "file is not a database" in text:  # SQLite's own words: the path names another kind of file
        return "db_not_database"
    for key, signs in SIGNS:
        if any(s in text for s in signs):
            # no server to be running: a file SQLite cannot open is a path or a folder to check
            return "db_file_unopenable" if key == "db_unreachable" and _on_sqlite() else key
    return None


def _on_sqlite() -> bool:
    try:
        from django.db import connection

        return connection.vendor == "sqlite"
    except Exception:
        return False


def _is_db_error(e: BaseException) -> bool:
    import sqlite3

    import adbc_driver_manager  # SQLite's scratch file
    import psycopg
    from django.db import Error as DjangoError

    others = (psycopg.Error, adbc_driver_manager.Error)
    return isinstance(e, (sqlite3.Error, DjangoError, *others))


def _read_only_place() -> bool:
    """The SQLite file exists but its folder cannot be written (SQLite then cannot open it)."""
    import os
    from pathlib import Path

    try:
        from django.db import connection

        name = Path(str(connection.settings_dict["NAME"]))
        if not name.exists():
            return False
        return bool(os.statvfs(name.parent).f_flag & os.ST_RDONLY) or not os.access(name.parent, os.W_OK)
    except Exception:
        return False


def _detail(e: BaseException) -> str:
    first = (str(e).strip().splitlines() or [type(e).__name__])[0]
    return first[:200]


def _where() -> str:
    try:
        from aqyl.store.bootstrap import database_label

        return database_label()
    except Exception:  # settings unreadable: say so without a name
        return "?"
