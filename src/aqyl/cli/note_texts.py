"""``aqyl note-text``: the sections of the analytical note an analyst writes, set from a text file
and shown with their versions. Here ``--lang`` is the text's language; messages follow it too."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from aqyl.app.note_texts import set_section, show_sections
from aqyl.app.system import open_database
from aqyl.cli.present import console, message_lang
from aqyl.domain.wording.commands import say

app = typer.Typer(help="Sections of the note an analyst writes (benefits, recommendations): set from a file, show.",
                  no_args_is_help=True)

SectionOption = Annotated[str, typer.Option("--section", help="benefits or recommendations.")]
CategoryOption = Annotated[str, typer.Option("--category", help="faculty, researcher, staff or student.")]
PeriodOption = Annotated[str, typer.Option("--period", help="The note's period, e.g. 2023H1.")]


def section_name(section: str, lang: str) -> str:
    from aqyl.domain.report.phrases import T

    return T[f"h_{section}"].get(lang)


def _print(text: str) -> None:
    console.print(text, highlight=False, soft_wrap=True)


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
    ml = message_lang(lang)
    open_database()
    saved = set_section(category, period, section, lang, file, user, f"cli:{getpass.getuser()}")
    fields = {"section": section_name(section, ml), "lang": lang, "period": saved.period, "n": saved.version}
    _print(escape(say("cli_text_saved" if saved.created else "cli_text_unchanged", ml, **fields)))


@app.command("show")
def show(
    category: CategoryOption,
    period: PeriodOption,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language: kk, ru or en.")] = None,
    show_history: Annotated[bool, typer.Option("--history", help="List every version of the series.")] = False,
) -> None:
    """The texts the note of PERIOD carries, with who wrote them and when; --history: every version."""
    ml = message_lang(lang)
    open_database()
    shown = show_sections(category, period, lang, show_history)
    if show_history:
        if not shown.history:
            console.print(say("text_no_versions", ml), soft_wrap=True)
            return
        console.print(f"[bold]{say('cli_text_history', ml)}[/bold]")
        for v in shown.history:
            first = v.text.splitlines()[0]
            mark = f" · {say('cli_text_in_effect', ml, period=shown.period)}" if v.in_effect else ""
            _print(f"{section_name(v.section, ml)} ({v.language}) · {say('text_from', ml, period=v.valid_from)}"
                   f" · {v.author} · {v.created_at:%Y-%m-%d %H:%M}{mark}\n"
                   f"    {escape(first if len(first) <= 72 else first[:71] + '…')}")
        return
    for key, lg, v in shown.sections:
        head = f"[bold]{section_name(key, lg)}[/bold] ({lg})"
        if v is None:
            _print(f"{head} — {say('cli_text_none', ml)}\n")
            continue
        meta = f"{say('text_from', ml, period=v.valid_from)} · {v.author} · {v.created_at:%Y-%m-%d %H:%M}"
        _print(f"{head}\n[dim]{escape(meta)}[/dim]\n{escape(v.text)}\n")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="note-text")
