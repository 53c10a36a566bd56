"""Write the analytical note from the report model: the sections of the 2023 note, in one language,
as a Document of headings, prose, tables and charts. Every number in the prose is taken from the
report model and formatted the way the language writes it; percents of change are computed from
the two counts and rounded once, where they are printed.

Ordering rule for equal counts, the same in every language: countries with the same count follow
the Kazakh alphabet (the 2023 note's language of record), other categories the classifier's order.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
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
    REGION,
    STUDY_LEVEL,
    parse_period,
)
from aqyl.domain.numbers import collation_key, fmt_int, fmt_pct, plural
from aqyl.domain.organisation import organisation
from aqyl.domain.persons import PersonIndicators, section_blocks
from aqyl.domain.report import phrases as ph
from aqyl.domain.report.document import (
    Block,
    Bullets,
    Cell,
    Chart,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Series,
    Table,
)
from aqyl.domain.report.growth import Growth
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


def _lower_first(text: str) -> str:
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


class NoteWriter:
    def __init__(self, report: Mapping[str, Any], lang: str, generated: str = "",
                 authored: Mapping[str, str] | None = None, org: Mapping[str, Any] | None = None,
                 persons: PersonIndicators | None = None):
        self.r = report
        self.lang = lang
        self.generated = generated
        # Sections an analyst writes (AUTHORED_SECTIONS key -> text in this language, paragraphs
        # separated by blank lines); kept in the database, so regenerating the note keeps them.
        self.authored = dict(authored or {})
        self.org = org or organisation()
        self.persons = persons
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
        self.first_note: dict[str, int] = {}
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
        return _lower_first(FIELD.label(code, self.lang)) if code in FIELD else code

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
        f = {"subject": self.subject(), "activity": self.activity(), **self.period_fields()}
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
        """Largest first; equal counts in the Kazakh alphabet, whatever the note's language."""
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], collation_key(COUNTRY.label(kv[0], "kk")
                                                                                  if kv[0] in COUNTRY else kv[0], "kk"))))

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

    def footnote(self, period: str) -> str:
        """The first estimate footnote says what it rests on; the later ones point back to it."""
        if period in self.first_note:
            return self.t("estimate_again", n=self.first_note[period])
        # Renderers number footnotes through the document in block order, as they are added here.
        self.first_note[period] = 1 + sum(len(getattr(b, "footnotes", ())) for b in self.blocks)
        return self.t("estimate", x=self.estimates[period]["basis"][self.lang])

    def notes_for(self, *paths: str) -> tuple[str, ...]:
        """The footnote of the comparison period when any of ``paths`` of it is an estimate."""
        if self.compare and any(self.estimated(self.compare.code, p) for p in paths):
            return (self.footnote(self.compare.code),)
        return ()

    # -- blocks -------------------------------------------------------------------------------
    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

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
    def build(self) -> Document:
        from aqyl.domain.report import analysis

        self.totals()
        self.hei_types()
        self.formats()
        self.countries_section()
        self.levels()
        self.fields_section()
        self.programmes()
        analysis.regions(self)
        analysis.least_active(self)
        analysis.trend(self)
        if self.persons is not None and self.persons.persons:
            # People followed across HEIs and half-years by their pseudonymous IDs (aqyl.domain.persons).
            heading, *rest = section_blocks(self.persons, self.lang)
            assert isinstance(heading, Heading)
            self.add(Heading(heading.text), *rest)
        self.conclusions()
        self.authored_sections()
        self.appendices()
        return Document(self.lang, ph.TITLE[self.category].get(self.lang), self.title_lines(), tuple(self.blocks),
                        self.t("footer", x=self.period.label.get(self.lang)),
                        issuer=self.org["name"][self.lang], place_date=self.place_date())

    def place_date(self) -> str:
        day = date.fromisoformat(self.generated) if self.generated else date.today()
        return place_and_date(self.org["city"][self.lang], day, self.lang)

    def title_lines(self) -> tuple[str, ...]:
        lines = [self.t("period", x=self.period.label.get(self.lang))]
        if self.compare:
            lines.append(self.t("compare", x=self.compare.label.get(self.lang)))
        elif self.r["meta"].get("compare_missing"):
            lines.append(self.t("no_compare", x=parse_period(self.r["meta"]["compare_missing"]).label.get(self.lang)))
        filters = self.r["meta"].get("filters", {})
        parts = [HEI_TYPE.label(c, self.lang) for c in filters.get("hei_types", [])]
        parts += [REGION.label(c, self.lang) for c in filters.get("regions", [])]
        parts += [PROGRAMME.label(c, self.lang) for c in filters.get("programmes", [])]
        parts += list(filters.get("heis", []))
        if parts:
            lines.append(self.t("filters", x=", ".join(parts)))
        return tuple(lines)

    def totals(self) -> None:
        self.add(Heading(self.t("h_totals")), Paragraph(ph.INTRO[self.category].get(self.lang)))
        self.coverage()
        for direction in ("incoming", "outgoing"):
            d = self.cur[direction]
            if not d["total"]:
                self.para("none_direction", **self.words(direction))
                continue
            fh, kh, total = d.get("foreign_heis", 0), d["kz_heis"], d["total"]
            words = {
                "ru_foreign_from": plural(fh, {"one": "зарубежного вуза", "other": "зарубежных вузов"}, "ru"),
                "ru_foreign_to": plural(fh, {"one": "зарубежный вуз", "few": "зарубежных вуза", "many": "зарубежных вузов",
                                             "other": "зарубежных вуза"}, "ru"),
                "ru_invited": plural(kh, ph.INVITED_RU, "ru"), "ru_went": plural(total, ph.WENT_RU, "ru"),
                "ru_activity_for": ph.ACTIVITY_FOR_RU[self.category],
                "people_acc": f"{self.n(total)} {plural(total, ph.PEOPLE_ACC_RU, 'ru')}",
                "en_heis_f": "HEI" if fh == 1 else "HEIs", "en_heis_k": "HEI" if kh == 1 else "HEIs",
            }
            key = ("in_total" if direction == "incoming" else "out_total") + ("" if fh else "_no_partners")
            self.para(key, people=self.people(total), counted=self.counted(total), foreign_heis=self.n(fh),
                      kz_heis=self.n(kh), **words)
        if self.prev is not None:
            g = self.r["growth"]
            self.para("growth_total", growth=self.growth(g["both"]["total"]), prev=self.n(self.prev["both"]["total"]),
                      cur=self.n(self.cur["both"]["total"]))
            self.para("growth_split", g_out=self.growth(g["outgoing"]["total"]), g_in=self.growth(g["incoming"]["total"]),
                      group_out=self.group_gen("outgoing"), group_in=self.group_gen("incoming"),
                      out_prev=self.n(self.prev["outgoing"]["total"]), out_cur=self.n(self.cur["outgoing"]["total"]),
                      in_prev=self.n(self.prev["incoming"]["total"]), in_cur=self.n(self.cur["incoming"]["total"]))
        elif self.r["meta"].get("compare_missing"):
            self.para("compare_missing", x=parse_period(self.r["meta"]["compare_missing"]).label.get(self.lang))

    def coverage(self) -> None:
        cov = self.r["meta"].get("coverage")
        if not cov:
            return
        label = self.period.label.get(self.lang)
        submitted, registered = cov["submitted"], cov["registered"]
        if submitted == 0:
            self.para("coverage_none", label=label, registered=self.n(registered))
        elif submitted == registered:
            self.para("coverage_all", label=label, registered=self.n(registered))
        else:
            self.para("coverage", label=label, submitted=self.n(submitted), registered=self.n(registered),
                      ru_submitted=plural(submitted, ph.SUBMITTED_RU, "ru"))
            self.para("coverage_appendix", n=self.appendix_of_missing())

    def appendix_of_missing(self) -> int:
        """The number of the appendix listing HEIs that did not submit: after the two HEI appendices."""
        return 1 + sum(1 for d in DIRECTIONS if self.cur[d].get("by_hei"))

    def _leader(self, counts: Mapping[str, int]) -> str | None:
        best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        return best[0] if best[1] else None

    def hei_types(self) -> None:
        self.add(Heading(self.t("h_hei_type")))
        for appendix, direction in enumerate(DIRECTIONS, start=1):
            d = self.cur[direction]
            if not d["total"]:
                continue
            items = [self.t("count_share", label=ph.HEI_TYPE_ITEM[c].get(self.lang), people=self.people(n),
                            share=self.pct(d["shares"]["by_hei_type"][c]))
                     for c, n in d["by_hei_type"].items() if n]
            self.add(Bullets(list_items(items), self.t("hei_type_lead", **self.words(direction), appendix=appendix)))
            leader = self._leader(d["by_hei_type"])
            if leader is None:
                continue
            text = self.t("hei_type_leader_out" if direction == "outgoing" else "hei_type_leader_in",
                          **self.words(direction), leader=ph.HEI_TYPE_PLURAL[leader].get(self.lang),
                          people=self.people(d["by_hei_type"][leader]))
            notes: tuple[str, ...] = ()
            if self.prev is not None and self.prev[direction]["total"]:
                before = self.prev[direction]["by_hei_type"]
                prev_leader = self._leader(before)
                if prev_leader == leader:
                    text += " " + self.t("leader_same", **self.words(direction), people=self.people(before[leader]))
                elif prev_leader is not None:
                    text += " " + self.t("leader_other", **self.words(direction),
                                         leader=ph.HEI_TYPE_PLURAL[prev_leader].get(self.lang),
                                         people=self.people(before[prev_leader]))
                if prev_leader is not None:
                    notes = self.notes_for(f"{direction}.by_hei_type.{prev_leader}")
            self.add(Paragraph(text, notes))
        for direction in DIRECTIONS:
            self._period_chart(direction, "by_hei_type", "chart_hei_type")

    def _period_chart(self, direction: str, dimension: str, caption_key: str) -> None:
        d = self.cur[direction]
        if not d["total"]:
            return
        codes = [c for c in d[dimension] if d[dimension][c] or (self.prev and self.prev[direction][dimension].get(c))]
        series = []
        if self.prev is not None and self.compare is not None and self.prev[direction]["total"]:
            series.append(Series(self.compare.short.get(self.lang),
                                 tuple(self.prev[direction][dimension].get(c, 0) for c in codes)))
        series.append(Series(self.period.short.get(self.lang), tuple(d[dimension][c] for c in codes)))
        n = self.next_chart()
        self.add(Chart(f"chart_{n}", self.t(caption_key, n=n, group=self.group(direction)), "bar",
                       tuple(self.label(dimension, c) for c in codes), tuple(series), self.t("col_people")))

    def formats(self) -> None:
        self.add(Heading(self.t("h_format")))
        leaders = {}
        for direction in DIRECTIONS:
            d = self.cur[direction]
            if not d["total"]:
                continue
            items = [self.t("count_share", label=_lower_first(FORMAT.label(c, self.lang)), people=self.people(n),
                            share=self.pct(d["shares"]["by_format"][c])) for c, n in d["by_format"].items() if n]
            self.add(Bullets(list_items(items), self.t("format_lead", **self.words(direction))))
            leaders[direction] = self._leader(d["by_format"])
        fmt = {k: ph.FORMAT_NAME[v].get(self.lang) if v in ph.FORMAT_NAME else v for k, v in leaders.items() if v}
        if len(fmt) == 2 and leaders["outgoing"] == leaders["incoming"]:
            self.para("format_both", label=fmt["outgoing"])
        elif len(fmt) == 2:
            self.para("format_each", out=fmt["outgoing"], in_=fmt["incoming"],
                      group_out=self.group_gen("outgoing"), group_in=self.group_gen("incoming"))

    def countries_section(self) -> None:
        self.add(Heading(self.t("h_country")))
        for direction in DIRECTIONS:
            d = self.cur[direction]
            if not d["total"]:
                continue
            no = self.next_table()
            by_country = self.ranked_countries(d["by_country"])
            place = self.country_to if direction == "outgoing" else self.country_from
            top = [f"{place(c)} ({self.people(n)})" for c, n in list(by_country.items())[:3]]
            self.para("country_top_" + ("out" if direction == "outgoing" else "in"), **self.words(direction),
                      table=no, list=self.join(top))
            leader = next(iter(by_country), None)
            if leader and self.prev is not None and self.prev[direction]["by_country"]:
                before = self.ranked_countries(self.prev[direction]["by_country"])
                prev_leader = next(iter(before))
                key = "country_leader_same" if prev_leader == leader else "country_leader_other"
                self.para(key, self.notes_for(f"{direction}.by_country.{prev_leader}"),
                          country=self.label("by_country", prev_leader), people=self.people(before[prev_leader]))
            singles = [self.label("by_country", c) for c, n in by_country.items() if n == 1]
            if 0 < len(singles) <= 12 and len(singles) < len(by_country):
                self.para("country_single_" + ("out" if direction == "outgoing" else "in"), list=", ".join(singles))
            self.add(self.count_table(f"table_{no}", self.t("table_country", n=no, group=self.group(direction)),
                                      "by_country", by_country, d["total"], self.t("col_country"), ranked=True,
                                      total_label=self.countries(len(by_country))))
        for direction in DIRECTIONS:
            self._top_countries_chart(direction)
        self.country_sets()

    def _top_countries_chart(self, direction: str) -> None:
        d = self.cur[direction]
        top = list(self.ranked_countries(d["by_country"]).items())[:10]
        if not top:
            return
        n = self.next_chart()
        caption = {"kk": f"{n}-диаграмма. {self.group(direction)[:1].upper()}{self.group(direction)[1:]}: "
                         f"негізгі {len(top)} ел, адам",
                   "ru": f"Диаграмма {n}. {self.group(direction)[:1].upper()}{self.group(direction)[1:]}: "
                         f"{len(top)} основных стран, человек",
                   "en": f"Chart {n}. {self.group(direction)[:1].upper()}{self.group(direction)[1:]}: "
                         f"top {len(top)} countries, people"}[self.lang]
        self.add(Chart(f"chart_{n}", caption, "barh", tuple(self.label("by_country", c) for c, _ in top),
                       (Series(self.period.short.get(self.lang), tuple(v for _, v in top)),), self.t("col_people")))

    def country_sets(self) -> None:
        if self.prev is None or self.compare is None or "country_sets" not in self.r:
            return
        sets = self.r["country_sets"]
        before, now = set(sets[self.compare.code]), set(sets[self.period.code])
        names = {c: self.label("by_country", c) for c in before | now}
        order = sorted(names, key=lambda c: collation_key(names[c], self.lang))
        no = self.next_table()
        self.para("country_sets", table=no, prev=self.countries(len(before)), cur=self.countries(len(now)))
        new, dropped = [names[c] for c in order if c not in before], [names[c] for c in order if c not in now]
        if new:
            self.para("country_new", n=self.n(len(new)), list=", ".join(new))
        if dropped:
            self.para("country_dropped", n=self.n(len(dropped)), list=", ".join(dropped))
        rows = [Row((Cell(f"{i}.", i), Cell(names[c] if c in before else DASH, c if c in before else None),
                     Cell(names[c] if c in now else DASH, c if c in now else None)))
                for i, c in enumerate(order, start=1)]
        rows.append(Row((Cell(""), Cell(self.countries(len(before)), len(before)),
                         Cell(self.countries(len(now)), len(now))), "total"))
        caption = self.t("table_country_sets", n=no, prev=self.compare.short.get(self.lang),
                         cur=self.period.short.get(self.lang))
        self.add(Table(f"table_{no}", caption, (Column(self.t("col_no"), "rank"),
                                                Column(self.compare.short.get(self.lang)),
                                                Column(self.period.short.get(self.lang))), tuple(rows)))

    def levels(self) -> None:
        dim = self.level_dim
        self.add(Heading(self.t("h_study_level" if dim == "by_study_level" else "h_degree")))
        shown = [d for d in DIRECTIONS if self.cur[d]["total"]]
        for direction in shown:
            d = self.cur[direction]
            leader = self._leader(d[dim])
            if leader:
                self.para("largest_group", **self.words(direction), label=self.level_forms(leader)[0],
                          people=self.people(d[dim][leader]), share=self.pct(d["shares"][dim][leader]))
        if len(shown) == 2:
            out, inc = self.cur["outgoing"]["shares"][dim], self.cur["incoming"]["shares"][dim]
            for direction, mine, other in (("incoming", inc, out), ("outgoing", out, inc)):
                other_direction = "outgoing" if direction == "incoming" else "incoming"
                higher = [self.t("share_pair", label=self.level_forms(c)[0], share=self.pct(mine[c]),
                                 other=self.pct(other.get(c, 0.0)), other_group=self.group_gen(other_direction))
                          for c in mine if mine[c] > other.get(c, 0.0)]
                if higher:
                    self.para("share_higher", **self.words(direction), list="; ".join(higher))
        if self.prev is not None:
            for direction in shown:
                if not self.prev[direction]["total"]:
                    continue
                items, paths = [], []
                for code, n in self.cur[direction][dim].items():
                    before = self.prev[direction][dim].get(code, 0)
                    if n or before:
                        items.append(self.t("growth_item", **self.period_fields(), label=self.level_forms(code)[1],
                                            growth=self.growth(Growth(before, n).as_dict()),
                                            prev=self.n(before), cur=self.n(n)))
                        paths.append(f"{direction}.{dim}.{code}")
                self.add(Bullets(list_items(items), self.t("growth_lead", **self.words(direction)), self.notes_for(*paths)))
        key = "table_study_level" if dim == "by_study_level" else "table_degree"
        header = self.t("col_study_level" if dim == "by_study_level" else "col_degree")
        for direction in shown:
            d = self.cur[direction]
            no = self.next_table()
            self.add(self.count_table(f"table_{no}", self.t(key, n=no, group=self.group(direction)), dim, d[dim],
                                      d["total"], header, ranked=False))

    def fields_section(self) -> None:
        self.add(Heading(self.t("h_field")))
        shown = [d for d in DIRECTIONS if self.cur[d]["total"]]
        for direction in shown:
            d = self.cur[direction]
            ranked = sorted(((c, n) for c, n in d["by_field"].items() if n), key=lambda kv: -kv[1])[:3]
            top = [self.t("label_people_share", label=self.field_name(c), people=self.people(n),
                          share=self.pct(d["shares"]["by_field"][c])) for c, n in ranked]
            if top:
                self.para("field_top", **self.words(direction), list="; ".join(top))
            zero = [self.field_name(c) for c, n in d["by_field"].items() if not n]
            if zero:
                # Field names hold "and" themselves, so a list of them is joined by semicolons.
                self.para("field_zero", **self.words(direction), list="; ".join(zero))
        for direction in shown:
            d = self.cur[direction]
            no = self.next_table()
            self.add(self.count_table(f"table_{no}", self.t("table_field", n=no, group=self.group(direction)),
                                      "by_field", d["by_field"], d["total"], self.t("col_field"), ranked=False))
        if len(shown) == 2:
            codes = [c for c in self.cur["both"]["by_field"] if self.cur["both"]["by_field"][c]]
            n = self.next_chart()
            caption = {"kk": f"{n}-диаграмма. Қатысушылар білім беру салалары бойынша, адам",
                       "ru": f"Диаграмма {n}. Участники по областям образования, человек",
                       "en": f"Chart {n}. Participants by field of education, people"}[self.lang]
            self.add(Chart(f"chart_{n}", caption, "barh", tuple(self.label("by_field", c) for c in codes),
                           tuple(Series(self.group(d), tuple(self.cur[d]["by_field"].get(c, 0) for c in codes))
                                 for d in DIRECTIONS), self.t("col_people")))

    def programmes(self) -> None:
        both = self.cur["both"].get("by_programme", {})
        if not both:
            return
        self.add(Heading(self.t("h_programme")))
        top = [self.t("label_people", label=ph.PROGRAMME_IN_TEXT[c].get(self.lang) if c in ph.PROGRAMME_IN_TEXT
                      else self.label("by_programme", c), people=self.people(n)) for c, n in list(both.items())[:2]]
        self.para("programme_top", list=self.join(top))
        no = self.next_table()
        rows = []
        for code, total in both.items():
            out = self.cur["outgoing"].get("by_programme", {}).get(code, 0)
            inc = self.cur["incoming"].get("by_programme", {}).get(code, 0)
            rows.append(Row((Cell(self.label("by_programme", code), code), Cell(self.n(out), out), Cell(self.n(inc), inc),
                             Cell(self.n(total), total))))
        rows.append(Row((Cell(self.t("total")), Cell(self.n(self.cur["outgoing"]["total"]), self.cur["outgoing"]["total"]),
                         Cell(self.n(self.cur["incoming"]["total"]), self.cur["incoming"]["total"]),
                         Cell(self.n(self.cur["both"]["total"]), self.cur["both"]["total"])), "total"))
        cols = (Column(self.t("col_programme")), Column(self.t("col_outgoing"), "number"),
                Column(self.t("col_incoming"), "number"), Column(self.t("total"), "number"))
        self.add(Table(f"table_{no}", self.t("table_programme", n=no), cols, tuple(rows)))

    def conclusions(self) -> None:
        if not self.cur["both"]["total"]:
            return
        from aqyl.domain.report import analysis

        pf = self.words()
        items = [self.t("c_total", **pf, people=self.people(self.cur["both"]["total"]),
                        ru_took_part=plural(self.cur["both"]["total"], ph.TOOK_PART_RU, "ru"),
                        group_out=self.group("outgoing"), group_in=self.group("incoming"),
                        out=self.n(self.cur["outgoing"]["total"]), in_=self.n(self.cur["incoming"]["total"]))]
        if self.prev is not None:
            items.append(self.t("c_growth", **pf, growth=self.growth(self.r["growth"]["both"]["total"])))
        if all(self.cur[d]["total"] for d in DIRECTIONS):
            lead = {d: self._leader(self.cur[d]["by_hei_type"]) for d in DIRECTIONS}
            if all(lead.values()):
                items.append(self.t("c_hei_type", **pf, group_out=self.group_gen("outgoing"),
                                    group_in=self.group_gen("incoming"), **{
                    k: self.t("label_people", label=ph.HEI_TYPE_PLURAL[lead[d]].get(self.lang),  # type: ignore[index]
                              people=self.people(self.cur[d]["by_hei_type"][lead[d]]))
                    for k, d in (("out", "outgoing"), ("in_", "incoming"))}))
            tops = {d: self.join([self.label("by_country", c) for c in list(self.ranked_countries(
                self.cur[d]["by_country"]))[:3]]) for d in DIRECTIONS}
            if all(tops.values()):
                same = tops["outgoing"] == tops["incoming"]
                items.append(self.t("c_countries_same" if same else "c_countries", out=tops["outgoing"],
                                    in_=tops["incoming"]))
            regions = analysis.regions_conclusion(self)
            if regions:
                items.append(regions)
            fields = {}
            for d in DIRECTIONS:
                best = self._leader(self.cur[d]["by_field"])
                if best:
                    fields[d] = self.t("label_people", label=self.field_name(best),
                                       people=self.people(self.cur[d]["by_field"][best]))
            if len(fields) == 2:
                items.append(self.t("c_fields", out=fields["outgoing"], in_=fields["incoming"],
                                    group_out=self.group_gen("outgoing"), group_in=self.group_gen("incoming")))
        self.add(Heading(self.t("h_conclusions")), Bullets(tuple(items)))

    def authored_sections(self) -> None:
        for key in AUTHORED_SECTIONS:
            text = (self.authored.get(key) or "").strip()
            if not text:
                continue
            self.add(Heading(self.t("h_" + key)))
            for part in re.split(r"\n\s*\n", text):
                lines = [line.strip() for line in part.strip().splitlines() if line.strip()]
                bullets = [line.lstrip("-•– ").strip() for line in lines if line[:1] in "-•–"]
                if lines and len(bullets) == len(lines):
                    self.add(Bullets(tuple(bullets)))
                elif lines:
                    self.add(Paragraph(" ".join(lines)))

    def appendices(self) -> None:
        for direction in DIRECTIONS:
            rows_in = self.cur[direction].get("by_hei", [])
            if not rows_in:
                continue
            self.appendix_no += 1
            title = self.t("appendix_title", **self.words(direction))
            self.add(Heading(self.t("h_appendix", n=self.appendix_no, x=title)))
            rows: list[Row] = []
            i = 0
            for hei_type in HEI_TYPE.codes:
                members = [r for r in rows_in if r["hei_type"] == hei_type]
                if not members:
                    continue
                subtotal = sum(r["count"] for r in members)
                rows.append(Row((Cell(""), Cell(self.label("by_hei_type", hei_type), hei_type),
                                 Cell(self.n(subtotal), subtotal)), "group"))
                for r in members:
                    i += 1
                    rows.append(Row((Cell(f"{i}.", i), Cell(r["name"][self.lang], r["hei"]), Cell(self.n(r["count"]), r["count"]))))
            total = self.cur[direction]["total"]
            rows.append(Row((Cell(""), Cell(self.t("total")), Cell(self.n(total), total)), "total"))
            cols = (Column(self.t("col_no"), "rank"), Column(self.t("col_hei")), Column(self.t("col_people"), "number"))
            # The heading above names the table; a caption would repeat it.
            self.add(Table(f"appendix_{self.appendix_no}", "", cols, tuple(rows)))
        self.missing_appendix()

    def missing_appendix(self) -> None:
        cov = self.r["meta"].get("coverage") or {}
        missing = cov.get("missing") or []
        if not missing or not cov.get("submitted"):
            return
        self.appendix_no += 1
        title = self.t("appendix_missing", label=self.period.label.get(self.lang))
        self.add(Heading(self.t("h_appendix", n=self.appendix_no, x=title)))
        rows = tuple(Row((Cell(f"{i}.", i), Cell(h["name"][self.lang], h["hei"]),
                          Cell(HEI_TYPE.label(h["hei_type"], self.lang) if h["hei_type"] in HEI_TYPE else h["hei_type"],
                               h["hei_type"])))
                     for i, h in enumerate(missing, start=1))
        cols = (Column(self.t("col_no"), "rank"), Column(self.t("col_hei")), Column(self.t("col_hei_type")))
        self.add(Table(f"appendix_{self.appendix_no}", "", cols, rows))


# The sections of the note an analyst writes, in the order they follow the generated analysis.
AUTHORED_SECTIONS = ("benefits", "recommendations")


def write_note(report: Mapping[str, Any], lang: str, generated: str = "",
               authored: Mapping[str, str] | None = None, org: Mapping[str, Any] | None = None,
               persons: PersonIndicators | None = None) -> Document:
    """The analytical note for ``report`` (from ``build_report``) in ``lang``, with the analyst's
    sections ``authored`` (see AUTHORED_SECTIONS) where given."""
    return NoteWriter(report, lang, generated, authored, org, persons).build()
