"""Importing files: read, check, and store the valid rows (as submissions of (HEI, period), or, for
the ``cohort`` layout, as a new version of each programme's list); the JSON report of a batch; the
error workbook; the upload template; and who may store.

Without ``accept_valid`` a file with any rejected row changes nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aqyl.app.system import CommandError
from aqyl.domain.errors import AqylError, StoreFault
from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.importers.readers import RawTable, UnreadableFile, display_name, read_table
from aqyl.importers.validate import check

if TYPE_CHECKING:
    from aqyl.app.storing import Progress

# One file's outcome: its report, and the table read (None when the file could not be read).
Outcome = tuple[ImportReport, RawTable | None]


class ReadAhead:
    """The first file of a batch, read on another thread while the command opens the database:
    polars reads outside the GIL, so a million rows' 0.5 s of reading overlaps Django's start
    (0.4 s). A daemon thread: a command that stops early (an unknown --user) does not wait for it."""

    def __init__(self, path: Path, layout: str) -> None:
        self._file: tuple[Path, str] | None = (path, layout)
        self._done = threading.Event()
        self._table: RawTable | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._read, args=(path, layout), name="aqyl-read-ahead", daemon=True).start()

    def _read(self, path: Path, layout: str) -> None:
        try:
            self._table = read_table(path, layout)
        except BaseException as error:  # raised again where the file would have been read
            self._error = error
        finally:
            self._done.set()

    def take(self, path: Path, layout: str) -> RawTable:
        """That file's table (or its error), once; any other file is read here and now."""
        if self._file != (path, layout):
            return read_table(path, layout)
        self._file = None  # one file, one read: a second mention of it is read again
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._table is not None
        table, self._table = self._table, None
        return table


def import_file(
    path: Path, *, accept_valid: bool = False, dry_run: bool = False, user=None, submitted_by: str = "",
    progress: Progress | None = None, layout: str = "mobility", only_hei: str | None = None,
    ahead: ReadAhead | None = None,
) -> tuple[ImportReport, RawTable]:
    """Import one file. Raises UnreadableFile when it is not a table at all, StoreFault when the
    database cannot store it (nothing is then written). With ``only_hei`` (an
    HEI officer's upload) a file holding another HEI's rows is refused whole. ``ahead``: the
    file may already be being read."""
    # The store is imported here: this module loads before Django is set up (the error workbook).
    from aqyl.app.storing import planned, store_cohorts, store_submissions
    from aqyl.store.cycle import open_periods
    from aqyl.store.faults import fault_of
    from aqyl.store.queue import writer_turn
    from aqyl.store.registry import directory

    started = time.perf_counter()
    tick = progress or (lambda *_: None)
    tick("read", 0, 1)
    table = ahead.take(path, layout) if ahead is not None else read_table(path, layout)
    tick("check", 0, 1)
    checked = check(table, directory(), layout)
    report = checked.report
    report.dry_run = dry_run
    if layout == "mobility":
        report.planned = planned(checked)
        others = sorted({p["hei"] for p in report.planned} - {only_hei}) if only_hei else []
        if others:
            report.add(Problem(0, "", "", "other_hei", params={"heis": ", ".join(others[:5]), "own": only_hei}))
            # Refused whole: no row counts as valid (the totals would say "3 valid, 0 rejected").
            report.valid, report.rejected, report.planned = 0, report.rows, []
            report.seconds = time.perf_counter() - started
            return report, table
        if only_hei and (closed := not_open({p["period"] for p in report.planned})):
            report.add(Problem(0, "", "", "upload_period_not_open", params={
                "periods": ", ".join(closed), "open": ", ".join(open_periods())}))
            report.valid, report.rejected, report.planned = 0, report.rows, []
            report.seconds = time.perf_counter() - started
            return report, table
    if not dry_run and report.valid and (accept_valid or report.errors_total == 0):
        store = store_submissions if layout == "mobility" else store_cohorts
        try:
            # Writers of one SQLite database queue here (CLI imports and web uploads alike).
            with writer_turn(lambda: tick("wait", 0, 0)):
                store(checked, table, user, submitted_by, tick)
        except Exception as error:
            fault = fault_of(error)
            if fault is None:
                raise
            raise fault from error
    report.seconds = time.perf_counter() - started
    return report, table


@dataclass
class Storer:
    """Who stores an import: the account (None: the command line's user) and the one HEI it may
    store (None: any)."""

    account: Any
    only_hei: str | None
    name: str


def check_settings() -> None:
    """The settings an import reads, refused by name before any file is (AQYL_MAX_IMPORT_MB)."""
    from aqyl.config import max_import_bytes

    max_import_bytes()


