"""Backing up the whole database while it is in use, and restoring a backup (all or nothing)."""

from __future__ import annotations

from pathlib import Path

from aqyl.app.system import database_label, open_database


def backup(file: Path) -> tuple[str, float]:
    """Write the backup; the engine and the file's size in MB."""
    open_database(existing=True)
    from aqyl.store.backup import backup as write

    engine = write(file)
    return engine, file.stat().st_size / 1024 ** 2


def database(file: Path) -> str:
    """The database a restore of ``file`` would replace (opened, for its name), once the backup
    is found whole and of this database's engine (else the refusal, naming the backup)."""
    open_database()
    from aqyl.store.backup import check_backup

    check_backup(file)
    return database_label()


def restore(file: Path) -> str:
    open_database()
    from aqyl.store.backup import restore as replace

    return replace(file)
