"""The one cache of what a request builds from the register: report models, person indicators and
notes. Every entry is keyed by the register's state (``register_stamp``: a stored or withdrawn
submission, an HEI changed) and by what was asked, so none is ever stale, and it lives in the
cache every worker and process shares (``aqyl.config.cache``: by default a table of the
application's own database). The first request builds it; every worker then reads it."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
TIMEOUT = 24 * 3600  # seconds; a changed register makes new keys, the old entries age out


def key(kind: str, *parts: object) -> str:
    """The cache key of ``kind`` asked with ``parts`` on the register as it is now."""
    from aqyl.app.reports import register_stamp

    digest = hashlib.sha1(repr((register_stamp(), parts)).encode()).hexdigest()
    return f"aqyl:{kind}:{digest}"


def cached(kind: str, parts: tuple, build: Callable[[], T]) -> tuple[T, bool]:
    """The kept value of ``kind`` for ``parts``, else ``build()`` kept; and whether it was built here."""
    from django.core.cache import cache
    from django.db import DatabaseError

    name = key(kind, *parts)
    try:
        value = cache.get(name)
    except DatabaseError:  # the cache's table unreadable (a damaged or read-only database): build it
        value = None
    if value is not None:
        return value, False
    value = build()
    # Not kept when e.g. SQLite's writer (a large import) held the database past the busy timeout:
    # the answer is right all the same, and the next request keeps it.
    with contextlib.suppress(DatabaseError):
        cache.set(name, value, timeout=TIMEOUT)
    return value, True
