"""The sections of the analytical note an analyst writes (see note.AUTHORED_SECTIONS), kept in the
database per report series — a category and a kind of period — with who wrote each version and
when. A version applies from its period on: the note for period P carries the version with the
latest starting period not after P (the most recently saved of those), so a text written for
H1 2023 is in the H1 2024 note until someone changes it, and a change made for H1 2024 leaves
the H1 2023 note as it was. Nothing is changed in place: every save adds a version."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from aqyl.domain.classifiers import CATEGORY, Period, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES, Label
from aqyl.domain.report.note import AUTHORED_SECTIONS
from aqyl.domain.report.phrases import T
from aqyl.store import models as m


class NoteTextError(AqylError):
    pass


def series_of(period: Period) -> str:
    """The kind of period a series is made of: the first half-years (H1), the second (H2), …"""
    if period.kind == "half":
        return f"H{period.half}"
    return "AY" if period.kind == "academic_year" else "Y"


@dataclass(frozen=True)
class Series:
    category: str
    period: Period

    @property
    def series(self) -> str:
        return series_of(self.period)

    def versions(self):
        return m.NoteText.objects.filter(category=self.category, series=self.series).select_related("author")

    def in_effect(self):
        """Versions that may apply to the period, the one that does first for each section and language."""
        return self.versions().filter(valid_from__lte=self.period.code).order_by("-valid_from", "-created_at", "-id")


def series(category: str, period: str | Period) -> Series:
    """The series of ``category`` (a code or a label) and ``period`` (a code); typed errors otherwise."""
    return Series(CATEGORY.encode(category), period if isinstance(period, Period) else parse_period(period))


def check_section(section: str) -> str:
    if section not in AUTHORED_SECTIONS:
        known = [Label(*(f"{key} — {name}" for name in T[f"h_{key}"])) for key in AUTHORED_SECTIONS]
        raise NoteTextError("note_text_unknown_section", value=section, known=known)
    return section


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise NoteTextError("note_text_unknown_language", value=lang)
    return lang


def normalised(text: str) -> str:
    """Line ends as \\n, no spaces at line ends, at most one blank line between paragraphs."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def current(category: str, period: str | Period, section: str, lang: str) -> m.NoteText | None:
    """The version the note of ``period`` carries for one section and language, if any."""
    s = series(category, period)
    return s.in_effect().filter(section=check_section(section), language=check_language(lang)).first()


def texts_for(category: str, period: str | Period, lang: str) -> dict[str, str]:
    """Section key → the text the note of ``period`` in ``lang`` carries (sections without one left out)."""
    found: dict[str, str] = {}
    for version in series(category, period).in_effect().filter(language=check_language(lang)):
        found.setdefault(version.section, version.text)
    return {key: found[key] for key in AUTHORED_SECTIONS if key in found}


def texts_stamp() -> str:
    """A text that changes whenever a section is saved (versions are only added)."""
    from django.db.models import Count, Max

    state = m.NoteText.objects.aggregate(last=Max("id"), n=Count("id"))
    return f"{state['last']}/{state['n']}"


def history(category: str, period: str | Period, section: str | None = None,
            lang: str | None = None) -> list[m.NoteText]:
    """Every version of the series (all starting periods), the most recently saved first."""
    qs = series(category, period).versions()
    if section is not None:
        qs = qs.filter(section=check_section(section))
    if lang is not None:
        qs = qs.filter(language=check_language(lang))
    return list(qs.order_by("-created_at", "-id"))


def set_text(category: str, period: str | Period, section: str, lang: str, text: str, *, user=None,
             author_name: str = "", based_on: int | None = None) -> tuple[m.NoteText, bool]:
    """Save ``text`` as the new version of a section, applying from ``period`` on. Returns the
    version in effect and whether it is new: a text equal to the one in effect adds nothing.
    ``based_on`` is the id of the version the editor started from (0: none); if another was saved
    meanwhile, nothing is stored and the error says who saved it."""
    s = series(category, period)
    check_section(section)
    check_language(lang)
    text = normalised(text)
    if not text:
        raise NoteTextError("note_text_empty")
    who = user if user is not None and getattr(user, "is_authenticated", False) else None
    name = who.get_username() if who else author_name
    with transaction.atomic():
        before = current(s.category, s.period, section, lang)
        if based_on is not None and (before.id if before else 0) != based_on:
            raise NoteTextError("note_text_conflict", who=before.author_name if before else "–",
                                when=f"{before.created_at:%Y-%m-%d %H:%M}" if before else "–")
        if before is not None and before.text == text:
            return before, False
        version = m.NoteText.objects.create(category=s.category, series=s.series, section=section, language=lang,
                                            valid_from=s.period.code, text=text, author=who, author_name=name)
        m.AuditEntry.objects.create(
            user=who, username=name, action="note_text.set", target=str(version),
            before=_state(before), after=_state(version))
    return version, True


def _state(version: m.NoteText | None) -> dict | None:
    if version is None:
        return None
    return {"id": version.id, "valid_from": version.valid_from, "text": version.text, "author": version.author_name}
