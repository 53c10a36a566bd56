"""The note's words and numbers: how a writer of the analytical note says a count, a percent, a
change, a country with its case ending, a footnote of an estimate, and how it numbers its tables and
charts. :class:`aqyl.domain.report.note.NoteWriter` writes the sections with these."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from aqyl.domain import grammar
from aqyl.domain.classifiers import (
    COUNTRY,
    DEGREE,
    FIELD,
    FORMAT,
    HEI_TYPE,
    PROGRAMME,
    STUDY_LEVEL,
    parse_period,
)
from aqyl.domain.numbers import collation_key, fmt_int, fmt_pct, plural
from aqyl.domain.organisation import organisation
from aqyl.domain.persons import PersonIndicators
from aqyl.domain.report import phrases as ph
from aqyl.domain.report.document import (
    Block,
    Cell,
    Column,
    Paragraph,
    Row,
    Table,
)
from aqyl.domain.report.model import DIRECTIONS

DASH = "–"
_DASH_NUMBER = re.compile(r"– (?=\d)")


class _Fields(string.Formatter):
    """``{When}`` is ``{when}`` with a capital first letter, so one field serves both positions."""

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs and key[:1].isupper() and key.lower() in kwargs:
            value = str(kwargs[key.lower()])
            return value[:1].upper() + value[1:]
        return super().get_value(key, args, kwargs)


_FORMATTER = _Fields()


def lower_first(text: str) -> str:
    # Keep abbreviations ("АҚ", "PhD", "ИКТ") as they are; lower a capitalised word.
    return text[:1].lower() + text[1:] if len(text) > 1 and not text[1:2].isupper() else text


def list_items(items: Sequence[str]) -> tuple[str, ...]:
    """Items of a lower-case list after a colon, punctuated as official documents do: ";" after each,
    "." after the last."""
    items = list(items)
    return tuple(f"{item};" for item in items[:-1]) + ((f"{items[-1]}.",) if items else ())


def place_and_date(city: str, day: date, lang: str) -> str:
    """"Астана, 2026 жылғы 1 желтоқсан" — the title page's place and date in words."""
    return ph.PLACE_DATE.get(lang).format(city=city, year=day.year, day=day.day, month=ph.MONTHS[lang][day.month - 1])


