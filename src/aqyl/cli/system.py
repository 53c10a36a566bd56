"""``aqyl demo``, ``aqyl db`` and ``aqyl serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app import system
from aqyl.cli.present import LangOption, console, seconds, table, write_json
from aqyl.domain.classifiers import DIRECTION, parse_period
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui


def demo(
    out: Annotated[Path | None, typer.Option(help="Folder for the demo database and its summary.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the synthesis; the same seed gives the same records.")] = 2023,
    lang: LangOption = "",
) -> None:
    """Build the database and load demo data rebuilt from the H1 2023 analytical note."""
    from aqyl.app.demo import build_demo

    built = build_demo(seed, out)
    rows = [[say("database", lang), built.database]]
    for key, n in built.records.items():
        period, direction = key.split()
        rows.append([f"{ui('records', lang)}: {parse_period(period).label.get(lang)}, "
                     f"{DIRECTION.label(direction, lang).lower()}", str(n)])
    rows += [[say("hei_registry", lang), str(built.heis)], [say("submissions", lang), str(built.submissions)],
             [say("users", lang), f"{', '.join(built.users)} ({say('password_word', lang)}: {built.password})"],
             [say("time", lang), seconds(built.seconds, lang)]]
    console.print(table(rows=rows, title=say("demo_ready", lang), show_header=False))
    if out is not None:
        write_json(out / "demo-summary.json", built.as_dict())


def db(check: Annotated[bool, typer.Option("--check", help="Run the database engine's integrity check.")] = False,
       lang: LangOption = "") -> None:
    """Show which database is in use and what it holds (creating and migrating it if needed)."""
    if check:
        console.print(system.check_database().get(lang))
        return
    system.open_database()
    counts = system.database_counts()
    console.print(counts.label)
    console.print(say("db_counts", lang, heis=counts.heis, submissions=counts.submissions, records=counts.records))


def serve(port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8000) -> None:
    """Run the web application (Django development server; for production see docs/web.md)."""
    system.serve(port)


def register(app: typer.Typer) -> None:
    app.command()(demo)
    app.command()(db)
    app.command()(serve)
