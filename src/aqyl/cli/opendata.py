"""``aqyl key new``, ``aqyl pseudonymise``, ``aqyl publish`` and ``aqyl persons``: pseudonyms of the
IIN that link persons, open-data releases with disclosure control, person-level indicators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label as L

LangOption = Annotated[str, typer.Option("--lang", help="Language of labels and messages: kk, ru or en.")]
key_app = typer.Typer(help="Pseudonymisation keys (held by the ministry, given to HEIs).", no_args_is_help=True)

TEXT = {
    "key_made": L("{file} кілті жасалды (идентификаторы {key_id}). Оны құпия сақтаңыз: кілт кімде болса, сол ЖСН-ді "
                  "бүркеншік атпен салыстыра алады.",
                  "Ключ {file} создан (идентификатор {key_id}). Храните его в тайне: владелец ключа может сопоставить "
                  "ИИН с псевдонимом.",
                  "Key {file} made (id {key_id}). Keep it secret: whoever holds it can match an IIN to its pseudonym."),
    "key_exists": L("{file} файлы бар: кілтті қайта жазбаймын (ескі бүркеншік аттар байланысын жоғалтады). Басқа атау беріңіз.",
                    "Файл {file} уже есть: ключ не перезаписан (старые псевдонимы потеряли бы связь). Укажите другое имя.",
                    "{file} exists: the key is not overwritten (old pseudonyms would lose their link). Give another name."),
    "done": L("{out}: {n} ЖСН бүркеншік атқа ауыстырылды, {rows} жол. ЖСН бағаны алынып тасталды.",
              "{out}: заменено ИИН на псевдонимы — {n}, строк — {rows}. Столбец ИИН удалён.",
              "{out}: {n} IINs replaced by pseudonyms, {rows} rows. The IIN column is removed."),
    "none": L("Файлда ЖСН жоқ ({rows} жол): оны өзгеріссіз жіберуге болады, жаңа файл жазылмады.",
              "В файле нет ИИН (строк: {rows}): его можно отправлять как есть, новый файл не записан.",
              "The file holds no IIN ({rows} rows): it can be sent as it is; no new file was written."),
    "refused": L("Файл жазылмады: келесі ұяшықтарды түзетіңіз.", "Файл не записан: исправьте эти ячейки.",
                 "Nothing written: fix these cells."),
    "published": L("{period} кезеңінің ашық деректері жарияланды (№{id}): {out}", "Открытые данные за {period} опубликованы (№{id}): {out}",
                   "Open data for {period} published (#{id}): {out}"),
    "table": L("Кесте", "Таблица", "Table"), "cells": L("Ұяшық", "Ячеек", "Cells"),
    "primary": L("Бастапқы жасыру", "Первичное подавление", "Primary"),
    "secondary": L("Екінші жасыру", "Вторичное подавление", "Secondary"), "total": L("Барлығы", "Итого", "Total"),
    "bad_threshold": L("--threshold: 1-ден 100-ге дейінгі бүтін сан", "--threshold: целое число от 1 до 100",
                       "--threshold: a whole number from 1 to 100"),
    "bad_within": L("--within: кемінде 1 жартыжылдық", "--within: не меньше 1 полугодия", "--within: at least 1 half-year"),
}


def register(app: typer.Typer) -> None:
    from aqyl.cli.main import _db, _lang, console, err_console

    app.add_typer(key_app, name="key")

    def say(key: str, lang: str, **params) -> str:
        return TEXT[key].get(lang).format(**params)

    @key_app.command("new")
    def key_new(
        file: Annotated[Path, typer.Argument(help="Where to write the key (JSON); never overwritten.")],
        key_id: Annotated[str, typer.Option("--id", help="The key's id, stored in every pseudonym (e.g. 2026a).")] = "",
        lang: LangOption = "",
    ) -> None:
        """Make a new secret pseudonymisation key (the ministry does this once, then rotates)."""
        import os
        from datetime import date

        from aqyl.domain.pseudonym import key_to_text, new_key

        lang = _lang(lang)
        if file.exists():
            err_console.print(f"[red]✗[/red] {say('key_exists', lang, file=file)}")
            raise typer.Exit(1)
        try:
            key = new_key(key_id or f"{date.today().year}a")
        except AqylError as error:
            err_console.print(f"[red]✗[/red] {error.message(lang)}")
            raise typer.Exit(2) from None
        file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # readable by its owner only
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(key_to_text(key))
        console.print(say("key_made", lang, file=file, key_id=key.key_id))

    @app.command()
    def pseudonymise(
        file: Annotated[Path, typer.Argument(help="The HEI's CSV or XLSX with an iin column (or IINs as person_id).")],
        key_file: Annotated[Path, typer.Option("--key-file", help="The key file the ministry gave.")],
        out: Annotated[Path | None, typer.Option(help="The file to write (default: FILE-pseudonymised.csv/.xlsx).")] = None,
        lang: LangOption = "",
    ) -> None:
        """Replace IINs by keyed pseudonyms before the file leaves the HEI: the same person gets the
        same person_id in every HEI's file."""
        from aqyl.importers.pseudonymise import pseudonymise_file, read_key
        from aqyl.importers.readers import UnreadableFile

        lang = _lang(lang)
        target = out or file.with_name(f"{file.stem}-pseudonymised{file.suffix}")
        try:
            key = read_key(key_file)
            outcome = pseudonymise_file(file, target, key)
        except UnreadableFile as error:
            err_console.print(f"[red]✗[/red] {error.message(lang)}")
            raise typer.Exit(2) from None
        except AqylError as error:
            err_console.print(f"[red]✗[/red] {error.message(lang)}")
            raise typer.Exit(1) from None
        if outcome.problems:
            err_console.print(f"[red]✗[/red] {say('refused', lang)}")
            for line in outcome.messages(lang)[:50]:
                err_console.print(f"  {line}")
            raise typer.Exit(1)
        text = "done" if outcome.replaced else "none"
        console.print(say(text, lang, out=target, n=outcome.replaced, rows=len(outcome.rows)))

    @app.command()
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

        lang = _lang(lang)
        if not 1 <= threshold <= 100:
            err_console.print(f"[red]✗[/red] {say('bad_threshold', lang)}")
            raise typer.Exit(2)
        _db()
        from aqyl.domain.classifiers import CATEGORY, DIRECTION, parse_period
        from aqyl.store.release import WORDS
        from aqyl.store.release import publish as publish_release

        code = parse_period(period).code
        release, built = publish_release(code, threshold=threshold, method="round5" if round5 else "suppress",
                                         by=f"cli:{getpass.getuser()}", out=out)
        table = Table(say("table", lang), say("total", lang), say("cells", lang), say("primary", lang),
                      say("secondary", lang))
        for t in built.tables:
            s = built.summary[t.key]
            table.add_row(f"{DIRECTION.label(t.direction, lang)} · {CATEGORY.label(t.category, lang)} · "
                          f"{WORDS[t.name].get(lang)}", str(s["total"]), str(s["cells"]), str(s["primary"]),
                          str(s["secondary"]))
        console.print(table)
        console.print(say("published", lang, period=code, id=release.pk, out=out))

    @app.command()
    def persons(
        as_of: Annotated[str | None, typer.Option(help="The last half-year counted (default: the latest).")] = None,
        within: Annotated[int, typer.Option(help="K: half-years in which taking part again counts.")] = 4,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        lang: LangOption = "",
    ) -> None:
        """Person-level indicators from the register: repeat (pendulum) mobility, staff taking part
        again within K half-years, incoming specialists who return, students back after a degree."""
        lang = _lang(lang)
        if within < 1:
            err_console.print(f"[red]✗[/red] {say('bad_within', lang)}")
            raise typer.Exit(2)
        _db()
        from aqyl.domain.classifiers import parse_period
        from aqyl.domain.persons import section_blocks
        from aqyl.domain.report.document import Paragraph
        from aqyl.domain.report.document import Table as DocTable
        from aqyl.store.persons import person_indicators

        found = person_indicators(parse_period(as_of).code if as_of else None, within)
        if as_json:
            console.print_json(json.dumps(found.as_dict(), ensure_ascii=False))
            return
        for block in section_blocks(found, lang):
            if isinstance(block, DocTable):
                table = Table(*(c.header for c in block.columns), title=block.caption)
                for row in block.rows:
                    table.add_row(*(c.text for c in row.cells))
                console.print(table)
            elif isinstance(block, Paragraph):
                console.print(block.text)
            else:
                console.print(f"[bold]{block.text}[/bold]")
