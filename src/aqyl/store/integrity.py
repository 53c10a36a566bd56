"""`aqyl db --check`: the engine's own integrity check (SQLite's PRAGMA integrity_check; on
PostgreSQL, which checks its pages itself, a read of every table the register keeps)."""

from __future__ import annotations

from django.db import connection

from aqyl.domain.errors import StoreFault
from aqyl.domain.i18n import Label
from aqyl.store.bootstrap import database_label

PG_TABLES = ("aqyl_hei", "aqyl_submission", "aqyl_mobilityrecord", "aqyl_archivedrecord")


def check_database() -> Label:
    """The message to show when the database is whole; raises StoreFault("db_check_corrupt") naming
    the first problems otherwise."""
    from aqyl.domain.wording import messages

    where = database_label()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check(20)")
            found = [row[0] for row in cursor.fetchall()]
            problems = [] if found == ["ok"] else found
        else:
            problems = []
            for table in PG_TABLES:
                cursor.execute("SELECT to_regclass(%s)", [table])
                if cursor.fetchone()[0] is None:
                    problems.append(f"{table} is missing")
                    continue
                cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
                cursor.fetchone()
    if problems:
        raise StoreFault("db_check_corrupt", where=where, detail="; ".join(problems[:3]))
    return Label(*(messages.render("db_check_ok", lang, where=where) for lang in ("kk", "ru", "en")))
