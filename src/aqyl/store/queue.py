"""One writer at a time on SQLite, queued: an import or upload waits for the one before it (and
says so) instead of failing with "database is locked". PostgreSQL writers need no queue: they
serialise per (HEI, period) in the database (aqyl.store.register)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator

from django.db import connection

from aqyl.config import write_wait
from aqyl.domain.errors import StoreFault
from aqyl.store.dburl import sqlite_file

POLL = 0.2


@contextlib.contextmanager
def writer_turn(waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database's writer lock (a lock file beside the SQLite file, so processes and
    threads queue alike); ``waiting`` is called once if another writer holds it. Refuses with
    ``db_locked`` after :func:`aqyl.config.write_wait` seconds. Released when the process dies, even by kill -9."""
    name = sqlite_file(connection.settings_dict)
    if name is None:
        yield
        return
    handle = os.open(f"{name}.write-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + write_wait()
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and waiting is not None:
                    waiting()
                    told = True
                if time.monotonic() >= deadline:
                    from aqyl.store.bootstrap import database_label

                    raise StoreFault("db_locked", where=database_label(), detail=f"{write_wait():.0f} s") from None
                time.sleep(POLL)
        yield
    finally:
        os.close(handle)  # releases the lock
