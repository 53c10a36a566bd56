"""The sections of the analytical note an analyst writes: a new version from a text file, and
what the note of a period carries (or every version of a series)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES


@dataclass(frozen=True)
class Saved:
    section: str
    lang: str
    period: str  # the code the text applies from
    version: int  # how many versions the series now has
    created: bool  # False: the text was the one in effect, nothing new


def set_section(category: str, period: str, section: str, lang: str, file: Path, username: str | None,
                author_name: str) -> Saved:
    """Save a new version of ``section`` in ``lang`` from a UTF-8 file, applying from ``period`` on."""
    from aqyl.app.imports import storer
    from aqyl.store.note_texts import check_language, check_section, history, normalised, series, set_text

    check_section(section)
    check_language(lang)
    s = series(category, period)
    try:
        text = normalised(file.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise AqylError("file_missing", file=file) from None
    except UnicodeDecodeError as error:
        raise AqylError("note_text_file_not_utf8", file=file, where=error.start + 1) from None
    if not text:
        raise AqylError("note_text_file_empty", file=file)
    account = storer(username, author_name).account if username else None
    _, created = set_text(s.category, s.period, section, lang, text, user=account, author_name=author_name)
    return Saved(section, lang, s.period.code, len(history(s.category, s.period, section, lang)), created)


@dataclass(frozen=True)
class Version:
    section: str
    language: str
    valid_from: str
    author: str
    created_at: datetime
    text: str
    in_effect: bool  # the version the note of the period asked about carries


@dataclass(frozen=True)
class Shown:
    period: str
    sections: list[tuple[str, str, Version | None]]  # (section, language, the version in effect)
    history: list[Version]  # with ``history`` only


def show_sections(category: str, period: str, lang: str | None, with_history: bool) -> Shown:
    from aqyl.domain.report.note import AUTHORED_SECTIONS
    from aqyl.store.note_texts import check_language, current, history, series

    langs = [check_language(lang)] if lang else list(LANGUAGES)
    s = series(category, period)

    def version(v, in_effect: bool) -> Version:
        return Version(v.section, v.language, v.valid_from, v.author_name, v.created_at, v.text, in_effect)

    if with_history:
        in_effect = {v.id for k in AUTHORED_SECTIONS for lg in langs if (v := current(s.category, s.period, k, lg))}
        versions = [version(v, v.id in in_effect) for v in history(s.category, s.period) if v.language in langs]
        return Shown(s.period.code, [], versions)
    sections = []
    for key in AUTHORED_SECTIONS:
        for lg in langs:
            v = current(s.category, s.period, key, lg)
            sections.append((key, lg, version(v, True) if v else None))
    return Shown(s.period.code, sections, [])


# --- what the reports page reads and writes, section by section (the store's rules as they are;
# imported on use, as the command line loads this module before the database is set up) --------
def series(category: str, period: str):
    """The series (category × kind of period) a period's texts belong to; AqylError if unknown."""
    from aqyl.store.note_texts import series as of

    return of(category, period)


def check_section(section: str) -> str:
    from aqyl.store.note_texts import check_section as check

    return check(section)


def check_language(lang: str) -> str:
    from aqyl.store.note_texts import check_language as check

    return check(lang)


def current(category: str, period, section: str, lang: str):
    """The version in effect for the period (None: none written)."""
    from aqyl.store.note_texts import current as in_effect

    return in_effect(category, period, section, lang)


def history(category: str, period, section: str | None = None, lang: str | None = None):
    """Every version of the series, the most recently saved first."""
    from aqyl.store.note_texts import history as versions

    return versions(category, period, section, lang)


def set_text(category: str, period, section: str, lang: str, text: str, *, user=None, based_on: int | None = None):
    """A new version from the period on, audited; (version, False) when the text is unchanged."""
    from aqyl.store.note_texts import set_text as save

    return save(category, period, section, lang, text, user=user, based_on=based_on)
