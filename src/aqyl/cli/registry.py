"""``aqyl hei list|add|export|import|merge|rename|close`` (the register of Kazakhstani HEIs) and
``aqyl classifiers``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app import registry
from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, err_console, print_json, table
from aqyl.domain.classifiers import CLASSIFIERS, HEI_TYPE
from aqyl.domain.heis import Identifiers
from aqyl.domain.i18n import LANGUAGES, Label
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

hei_app = typer.Typer(help="The register of Kazakhstani HEIs.", no_args_is_help=True)


@hei_app.command("list")
def hei_list(
    hei_type: Annotated[str | None, typer.Option("--type", help="Only this HEI type (code or label).")] = None,
    search: Annotated[str | None, typer.Option(help="Only HEIs whose code, name, alias, BIN, SCHAC or Erasmus code contains this.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    lang: LangOption = "",
) -> None:
    """List registered HEIs."""
    open_database()
    found = registry.list_heis(search or "", hei_type)
    if as_json:
        print_json([h.as_dict(lang) for h in found])
        return
    console.print(table(say("hei_code", lang), say("hei_name", lang), say("cli_hei_type", lang), say("city", lang),
                        say("hei_col_bin", lang), say("hei_col_schac", lang), say("hei_col_active", lang),
                        say("hei_records", lang),
                        rows=[[h.code, h.name.get(lang), HEI_TYPE.label(h.hei_type, lang), h.city.get(lang), h.ids.bin,
                               h.ids.schac, _span(h.active_from, h.active_to, h.successor), str(h.records)]
                              for h in found]))


def _span(start, end, successor: str) -> str:
    if start is None and end is None:
        return ""
    text = f"{start.isoformat() if start else '…'}–{end.isoformat() if end else '…'}"
    return f"{text} → {successor}" if successor else text


@hei_app.command("add")
def hei_add(
    code: Annotated[str, typer.Option(help="Stable code: Latin letters, digits, - and _.")],
    hei_type: Annotated[str, typer.Option("--type", help="national, state, jsc, private or international.")],
    name_kk: Annotated[str, typer.Option(help="Name in Kazakh.")],
    name_ru: Annotated[str, typer.Option(help="Name in Russian.")],
    name_en: Annotated[str, typer.Option(help="Name in English.")],
    region: Annotated[str, typer.Option(help="Region code or name (e.g. almaty_city, Астана).")] = "",
    city_kk: Annotated[str, typer.Option()] = "",
    city_ru: Annotated[str, typer.Option()] = "",
    city_en: Annotated[str, typer.Option()] = "",
    profile: Annotated[str, typer.Option(help="HEI profile (medical, technical, …).")] = "multidisciplinary",
    alias: Annotated[list[str] | None, typer.Option(help="Another spelling; repeat for more.")] = None,
    bin_: Annotated[str, typer.Option("--bin", help="BIN: 12 digits, the last a check digit.")] = "",
    schac: Annotated[str, typer.Option(help="SCHAC code: the HEI's internet domain (kaznu.kz).")] = "",
    erasmus: Annotated[str, typer.Option(help="Erasmus code (KZ ALMATY01).")] = "",
    pic: Annotated[str, typer.Option(help="PIC: the EU participant code, 9 digits.")] = "",
    ror: Annotated[str, typer.Option(help="ROR id (05xs36f43 or https://ror.org/05xs36f43).")] = "",
    website: Annotated[str, typer.Option(help="Website, https://….")] = "",
    ministry_code: Annotated[str, typer.Option(help="The ministry's own code.")] = "",
    active_from: Annotated[str, typer.Option(help="First day active (YYYY-MM-DD); empty: always.")] = "",
    lang: LangOption = "",
) -> None:
    """Register a new HEI."""
    open_database()
    hei = registry.add_hei(code, hei_type, Label(name_kk, name_ru, name_en), region=region,
                           city=Label(city_kk, city_ru, city_en), profile=profile, aliases=alias,
                           ids=Identifiers(bin_, schac, erasmus, pic, ror, website, ministry_code),
                           active_from=active_from)
    console.print(f"{say('hei_registered', lang)}: {hei.code} — {hei.name.get(lang)}")


@hei_app.command("export")
def hei_export(
    out: Annotated[Path, typer.Option(help="FILE.csv or FILE.xlsx: every HEI, every field.")],
    lang: LangOption = "",
) -> None:
    """Write the registry to a CSV or XLSX file (the file hei import reads back)."""
    open_database()
    n = registry.export_heis(out)
    console.print(say("hei_exported", lang, file=str(out), n=n), highlight=False)


@hei_app.command("import")
def hei_import(
    file: Annotated[Path, typer.Argument(help="A CSV or XLSX file with the columns hei export writes.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check every row and store nothing.")] = False,
    lang: LangOption = "",
) -> None:
    """Add and change HEIs from a file; all or nothing. Exit 1 when any row is wrong, 2 when the file cannot be read."""
    open_database()
    result = registry.import_heis(file, dry_run)
    if result.problems:
        for problem in result.problems:
            err_console.print(problem.message(lang), highlight=False, soft_wrap=True, markup=False)
        err_console.print(say("hei_import_refused", lang, file=result.file, n=len(result.problems)),
                          highlight=False, markup=False)
        raise typer.Exit(1)
    key = "hei_import_done" if result.stored else "hei_import_dry"
    counts = {"added": result.added, "changed": result.changed, "unchanged": result.unchanged}
    console.print(say(key, lang, file=result.file, **counts), highlight=False, markup=False)


@hei_app.command("merge")
def hei_merge(
    old: Annotated[str, typer.Argument(help="The HEI that merges (code or name).")],
    into: Annotated[str, typer.Option("--into", help="The HEI it merges into, its successor.")],
    on: Annotated[str, typer.Option("--on", help="The day of the merger (YYYY-MM-DD): OLD is no longer active from it.")],
    lang: LangOption = "",
) -> None:
    """Merge an HEI into another on a date: it stops being active and the other is its successor."""
    open_database()
    old_code, new_code, day = registry.merge_hei(old, into, on)
    console.print(say("hei_merged", lang, old=old_code, new=new_code, on=day.isoformat()), highlight=False)


@hei_app.command("rename")
def hei_rename(
    code: Annotated[str, typer.Argument(help="The HEI (code or name).")],
    on: Annotated[str, typer.Option("--on", help="The day the new names apply (YYYY-MM-DD).")],
    name_kk: Annotated[str, typer.Option(help="New name in Kazakh.")],
    name_ru: Annotated[str, typer.Option(help="New name in Russian.")],
    name_en: Annotated[str, typer.Option(help="New name in English.")],
    lang: LangOption = "",
) -> None:
    """Rename an HEI on a date; its former names are kept as aliases."""
    open_database()
    found, name, day = registry.rename_hei(code, Label(name_kk, name_ru, name_en), on)
    console.print(say("hei_renamed", lang, code=found, name=name.get(lang), on=day.isoformat()), highlight=False,
                  markup=False)


@hei_app.command("close")
def hei_close(
    code: Annotated[str, typer.Argument(help="The HEI (code or name).")],
    on: Annotated[str, typer.Option("--on", help="The day it closes (YYYY-MM-DD): no longer active from it.")],
    lang: LangOption = "",
) -> None:
    """Close an HEI on a date; its records stay."""
    open_database()
    found, day = registry.close_hei(code, on)
    console.print(say("hei_closed", lang, code=found, on=day.isoformat()), highlight=False)


def classifiers(
    name: Annotated[str | None, typer.Argument(help="A classifier (e.g. country); none lists them all.")] = None,
    lookup: Annotated[str | None, typer.Option(help="Encode this value with the classifier and print its code.")] = None,
    lang: LangOption = "",
) -> None:
    """Show the classifiers, a classifier's codes, or what code a value maps to."""
    if name is None:
        console.print(table(say("classifier_name", lang), say("classifier_title", lang), say("classifier_codes", lang), rows=[[key, t.title.get(lang), str(len(t))] for key, t in CLASSIFIERS.items()]))
        return
    found = registry.classifier(name)
    if lookup is not None:
        code = found.encode(lookup)
        console.print(f"{code} — {found.label(code, lang)}")
        return
    console.print(table(ui("code", lang), *LANGUAGES, title=found.title.get(lang), rows=[[c.code, *c.label] for c in found]))


def register(app: typer.Typer) -> None:
    app.add_typer(hei_app, name="hei")
    app.command()(classifiers)
