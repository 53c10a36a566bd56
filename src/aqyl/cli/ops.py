"""Operations commands: ``aqyl backup FILE`` and ``aqyl restore-db FILE``. (No postponed annotations:
typer reads the options' types, defined in main.py, when the commands are declared.)"""

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer, lang_option, resolve_lang, console, err_console, setup_db) -> None:
    from aqyl.domain.wording.messages import render

    @app.command()
    def backup(
        file: Annotated[Path, typer.Argument(help="The backup to write (SQLite: a database file; PostgreSQL: a pg_dump archive).")],
        lang: lang_option = "",
    ) -> None:
        """Back up the whole database to FILE while it stays in use."""
        lang = resolve_lang(lang)
        setup_db()
        from aqyl.store.backup import backup as write

        engine = write(file)
        console.print(render("backup_done", lang, file=file, size=f"{file.stat().st_size / 1024 ** 2:,.1f}", engine=engine))

    @app.command("restore-db")
    def restore_db(
        file: Annotated[Path, typer.Argument(help="A file written by aqyl backup.")],
        yes: Annotated[bool, typer.Option("--yes", help="Replace the current database without asking.")] = False,
        lang: lang_option = "",
    ) -> None:
        """Replace the whole database by the backup FILE (all of it, or on failure nothing)."""
        lang = resolve_lang(lang)
        setup_db()
        from aqyl.store.backup import restore
        from aqyl.store.bootstrap import database_label

        if not yes:
            err_console.print(render("restore_confirm", lang, db=database_label(), file=file))
            raise typer.Exit(2)
        engine = restore(file)
        console.print(render("restore_done", lang, file=file, engine=engine))
