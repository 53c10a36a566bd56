"""The system's own use cases: open the database (creating and migrating it on first use), say
which one is in use and what it holds, check it, and run the web server or the queue's worker.
Also the error a use case raises with a text of the command line's words."""

from __future__ import annotations

from dataclasses import dataclass

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label


class CommandError(AqylError):
    """An :class:`AqylError` whose text is in :mod:`aqyl.domain.wording.commands` (the words of
    the use cases the command line has first)."""

    def message(self, lang: str = "en") -> str:
        from aqyl.domain.wording.commands import say

        return say(self.key, lang, **self.params)


def open_database(migrate: bool = True, existing: bool = False) -> None:
    """Start Django on the configured database; migrate it unless ``migrate`` is False (a
    damaged database must be checked, not migrated). ``existing``: a command that only reads
    (report, submissions, db --check, backup) refuses a SQLite file that is not there (a
    mistyped path) instead of making an empty database and reading nothing from it."""
    from aqyl.store.bootstrap import setup

    setup(migrate=migrate, existing=existing)


def refuse_read_only() -> None:
    """StoreFault ``db_read_only`` when the database can only be read (a read-only disk)."""
    from aqyl.store.bootstrap import refuse_read_only as refuse

    refuse()


def database_label() -> str:
    from aqyl.store.bootstrap import database_label as label

    return label()


@dataclass(frozen=True)
class DatabaseCounts:
    label: str
    heis: int
    submissions: int
    records: int


def database_counts() -> DatabaseCounts:
    from aqyl.store.models import Hei, MobilityRecord, Submission

    return DatabaseCounts(database_label(), Hei.objects.count(), Submission.objects.count(),
                          MobilityRecord.objects.count())


def check_database() -> Label:
    """The engine's integrity check, as a sentence in three languages; damage found (by the check
    or by the engine while opening the database for it) is StoreFault ``db_check_corrupt``, whose
    advice is to restore a backup (not to run the check again)."""
    from aqyl.domain.errors import StoreFault
    from aqyl.store.faults import fault_of

    try:
        open_database(migrate=False, existing=True)
        from aqyl.store.integrity import check_database as check

        return check()
    except Exception as error:
        fault = fault_of(error)
        if fault is not None and fault.key == "db_corrupt":
            raise StoreFault("db_check_corrupt", **fault.params) from error
        raise


def fault_message(error: BaseException, lang: str) -> str | None:
    """The database's fault behind ``error`` (what to do), or None when it is not one."""
    from aqyl.store.faults import fault_of

    fault = fault_of(error)
    return fault.message(lang) if fault is not None else None


def crash_line(error: BaseException) -> str:
    """Log the traceback; one line for the user."""
    from aqyl.store.bootstrap import report_crash

    return report_crash(error)


def serve(port: int) -> None:
    """Django's development server on 127.0.0.1 (production: see docs/web.md)."""
    open_database()
    from django.core.management import call_command

    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


def run_worker(batch: bool, interval: float) -> None:
    """Run the background work the pages queue, until stopped (or, with ``batch``, once)."""
    open_database()
    from django.core.management import call_command

    call_command("db_worker", batch=batch, interval=interval, no_startup_delay=True, verbosity=1)