def active_user(username: str):
    """The active account of that name, or CommandError ``no_user`` (``user_inactive`` for a
    deactivated one)."""
    from django.contrib.auth import get_user_model

    found = get_user_model().objects.filter(username=username).first()
    if found is None:
        raise CommandError("no_user", user=username)
    if not found.is_active:
        raise CommandError("user_inactive", user=username)
    return found


def storer(username: str | None, fallback: str) -> Storer:
    """The account an import is recorded as, by the web's rules (``aqyl.app.access``): officers
    store their HEI, administrators any, everyone else nothing. Without ``username``: ``fallback``
    names it."""
    if not username:
        return Storer(None, None, fallback)
    from aqyl.app.access import actor, may_store, role_word

    found = active_user(username)
    who = actor(found)
    if not may_store(who):
        raise AqylError("user_may_not_store", user=username, role=role_word(who.role))
    return Storer(found, who.hei if who.role == "officer" else None, found.get_username())


def import_files(paths: list[Path], layout: str, *, accept_valid: bool, dry_run: bool, who: Storer,
                 progress: Callable[[str, str, int, int], None] | None = None,
                 ahead: ReadAhead | None = None) -> list[Outcome]:
    """Each file on its own: one that cannot be read or stored does not stop the others. A crash
    is logged and marked on its report (``crashed``: the line for the user). ``ahead``: the first
    file, already being read."""
    from aqyl.app.system import crash_line

    results: list[Outcome] = []
    for path in paths:
        name = display_name(path)
        tick = (lambda stage, done, total, name=name: progress(name, stage, done, total)) if progress else None
        try:
            result, table = checked_or_refused(path, name, accept_valid=accept_valid, dry_run=dry_run, user=who.account,
                                               submitted_by=who.name, progress=tick, layout=layout,
                                               only_hei=who.only_hei, ahead=ahead)
        except Exception as error:  # logged in full; the summary names the file
            result, table = ImportReport(file=name, unreadable=True), None
            result.add(Problem(0, "", "", "file_failed", params={"file": name, "detail": type(error).__name__}))
            result.crashed = crash_line(error)
        results.append((result, table))
    return results


def not_open(periods: set[str]) -> list[str]:
    """The periods an officer's upload may not go to: not opened for submissions while others are
    (with no period opened at all the collection cycle is not in use and nothing is refused)."""
    from aqyl.store.cycle import open_periods

    opened = open_periods()
    return sorted(periods - set(opened)) if opened else []


def checked_or_refused(path: Path, name: str, **options) -> tuple[ImportReport, RawTable | None]:
    """:func:`import_file`, with a file that is not a table or a database that cannot store it
    turned into a report of one problem (the one way every caller shows it)."""
    try:
        return import_file(path, **options)
    except (UnreadableFile, StoreFault) as error:
        report = ImportReport(file=name, unreadable=True)
        report.add(Problem(0, "", "", error.key, params=error.params))
        return report, None


def template_bytes(lang: str, layout: str = "mobility") -> bytes:
    """The XLSX upload template (headers, drop-down lists, instructions) with the registered HEIs."""
    from aqyl.render.template import build_template
    from aqyl.store.registry import directory

    return build_template(lang, list(directory().heis.values()), layout)


def exit_code(results: list[Outcome]) -> int:
    """0 every row valid, 1 some rejected, 2 a file unreadable, 3 a crash: the worst file's."""
    return max(3 if r.crashed else r.exit_code() for r, _ in results)


def report_json(results: list[Outcome], lang: str) -> dict:
    """The ``--report`` file: totals of the batch, every error with its file, and each file's report."""
    files = [r.as_dict(lang) for r, _ in results]
    return {
        "rows": sum(f["rows"] for f in files), "valid": sum(f["valid"] for f in files),
        "rejected": sum(f["rejected"] for f in files), "warnings": sum(f["warnings"] for f in files),
        "stored": sum(f["stored"] for f in files), "lang": lang,
        "errors": [{"file": f["file"], **e} for f in files for e in f["errors"]],
        "files": files,
    }


def write_errors(path: Path, results: list[Outcome], lang: str) -> None:
    """The files read, with their problems marked, as one XLSX."""
    from aqyl.render.errors_xlsx import write_errors_workbook

    write_errors_workbook(path, [(t, r) for r, t in results if t is not None], lang)


def write_template(out: Path, layout: str, lang: str) -> None:
    """The XLSX upload template (headers, drop-down lists, instructions) with the registered HEIs."""
    from aqyl.files import write_atomically

    write_atomically(out, template_bytes(lang, layout))
