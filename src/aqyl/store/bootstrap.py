"""Start Django for the CLI and scripts, creating and migrating the database on first use."""

from __future__ import annotations

import os

_ready = False


def setup(migrate: bool = True, existing: bool = False) -> None:
    """Django on the configured database, migrated unless ``migrate`` is False; with ``existing``
    a SQLite file that does not exist is refused (StoreFault ``db_missing``), not created."""
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aqyl.web.settings")
    import django

    django.setup()
    from django.db import connection

    from aqyl.files import reading
    from aqyl.store.dburl import sqlite_file

    if (name := sqlite_file(connection.settings_dict)) is not None:
        reading(name, database=True)  # no output (a backup, a report) may be written over it
        if existing and not os.path.isfile(name):
            from aqyl.domain.errors import StoreFault

            raise StoreFault("db_missing", where=database_label())
    if migrate:
        migrate_if_needed()
    _ready = True


def migrate_if_needed() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from aqyl.store.dburl import sqlite_file

    if (name := sqlite_file(connection.settings_dict)) is not None:
        from pathlib import Path

        try:
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a folder that cannot be made: the path to check, not a crash
            from aqyl.domain.errors import StoreFault

            raise StoreFault("db_file_unopenable", where=database_label(), detail=str(error)) from error
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def refuse_read_only() -> None:
    """A command that writes stops before it reads anything when the database is on a read-only
    disk (opened to be read: aqyl.store.dburl)."""
    from django.db import connection

    if connection.settings_dict.get("AQYL_READ_ONLY"):
        from aqyl.domain.errors import StoreFault

        raise StoreFault("db_read_only", where=database_label())


def database_label() -> str:
    """The database in use, password hidden, for messages."""
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"SQLite {s.get('AQYL_READ_ONLY') or s['NAME']}"
    return f"PostgreSQL {s.get('USER') or ''}@{s.get('HOST') or 'localhost'}:{s.get('PORT') or 5432}/{s['NAME']}"


def report_crash(error: BaseException, lang: str = "en") -> str:
    """Write the traceback to a log in the data folder and return one line for the user."""
    import traceback
    from datetime import datetime

    from aqyl.config import data_dir

    log = data_dir() / "error.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write(f"\n--- {datetime.now().isoformat()}\n")
            traceback.print_exception(error, file=f)
    except OSError:
        log = None  # type: ignore[assignment]
    from aqyl.domain.wording.messages import render

    what = f"{type(error).__name__}: {error}"
    return render("crash_logged", lang, error=what, log=log) if log else render("crash", lang, error=what)
