"""``aqyl key new``, ``aqyl pseudonymise``, ``aqyl publish`` and ``aqyl persons``: pseudonyms of the
IIN that link persons, open-data releases with disclosure control, person-level indicators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from aqyl.app import opendata
from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, err_console, fail, print_document, table
from aqyl.domain.wording.commands import say

key_app = typer.Typer(help="Pseudonymisation keys (held by the ministry, given to HEIs).", no_args_is_help=True)


@key_app.command("new")
def key_new(
    file: Annotated[Path, typer.Argument(help="Where to write the key (JSON); never overwritten.")],
    key_id: Annotated[str, typer.Option("--id", help="The key's id, stored in every pseudonym (e.g. 2026a).")] = "",
    lang: LangOption = "",
) -> None:
    """Make a new secret pseudonymisation key (the ministry does this once, then rotates)."""
    made = opendata.new_key_file(file, key_id)
    if made is None:
        fail(say("key_exists", lang, file=file), 1)
    console.print(say("key_made", lang, file=file, key_id=made))


def pseudonymise(
    file: Annotated[Path, typer.Argument(help="The HEI's CSV or XLSX with an iin column (or IINs as person_id).")],
    key_file: Annotated[Path, typer.Option("--key-file", help="The key file the ministry gave.")],
    out: Annotated[Path | None, typer.Option(help="The file to write (default: FILE-pseudonymised.csv/.xlsx).")] = None,
    lang: LangOption = "",
) -> None:
    """Replace IINs by keyed pseudonyms before the file leaves the HEI: the same person gets the
    same person_id in every HEI's file."""
    from aqyl.files import reading

    reading(file)  # --out over the HEI's own file would lose it
    reading(key_file)
    target, outcome = opendata.pseudonymise(file, key_file, out)
    if outcome.problems:
        err_console.print(f"[red]✗[/red] {say('pseudonymise_refused', lang)}")
        for line in outcome.messages(lang)[:50]:
            err_console.print(f"  {line}")
        raise typer.Exit(1)
    if outcome.replaced:
        console.print(say("pseudonymised", lang, out=target, n=outcome.replaced, rows=len(outcome.rows)))
    else:
        console.print(say("no_iin", lang, rows=len(outcome.rows)))


def publish(
    period: Annotated[str, typer.Option(help="The half-year to publish, e.g. 2023H1.")],
    out: Annotated[Path, typer.Option(help="Folder for the data package.")],
    threshold: Annotated[int, typer.Option(help="Cells below this are suppressed.")] = 5,
    round5: Annotated[bool, typer.Option("--round5", help="Round every cell to base 5 instead of suppressing.")] = False,
    lang: LangOption = "",
) -> None:
    """Publish a half-year's aggregates as open data: a Frictionless Data Package (CSV and
    datapackage.json), XLSX and a methodology note in kk/ru/en, after disclosure control."""
    import getpass

    if not 1 <= threshold <= 100:
        fail(say("bad_threshold", lang))
    open_database()
    done = opendata.publish(period, out, threshold, round5, f"cli:{getpass.getuser()}", lang)
    console.print(table(say("od_table", lang), say("od_total", lang), say("od_cells", lang), say("od_primary", lang),
                        say("od_secondary", lang), rows=[[name, *map(str, counts)] for name, *counts in done.tables]))
    console.print(say("published", lang, period=done.period, id=done.id, out=out))


def persons(
    as_of: Annotated[str | None, typer.Option(help="The last half-year counted (default: the latest).")] = None,
    within: Annotated[int, typer.Option(help="K: half-years in which taking part again counts.")] = 4,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: LangOption = "",
) -> None:
    """Person-level indicators from the register: repeat (pendulum) mobility, staff taking part
    again within K half-years, incoming specialists who return, students back after a degree."""
    from aqyl.domain.persons import section_blocks

    if within < 1:
        fail(say("bad_within", lang))
    open_database()
    found = opendata.persons(as_of, within)
    if as_json:
        console.print_json(json.dumps(found.as_dict(), ensure_ascii=False))
        return
    print_document(section_blocks(found, lang), compact=True)


def register(app: typer.Typer) -> None:
    app.add_typer(key_app, name="key")
    app.command()(pseudonymise)
    app.command()(publish)
    app.command()(persons)
