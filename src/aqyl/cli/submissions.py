"""``aqyl submissions`` (the board of a period, one HEI's versions, what changed) and ``aqyl restore``."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer

from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, print_json, table
from aqyl.domain.classifiers import CLASSIFIERS, DIRECTION, HEI_TYPE, half_year, parse_period
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui


def submissions(
    period: Annotated[str, typer.Option(help="Half-year, e.g. 2023H1.")],
    hei: Annotated[str | None, typer.Option(help="Show this HEI's versions instead of the board.")] = None,
    compare_with: Annotated[int | None, typer.Option("--compare", help="With --hei: what changed from this version to the current one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    lang: LangOption = "",
) -> None:
    """Which HEIs submitted for a period, when, how many rows, and which have not."""
    period_code = half_year(period)
    open_database(existing=True)
    from aqyl.app import submissions as subs

    if hei:
        row, versions = subs.versions_of(hei, period_code)
        if compare_with is not None:
            _print_comparison(subs.compare_with_current(versions, compare_with), as_json, lang)
        elif as_json:
            print_json([s.json for s in versions])
        else:
            console.print(table(
                ui("version", lang), ui("when", lang), ui("who", lang), ui("rows", lang), say("rejected_rows", lang),
                ui("file", lang), "SHA-256", title=f"{row.code} — {row.name(lang)}",
                rows=[[f"{s.version}{' ✓' if s.is_current else ''}", s.created, s.submitted_by, str(s.row_count),
                       str(s.rejected_count), s.file_name, s.file_sha256[:12]] for s in versions]))
        return
    lines = subs.board(period_code)
    if as_json:
        print_json(subs.board_json(lines, lang))
        return
    missing = say("cli_not_submitted", lang)
    rows = []
    for line in lines:
        s, name, kind = line.current, f"{line.hei.code} — {line.hei.name(lang)}", HEI_TYPE.label(line.hei.hei_type, lang)
        if s is None:
            rows.append([f"[yellow]{name}[/yellow]", kind, "—", "—", "—", "—", "—", f"[yellow]{missing}[/yellow]"])
        else:
            rows.append([name, kind, str(s.version), s.created, s.submitted_by, str(s.row_count),
                         str(s.rejected_count), s.file_name])
    console.print(table(ui("hei", lang), say("cli_hei_type", lang), ui("version", lang), ui("when", lang), ui("who", lang),
                        ui("rows", lang), say("rejected_rows", lang), ui("file", lang), rows=rows,
                        title=parse_period(period_code).label.get(lang)))
    console.print(f"{missing}: {sum(1 for line in lines if line.current is None)} / {len(lines)}")


def _print_comparison(diff: dict, as_json: bool, lang: str) -> None:
    if as_json:
        print_json(diff)
        return
    rows = [[ui("rows", lang), str(diff["rows"][0]), str(diff["rows"][1])]]
    rows += [[f"{ui('direction', lang)}: {DIRECTION.label(code, lang)}", str(a), str(b)]
             for code, (a, b) in diff["by_direction"].items()]
    rows += [[f"{ui('country', lang)}: {CLASSIFIERS['country'].label(code, lang)}", str(a), str(b)]
             for code, (a, b) in diff["by_country"].items()]
    console.print(table("", f"v{diff['old']}", f"v{diff['new']}", rows=rows, show_header=True))
    for key in ("added", "removed", "changed"):
        ids = diff[key]
        console.print(f"{say(key, lang)}: {len(ids)}" + (f" ({', '.join(ids[:10])}{', …' if len(ids) > 10 else ''})" if ids else ""))


def restore(
    hei: Annotated[str, typer.Option(help="HEI code or name.")],
    period: Annotated[str, typer.Option(help="Half-year, e.g. 2023H1.")],
    version: Annotated[int, typer.Option(help="The earlier version to make current again.")],
    lang: LangOption = "",
) -> None:
    """Make an earlier version of an HEI's submission current again (as a new version)."""
    period_code = half_year(period)
    open_database()
    from aqyl.app import submissions as subs

    done = subs.restore(hei, period_code, version, submitted_by=f"cli:{getpass.getuser()}")
    console.print(say("cli_restored", lang, old=done.old, new=done.new, rows=done.rows))


def register(app: typer.Typer) -> None:
    app.command()(submissions)
    app.command()(restore)
