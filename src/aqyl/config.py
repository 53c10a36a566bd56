"""Aqyl's own settings, read from the environment each time they are asked for (a test or a
command sets a variable and is heard). The command line, the use cases and storage read them here;
Django's settings (``aqyl.web.settings``) read them here too, and hold only what is Django's.
Imports nothing of aqyl but the core: every layer above the core may use it.

- AQYL_DATA_DIR: the data folder (database, uploads, logs, keys); the user's data folder
- AQYL_DATABASE_URL: ``sqlite:///path`` or ``postgresql://user:pass@host:port/name``; SQLite in the data folder
- AQYL_WRITE_WAIT: seconds a writer waits for the database; 900
- AQYL_MAX_IMPORT_MB: the largest file an import reads; 2048
- AQYL_MAX_UPLOAD_MB: the largest file a web upload takes; 50
- AQYL_UPLOAD_RETENTION_HOURS: an upload checked but never stored is deleted after; 24
- AQYL_LANG: the command line's language (then LC_ALL, LANG); kk
- AQYL_PUBLIC_URL: the deployment's address, for links in mail; none
- AQYL_PSEUDONYM_KEY_FILE: the pseudonym key the web server holds; none (uploads keep no IIN then)
- AQYL_ORGANISATION_FILE: the organisation and house style of the notes; ``aqyl/data/organisation.json``
- AQYL_RENDER_SERIAL: 1 draws a note's DOCX and PDF one after the other, not side by side
- AQYL_CACHE_URL: the cache every web worker shares (``redis://host:port/0``, ``file:///folder``); the
  application's own database (its table ``aqyl_cache``)
- SQLITE_TMPDIR, TMPDIR: where SQLite writes its temporary files (a full one is named as such)
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES

# A new SQLite database's page size (see database()).
PAGE_SIZE = 16384


def data_dir() -> Path:
    """The data folder (database, uploads, logs, keys): ``AQYL_DATA_DIR``, else the user's data folder."""
    from platformdirs import user_data_dir

    return Path(os.environ.get("AQYL_DATA_DIR") or user_data_dir("aqyl", appauthor=False))


def database_url() -> str:
    """``AQYL_DATABASE_URL``, else a SQLite file in the data folder."""
    return os.environ.get("AQYL_DATABASE_URL") or f"sqlite:///{data_dir() / 'aqyl.sqlite3'}"


def database() -> dict:
    """The database in use as Django's DATABASES entry (see parse_database)."""
    return parse_database(database_url())


def parse_database(url: str) -> dict:
    """Django's DATABASES entry for ``url``, or StoreFault("db_url_bad") listing the accepted forms:
    an address that would silently use an in-memory database (``sqlite://x.db``, ``sqlite:///``)
    is refused, since it keeps nothing."""
    import dj_database_url

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
        # 4 KiB; 32 and 64 KiB gained nothing more and make an empty database 4-7 MB (docs/development.md).
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


def number_setting(name: str, default: float, *, zero_allowed: bool = False) -> float:
    """The number in the environment variable ``name`` (unset or empty: ``default``); it must be
    greater than 0 (or 0 or more when ``zero_allowed``)."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_allowed):
        example = f"{default:g}"
        raise AqylError("setting_zero_or_more" if zero_allowed else "setting_positive", name=name, value=text,
                        example=example)
    return value


def temp_folder() -> str:
    """The folder SQLite writes its temporary files to (SQLITE_TMPDIR, TMPDIR, else the first of
    /var/tmp, /usr/tmp, /tmp it may write); Python's readers use TMPDIR the same way."""
    for name in ("SQLITE_TMPDIR", "TMPDIR"):
        if (value := os.environ.get(name)) and os.path.isdir(value):
            return value
    for value in ("/var/tmp", "/usr/tmp", "/tmp"):
        if os.path.isdir(value) and os.access(value, os.W_OK | os.X_OK):
            return value
    return "."


def write_wait() -> float:
    """Seconds a writer waits for the database (AQYL_WRITE_WAIT, default 15 minutes): for its turn
    in the queue and for SQLite's lock alike (the busy timeout), never longer in all."""
    return number_setting("AQYL_WRITE_WAIT", 900, zero_allowed=True)


BUSY_TIMEOUT = 20.0  # seconds a writer outside the import queue (a page, a command) waits at most


def busy_timeout() -> float:
    """SQLite's busy timeout of every connection: AQYL_WRITE_WAIT, but at most 20 s (a web page
    does not hang for the 15 minutes an import may wait: the queue gives an import the rest)."""
    return min(write_wait(), BUSY_TIMEOUT)


def max_import_bytes() -> int:
    """The largest file an import reads (AQYL_MAX_IMPORT_MB, default 2 GB): a million rows of
    labels are 0.4 GB, and a bigger file would not fit in memory once parsed."""
    return int(number_setting("AQYL_MAX_IMPORT_MB", 2048) * 1024 * 1024)


def max_upload_bytes() -> int:
    """The largest file a web upload takes (AQYL_MAX_UPLOAD_MB, default 50): refused above it with a
    message, never read into memory whole."""
    return int(os.environ.get("AQYL_MAX_UPLOAD_MB", "50")) * 1024 * 1024


def upload_retention_hours() -> float:
    """Hours after which an upload checked but never stored is deleted (AQYL_UPLOAD_RETENTION_HOURS, default 24)."""
    return float(os.environ.get("AQYL_UPLOAD_RETENTION_HOURS", "24"))


def default_lang() -> str:
    """AQYL_LANG, else the system locale's language if it is one of ours, else Kazakh."""
    for value in (os.environ.get("AQYL_LANG"), os.environ.get("LC_ALL"), os.environ.get("LANG")):
        if value and value[:2] in LANGUAGES:
            return value[:2]
    return "kk"


def public_url() -> str:
    """The deployment's address as people type it (AQYL_PUBLIC_URL), without a final slash; '' when unset."""
    return os.environ.get("AQYL_PUBLIC_URL", "").rstrip("/")


def pseudonym_key_file() -> Path | None:
    """The pseudonym key the web server holds (AQYL_PSEUDONYM_KEY_FILE), or None."""
    path = os.environ.get("AQYL_PSEUDONYM_KEY_FILE")
    return Path(path) if path else None


def organisation_file() -> str | None:
    """The file that replaces the shipped organisation and house style (AQYL_ORGANISATION_FILE), or None."""
    return os.environ.get("AQYL_ORGANISATION_FILE") or None


def render_serial() -> bool:
    """Whether a note's DOCX and PDF are drawn one after the other (AQYL_RENDER_SERIAL set)."""
    return bool(os.environ.get("AQYL_RENDER_SERIAL"))


CACHE_TABLE = "aqyl_cache"  # the database cache's table (migration 0016)


def cache() -> dict:
    """Django's cache, one for every worker and process (AQYL_CACHE_URL): a Redis server, a folder of
    files, or by default a table of the application's own database, so the embedded SQLite needs
    no other server. A built report model is then built once and read by every worker."""
    url = os.environ.get("AQYL_CACHE_URL", "").strip()
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file://"):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": url[len("file://"):],
                "OPTIONS": {"MAX_ENTRIES": 2000}}
    if url:
        from aqyl.domain.errors import StoreFault

        raise StoreFault("cache_url_bad", value=re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url))
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 2000}}
