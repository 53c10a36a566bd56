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

from aqyl.config import busy_timeout, write_wait
from aqyl.domain.errors import StoreFault
from aqyl.store.dburl import sqlite_file, wait_words

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
        limit = write_wait()
        deadline = time.monotonic() + limit
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

                    raise StoreFault("db_locked", where=database_label(), wait=wait_words(limit)) from None
                time.sleep(POLL)
        # Another program (a sqlite3 shell) may hold SQLite's own lock: the busy timeout gets
        # what is left of the wait, so both together wait as long as was asked and no longer.
        _busy_timeout(max(deadline - time.monotonic(), 0.0))
        try:
            yield
        except Exception as error:
            from aqyl.store.faults import fault_of

            fault = fault_of(error)
            if fault is not None and fault.key == "db_locked":  # waited the whole of AQYL_WRITE_WAIT
                raise StoreFault("db_locked", where=fault.params["where"], wait=wait_words(limit)) from error
            raise
        finally:
            with contextlib.suppress(Exception):  # the write's own error, if any, is the one to say
                _busy_timeout(busy_timeout())
    finally:
        os.close(handle)  # releases the lock


def _busy_timeout(seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
