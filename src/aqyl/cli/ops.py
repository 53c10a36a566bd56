"""Operations commands: ``aqyl backup FILE`` and ``aqyl restore-db FILE``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app import ops
from aqyl.cli.present import LangOption, console, err_console
from aqyl.domain.wording.messages import render


def backup(
    file: Annotated[Path, typer.Argument(help="The backup to write (SQLite: a database file; PostgreSQL: a pg_dump archive).")],
    lang: LangOption = "",
) -> None:
    """Back up the whole database to FILE while it stays in use."""
    engine, size = ops.backup(file)
    console.print(render("backup_done", lang, file=file, size=f"{size:,.1f}", engine=engine))


def restore_db(
    file: Annotated[Path, typer.Argument(help="A file written by aqyl backup.")],
    yes: Annotated[bool, typer.Option("--yes", help="Replace the current database without asking.")] = False,
    lang: LangOption = "",
) -> None:
    """Replace the whole database by the backup FILE (all of it, or on failure nothing)."""
    database = ops.database(file)
    if not yes:
        err_console.print(render("restore_confirm", lang, db=database, file=file))
        raise typer.Exit(2)
    console.print(render("restore_done", lang, file=file, engine=ops.restore(file)))


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command("restore-db")(restore_db)
