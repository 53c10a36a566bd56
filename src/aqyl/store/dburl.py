"""The database address (AQYL_DATABASE_URL) as Django's DATABASES entry. Read by the settings,
so it imports nothing of Django's models."""

from __future__ import annotations

import re

import dj_database_url

PAGE_SIZE = 16384


def write_wait() -> float:
    """Seconds a writer waits for the database (AQYL_WRITE_WAIT, default 15 minutes): for its turn
    in the queue and for SQLite's lock alike (the busy timeout), never longer in all."""
    from aqyl.domain.environment import number_setting

    return number_setting("AQYL_WRITE_WAIT", 900, zero_allowed=True)


BUSY_TIMEOUT = 20.0  # seconds a writer outside the import queue (a page, a command) waits at most


def busy_timeout() -> float:
    """SQLite's busy timeout of every connection: AQYL_WRITE_WAIT, but at most 20 s (a web page
    does not hang for the 15 minutes an import may wait: the queue gives an import the rest)."""
    return min(write_wait(), BUSY_TIMEOUT)


def wait_words(seconds: float):
    """The wait in words in each language ("3 seconds", «3 секунды», «3 секунд»), for a message."""
    from aqyl.domain.i18n import Label
    from aqyl.domain.numbers import duration

    return Label(*(duration(seconds, lang) for lang in ("kk", "ru", "en")))


def sqlite_file(settings_dict: dict) -> str | None:
    """The SQLite database's file, or None: another engine, or an in-memory database (the tests'
    ``file:…?mode=memory`` or ``:memory:``), which has no folder beside it and no WAL."""
    name = str(settings_dict.get("NAME", ""))
    if settings_dict.get("AQYL_READ_ONLY"):
        return str(settings_dict["AQYL_READ_ONLY"])
    if not str(settings_dict.get("ENGINE", "")).endswith("sqlite3") or name.startswith("file:") or name == ":memory:":
        return None
    return name


def parse_database(url: str) -> dict:
    """Django's DATABASES entry for ``url``, or StoreFault("db_url_bad") listing the accepted forms:
    an address that would silently use an in-memory database (``sqlite://x.db``, ``sqlite:///``)
    is refused, since it keeps nothing."""
    from aqyl.domain.errors import StoreFault

    scheme, _, rest = url.partition("://")
    shown = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)  # never a password in a message
    ok = (scheme == "sqlite" and rest.startswith("/") and rest.strip("/") and rest != "/:memory:") or (
        scheme in ("postgresql", "postgres") and rest.rpartition("/")[2].split("?")[0])
    try:
        db = dj_database_url.parse(url, conn_max_age=60) if ok else None
    except ValueError:
        db = None
    if db is None:
        raise StoreFault("db_url_bad", value=shown)
    if db["ENGINE"].endswith("sqlite3"):
        # WAL lets the web app read while an import writes. IMMEDIATE takes the write lock when a
        # transaction begins, so a second writer waits (busy timeout) instead of failing on
        # "database is locked" half-way; imports also queue behind each other (aqyl.store.queue).
        # A new database gets 16 KiB pages (an existing one keeps its own): a national file's
        # million rows go in through a quarter of the pages and WAL frames, 0.6 s less than with
        # 4 KiB; 32 and 64 KiB gained nothing more and make an empty database 4-7 MB (README).
        db["OPTIONS"] = {"init_command": f"PRAGMA page_size={PAGE_SIZE}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                         "timeout": busy_timeout(),
                         "transaction_mode": "IMMEDIATE"}
        db["CONN_MAX_AGE"] = 0
        _read_only_place(db)
    return db


def _read_only_place(db: dict) -> None:
    """A database on a read-only disk (a mounted copy, a backup medium) is opened to be read:
    SQLite cannot otherwise open a WAL database there at all, so even db --check, submissions
    and report failed. Nobody can write it there, so it is read as immutable (no lock, no -shm);
    a command that writes is then told the database is read-only."""
    import os
    from pathlib import Path

    path = Path(db["NAME"])
    try:
        if not path.is_file() or not os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return
    except OSError:
        return
    db["AQYL_READ_ONLY"] = str(path)
    db["NAME"] = f"{path.resolve().as_uri()}?immutable=1"
    db["OPTIONS"] = {"uri": True, "timeout": db["OPTIONS"]["timeout"]}
