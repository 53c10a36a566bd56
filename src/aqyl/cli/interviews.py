"""``aqyl interview``: transcripts, the codebook, coded segments, code frequencies, quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, fail, import_summary, table
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

interview_app = typer.Typer(help="Interview transcripts, the codebook, coded segments, code frequencies, quotes.",
                            no_args_is_help=True)


@interview_app.command("add")
def interview_add(
    transcript: Annotated[Path, typer.Argument(help="The transcript, a UTF-8 text file.")],
    code: Annotated[str, typer.Option("--id", help="The interview's identifier, e.g. KZ-US-07.")],
    language: Annotated[str, typer.Option("--language", help="The transcript's language: kk, ru or en.")],
    attr: Annotated[list[str] | None, typer.Option(help="An attribute to count codes by: key=value (repeat).")] = None,
    replace: Annotated[bool, typer.Option(help="Replace an interview of that identifier (its segments go).")] = False,
    lang: LangOption = "",
) -> None:
    """Store an interview transcript with its attributes (gender=female, funding=bolashak, …)."""
    open_database()
    from aqyl.app import interviews

    if language not in LANGUAGES:
        fail(say("bad_language", lang, value=language))
    pairs = [a.split("=", 1) for a in attr or []]
    if any(len(p) != 2 or not p[0].strip() for p in pairs):
        fail(say("bad_attr", lang))
    found = interviews.add_interview(code, language, transcript, {k.strip(): v.strip() for k, v in pairs}, replace=replace)
    console.print(f"{found.code}: {found.length:,} · {found.language} · {found.attributes}")


@interview_app.command("code")
def interview_code(
    segments: Annotated[Path, typer.Argument(help="CSV or XLSX with columns interview, code, quote and optional note.")],
    accept_valid: Annotated[bool, typer.Option(help="Store the valid rows even when some rows are wrong.")] = False,
    lang: LangOption = "",
) -> None:
    """Store coded segments; every quote must be found in its transcript. All rows or none."""
    open_database()
    from aqyl.app import interviews

    report, found = interviews.store_segment_file(segments, accept_valid)
    import_summary([(report, found)], lang, False)
    raise typer.Exit(report.exit_code())


@interview_app.command("codes")
def interview_codes(
    by: Annotated[str | None, typer.Option(help="An interview attribute to count by (gender, funding, …).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: LangOption = "",
) -> None:
    """How many interviews (and segments) mention each code, overall and by group."""
    import json

    open_database()
    from aqyl.app import interviews

    result = interviews.code_frequencies(by)
    if as_json:
        console.print_json(json.dumps(result, ensure_ascii=False))
        return
    themes, codes = interviews.codebook()
    rows = []
    for c in result["codes"]:
        known = codes.get(c["code"])
        rows.append([known.label.get(lang) if known else c["code"], themes[known.theme].get(lang) if known else "",
                     str(c["interviews"]), str(c["segments"]), *(str(c["by"][g]) for g in result["groups"] if by)])
    console.print(table(ui("code", lang), ui("theme", lang), f"{ui('interviews', lang)} (n = {result['interviews']})",
                        ui("segments", lang), *(f"{g} (n = {n})" for g, n in result["groups"].items() if by), rows=rows))


@interview_app.command("quotes")
def interview_quotes(code: Annotated[str, typer.Argument(help="A code of the codebook.")], lang: LangOption = "") -> None:
    """Every quote marked with a code, with its interview and attributes."""
    open_database()
    from aqyl.app import interviews

    known, quotes = interviews.coded_quotes(code)
    console.print(f"[bold]{known.label.get(lang)}[/bold]")
    for q in quotes:
        attrs = ", ".join(f"{k}={v}" for k, v in q["attributes"].items())
        console.print(f"\n[cyan]{q['interview']}[/cyan] ({q['language']}{'; ' + attrs if attrs else ''})\n  «{q['quote']}»")


@interview_app.command("export")
def interview_export(
    out: Annotated[Path, typer.Option(help="The file: .xlsx, .csv or .json.")], lang: LangOption = "",
) -> None:
    """Every coded segment with its interview, attributes, code, theme and quote."""
    open_database()
    from aqyl.app import interviews

    n = interviews.export_file(out, lang)
    console.print(f"{out} ({n})")


def register(app: typer.Typer) -> None:
    app.add_typer(interview_app, name="interview")