class NoteWords:
    """The state of one note being written and the ways it says things (the sections are in NoteWriter)."""

    def __init__(self, report: Mapping[str, Any], lang: str, generated: str = "",
                 authored: Mapping[str, str] | None = None, org: Mapping[str, Any] | None = None,
                 persons: PersonIndicators | None = None, placeholders: bool = False):
        self.r = report
        self.lang = lang
        self.generated = generated
        # Sections an analyst writes (AUTHORED_SECTIONS key -> text in this language, paragraphs
        # separated by blank lines); kept in the database, so regenerating the note keeps them.
        self.authored = dict(authored or {})
        self.authored_applies = authored is not None  # None: a narrowed note, which leaves them out
        self.placeholders = placeholders
        self.org = org or organisation()
        self.persons = persons
        self.rule_said = False  # the materiality threshold is stated once, where a share is first compared
        meta = report["meta"]
        self.period = parse_period(meta["period"])
        self.compare = parse_period(meta["compare"]) if meta.get("compare") else None
        self.category = meta.get("filters", {}).get("category", "faculty")
        self.cur = report["periods"][self.period.code]
        self.prev = report["periods"].get(self.compare.code) if self.compare else None
        self.level_dim = "by_study_level" if self.category == "student" else "by_degree"
        self.estimates = meta.get("estimates", {})
        self.blocks: list[Block] = []
        self.examples: dict[str, str] = {}
        self.marks: dict[str, str] = {}  # period of estimates -> its mark
        self.owed: list[str] = []  # periods whose first mark is not explained yet
        self.table_no = 0
        self.chart_no = 0
        self.appendix_no = 0

    # -- words and numbers --------------------------------------------------------------------
    def t(self, key: str, **fields: Any) -> str:
        # A figure stays on the line of the dash before it ("1 пол. 2022 г. – 313").
        text = _DASH_NUMBER.sub("–\u00a0", _FORMATTER.format(ph.T[key].get(self.lang), **fields))
        self.examples.setdefault(key, text)  # the phrase book shows the first use of each pattern
        return text

    def n(self, value: int) -> str:
        return fmt_int(value, self.lang)

    def pct(self, value: float, decimals: int = 1) -> str:
        return fmt_pct(value, self.lang, decimals)

    def people(self, count: int) -> str:
        return f"{self.n(count)} {plural(count, ph.PEOPLE[self.lang], self.lang)}"

    def counted(self, count: int) -> str:
        """A number of participants as the totals sentences count them: "382 ПОҚ", "382 человека"."""
        if self.lang == "kk":
            return f"{self.n(count)} {ph.COUNTED_KK[self.category]}"
        return self.people(count)

    def countries(self, count: int) -> str:
        return f"{self.n(count)} {plural(count, ph.COUNTRIES[self.lang], self.lang)}"

    def join(self, items: Sequence[str], sep: str = ", ") -> str:
        """"A, B and C" — the last pair joined by the language's "and"."""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return f"{sep.join(items[:-1])} {self.t('and')} {items[-1]}"

    def growth(self, g: Mapping[str, Any]) -> str:
        kind, times = g["wording"], g["times"]
        fields: dict[str, str] = {"n": str(times)}
        if times:
            fields["kk_n"] = ph.NUMBER_WORDS_KK.get(times, str(times))
            fields["ru_times"] = plural(times, ph.TIMES_RU, "ru")
            fields["en_times"] = ph.EN_TIMES.get(times, f"grew {times}-fold")
        if g.get("previous"):
            # From the two counts, rounded once here (the model's percent is already rounded).
            exact = abs(g["current"] - g["previous"]) / g["previous"] * 100
            fields["p"] = self.pct(exact, 0 if exact >= 10 else 1)
        text = ph.GROWTH[kind].get(self.lang)
        # English has verbs up to "quadrupled"; beyond, "nearly"/"more than" move inside "grew … -fold".
        if self.lang == "en" and kind in ("nearly_times", "more_than_times") and times not in ph.EN_TIMES:
            text = "grew nearly {n}-fold" if kind == "nearly_times" else "grew more than {n}-fold"
        if self.lang == "en" and kind == "times_down" and times == 2:
            text = "halved"
        return text.format(**fields)

    def label(self, dimension: str, code: str) -> str:
        if dimension == "by_hei_type" and code in ph.HEI_TYPE_ITEM:
            # As the section's list names them ("Национальные", "АО"), not the classifier's singular.
            text = ph.HEI_TYPE_ITEM[code].get(self.lang)
            return text[:1].upper() + text[1:]
        table = {"by_hei_type": HEI_TYPE, "by_format": FORMAT, "by_degree": DEGREE, "by_study_level": STUDY_LEVEL,
                 "by_field": FIELD, "by_country": COUNTRY, "by_programme": PROGRAMME}[dimension]
        if code not in table:
            return code
        text = table.label(code, self.lang)
        return f"{code} {text}" if dimension == "by_field" else text

    def level_forms(self, code: str) -> tuple[str, str]:
        """A degree or level of study as a group of people: (nominative plural, genitive plural)."""
        key = "master_level" if self.level_dim == "by_study_level" and code == "master" else code
        if key not in ph.LEVEL_PLURAL:
            name = self.label(self.level_dim, code)
            return name, name
        return ph.LEVEL_PLURAL[key].get(self.lang), ph.LEVEL_GENITIVE[key].get(self.lang)

    def field_name(self, code: str) -> str:
        return lower_first(FIELD.label(code, self.lang)) if code in FIELD else code

    def group(self, direction: str) -> str:
        return ph.GROUP[self.category][DIRECTIONS.index(direction)].get(self.lang)

    def group_gen(self, direction: str) -> str:
        """The group in the genitive plural where Russian needs it; the nominative elsewhere."""
        if self.lang == "ru":
            return ph.GROUP_GEN_RU[self.category][DIRECTIONS.index(direction)]
        return self.group(direction)

    def subject(self) -> str:
        return ph.SUBJECT[self.category].get(self.lang)

    def activity(self) -> str:
        return ph.ACTIVITY[self.category].get(self.lang)

    def words(self, direction: str | None = None) -> dict[str, str]:
        """The category's words every pattern may use, plus the periods."""
        kind = "student" if self.category == "student" else "staff"
        f = {"subject": self.subject(), "activity": self.activity(), **self.period_fields(),
             # Kazakh keeps the noun singular after "ең көп" / "ең аз" ("ең көп білім алушы жіберген").
             "kk_one": ph.COUNTED_KK[self.category], "ran": ph.RAN[kind].get(self.lang), **ph.VERBS[kind]}
        if direction:
            f |= {"group": self.group(direction), "group_gen": self.group_gen(direction)}
        return f

    def country_to(self, code: str) -> str:
        """Where people went: kk dative, ru "в"/"на" + accusative, en the name."""
        name = self.label("by_country", code)
        return {"kk": lambda: grammar.kk_case(name, "dat"), "ru": lambda: grammar.ru_to(name),
                "en": lambda: name}[self.lang]()

    def country_from(self, code: str) -> str:
        name = self.label("by_country", code)
        return {"kk": lambda: grammar.kk_case(name, "abl"), "ru": lambda: grammar.ru_from(name),
                "en": lambda: name}[self.lang]()

    def ranked_countries(self, counts: Mapping[str, int]) -> dict[str, int]:
        """Largest first; equal counts in the alphabetical order of the note's language."""
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], collation_key(
            COUNTRY.label(kv[0], self.lang) if kv[0] in COUNTRY else kv[0], self.lang))))

    def period_fields(self) -> dict[str, str]:
        f = {"when": self.period.when.get(self.lang), "cur_short": self.period.short.get(self.lang),
             "period_label": self.period.label.get(self.lang)}
        if self.compare:
            f |= {"versus": self.compare.versus.get(self.lang), "prev_short": self.compare.short.get(self.lang),
                  "prev_when": self.compare.when.get(self.lang)}
        return f

    # -- provenance ---------------------------------------------------------------------------
    def estimated(self, period: str, path: str) -> bool:
        """Whether a figure (``"outgoing.by_country.UZ"``) of ``period`` rests on an estimate."""
        spec = self.estimates.get(period)
        if not spec or path in spec.get("keep", []):
            return False
        return any(path == p or path.startswith(p + ".") for p in spec.get("figures", []))

    def mark(self, path: str) -> str:
        """The mark an estimated figure of the comparison period carries right after it ("*", "**" for a
        second source of estimates), "" for a figure that is not one. The first mark of a source owes
        its explanation: :meth:`add` puts it right after the block that carries the mark."""
        if not self.compare or not self.estimated(self.compare.code, path):
            return ""
        period = self.compare.code
        if period not in self.marks:
            self.marks[period] = "*" * (len(self.marks) + 1)
            self.owed.append(period)
        return self.marks[period]

    def explanation(self, period: str) -> str:
        """"* Оценочные данные: …": once per source of estimates; the later marks point to it."""
        return self.t("estimate", mark=self.marks[period], x=self.estimates[period]["basis"][self.lang])

    def note_of(self, marks: Iterable[str]) -> str:
        """The explanation a table or chart sheet shows under itself when some of its figures are marked."""
        return " ".join(self.explanation(p) for p, mk in self.marks.items() if mk in set(marks))

    # -- blocks -------------------------------------------------------------------------------
    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
        while self.owed:  # the explanation of an estimate's first mark, right under the block that has it
            self.blocks.append(Paragraph(self.explanation(self.owed.pop(0))))

    def para(self, key: str, footnotes: tuple[str, ...] = (), /, **fields: Any) -> None:
        self.add(Paragraph(self.t(key, **{**self.words(), **fields}), footnotes))

    def next_table(self) -> int:
        self.table_no += 1
        return self.table_no

    def next_chart(self) -> int:
        self.chart_no += 1
        return self.chart_no

    def count_table(self, key: str, caption: str, dimension: str, counts: Mapping[str, int], total: int,
                    label_header: str, *, ranked: bool, total_label: str | None = None) -> Table:
        cols = [Column(self.t("col_no"), "rank")] if ranked else []
        cols += [Column(label_header), Column(self.t("col_people"), "number"), Column(self.t("col_share"), "percent")]
        rows = []
        for i, (code, count) in enumerate(counts.items(), start=1):
            share = round(count / total * 100, 1) if total else 0.0
            cells = [Cell(f"{i}.", i)] if ranked else []
            cells += [Cell(self.label(dimension, code), code), Cell(self.n(count), count), Cell(self.pct(share), share)]
            rows.append(Row(tuple(cells)))
        total_cells = [Cell("")] if ranked else []
        total_cells += [Cell(total_label or self.t("total")), Cell(self.n(total), total), Cell("")]
        rows.append(Row(tuple(total_cells), "total"))
        return Table(key, caption, tuple(cols), tuple(rows))

    # -- sections -----------------------------------------------------------------------------
