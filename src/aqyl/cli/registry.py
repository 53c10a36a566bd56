"""``aqyl hei list|add`` (the register of Kazakhstani HEIs) and ``aqyl classifiers``."""

from __future__ import annotations

from typing import Annotated

import typer

from aqyl.app import registry
from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, print_json, table
from aqyl.domain.classifiers import CLASSIFIERS, HEI_TYPE
from aqyl.domain.i18n import LANGUAGES, Label
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

hei_app = typer.Typer(help="The register of Kazakhstani HEIs.", no_args_is_help=True)


@hei_app.command("list")
def hei_list(
    hei_type: Annotated[str | None, typer.Option("--type", help="Only this HEI type (code or label).")] = None,
    search: Annotated[str | None, typer.Option(help="Only HEIs whose name or alias contains this.")] = None,
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
                        say("hei_records", lang),
                        rows=[[h.code, h.name.get(lang), HEI_TYPE.label(h.hei_type, lang), h.city.get(lang), str(h.records)]
                              for h in found]))


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
    lang: LangOption = "",
) -> None:
    """Register a new HEI."""
    open_database()
    hei = registry.add_hei(code, hei_type, Label(name_kk, name_ru, name_en), region=region,
                           city=Label(city_kk, city_ru, city_en), profile=profile, aliases=alias)
    console.print(f"{say('hei_registered', lang)}: {hei.code} — {hei.name.get(lang)}")


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
