"""``aqyl note-text``: the sections of the analytical note an analyst writes, set from a text file
and shown with their versions. Here ``--lang`` is the text's language; messages follow it too."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.i18n import Label as L
from aqyl.domain.wording import messages

app = typer.Typer(help="Sections of the note an analyst writes (benefits, recommendations): set from a file, show.",
                  no_args_is_help=True)

TEXT = {
    "saved": L("Сақталды: «{section}» бөлімі ({lang}), {n}-нұсқа. Мәтін {period} кезеңінен бастап жазбаларға енеді.",
               "Сохранено: раздел «{section}» ({lang}), версия {n}. Текст войдёт в записки начиная с периода {period}.",
               "Saved: section “{section}” ({lang}), version {n}. The text goes into notes from period {period} on."),
    "unchanged": L("Өзгеріс жоқ: «{section}» бөлімінің ({lang}) мәтіні {period} кезеңіне қолданылатын нұсқамен бірдей, "
                   "жаңа нұсқа жасалмады.",
                   "Без изменений: текст раздела «{section}» ({lang}) совпадает с версией, действующей для периода "
                   "{period}; новая версия не создана.",
                   "Unchanged: the text of section “{section}” ({lang}) is the version in effect for {period}; "
                   "no new version was made."),
    "from": L("{period} кезеңінен бастап", "начиная с периода {period}", "from {period} on"),
    "none": L("жазылмаған", "не написан", "not written"),
    "history": L("Нұсқалар", "Версии", "Versions"),
    "in_effect": L("{period} жазбасына енеді", "входит в записку за {period}", "in the note for {period}"),
    "no_versions": L("Бұл қатардың нұсқалары әлі жоқ.", "Версий этой серии ещё нет.", "This series has no versions yet."),
}

SectionOption = Annotated[str, typer.Option("--section", help="benefits or recommendations.")]
CategoryOption = Annotated[str, typer.Option("--category", help="faculty, researcher, staff or student.")]
PeriodOption = Annotated[str, typer.Option("--period", help="The note's period, e.g. 2023H1.")]


def _msg_lang(lang: str | None) -> str:
    from aqyl.cli.main import default_lang

    return lang if lang in LANGUAGES else default_lang()


def _fail(text: str, code: int = 2) -> typer.Exit:
    from aqyl.cli.main import err_console

    err_console.print(f"[red]✗[/red] {escape(text)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def section_name(section: str, lang: str) -> str:
    from aqyl.domain.report.phrases import T

    return T[f"h_{section}"].get(lang)


@app.command("set")
def set_(
    category: CategoryOption,
    period: PeriodOption,
    section: SectionOption,
    lang: Annotated[str, typer.Option("--lang", help="The text's language: kk, ru or en.")],
    file: Annotated[Path, typer.Option("--file", help="A UTF-8 text file: paragraphs separated by blank lines, "
                                                     "a list is a paragraph of lines beginning with '- '.")],
    user: Annotated[str | None, typer.Option(help="Record the version as this Aqyl user's.")] = None,
) -> None:
    """Save a new version of a section, applying from PERIOD on (earlier versions are kept)."""
    from aqyl.cli.main import _db, _user, console

    ml = _msg_lang(lang)
    _db()
    from aqyl.store.note_texts import check_language, check_section, history, normalised, series, set_text

    try:
        check_section(section)
        check_language(lang)
        s = series(category, period)
        text = normalised(file.read_bytes().decode("utf-8-sig"))
        if not text:
            raise _fail(messages.render("note_text_file_empty", ml, file=file))
        account = _user(user, ml) if user else None
        _, created = set_text(s.category, s.period, section, lang, text, user=account,
                                    author_name=f"cli:{getpass.getuser()}")
    except FileNotFoundError:
        raise _fail(messages.render("file_missing", ml, file=file)) from None
    except UnicodeDecodeError as error:
        raise _fail(messages.render("note_text_file_not_utf8", ml, file=file, where=error.start + 1)) from None
    except AqylError as error:
        raise _fail(error.message(ml)) from None
    n = len(history(s.category, s.period, section, lang))
    fields = {"section": section_name(section, ml), "lang": lang, "period": s.period.code, "n": n}
    console.print(escape(TEXT["saved" if created else "unchanged"].get(ml).format(**fields)), highlight=False,
                  soft_wrap=True)


@app.command("show")
def show(
    category: CategoryOption,
    period: PeriodOption,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language: kk, ru or en.")] = None,
    show_history: Annotated[bool, typer.Option("--history", help="List every version of the series.")] = False,
) -> None:
    """The texts the note of PERIOD carries, with who wrote them and when; --history: every version."""
    from aqyl.cli.main import _db, console
    from aqyl.domain.report.note import AUTHORED_SECTIONS

    ml = _msg_lang(lang)
    _db()
    from aqyl.store.note_texts import check_language, current, history, series

    try:
        langs = [check_language(lang)] if lang else list(LANGUAGES)
        s = series(category, period)
    except AqylError as error:
        raise _fail(error.message(ml)) from None
    if show_history:
        versions = [v for v in history(s.category, s.period) if v.language in langs]
        if not versions:
            console.print(TEXT["no_versions"].get(ml), soft_wrap=True)
            return
        in_effect = {v.id for k in AUTHORED_SECTIONS for lg in langs if (v := current(s.category, s.period, k, lg))}
        console.print(f"[bold]{TEXT['history'].get(ml)}[/bold]")
        for v in versions:
            first = v.text.splitlines()[0]
            mark = f" · {TEXT['in_effect'].get(ml).format(period=s.period.code)}" if v.id in in_effect else ""
            console.print(f"{section_name(v.section, ml)} ({v.language}) · {TEXT['from'].get(ml).format(period=v.valid_from)}"
                          f" · {v.author_name} · {v.created_at:%Y-%m-%d %H:%M}{mark}\n"
                          f"    {escape(first if len(first) <= 72 else first[:71] + '…')}", highlight=False, soft_wrap=True)
        return
    for key in AUTHORED_SECTIONS:
        for lg in langs:
            v = current(s.category, s.period, key, lg)
            head = f"[bold]{section_name(key, lg)}[/bold] ({lg})"
            if v is None:
                console.print(f"{head} — {TEXT['none'].get(ml)}\n", highlight=False, soft_wrap=True)
                continue
            meta = f"{TEXT['from'].get(ml).format(period=v.valid_from)} · {v.author_name} · {v.created_at:%Y-%m-%d %H:%M}"
            console.print(f"{head}\n[dim]{escape(meta)}[/dim]\n{escape(v.text)}\n", highlight=False, soft_wrap=True)
