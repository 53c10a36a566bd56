"""Write the analytical note from the report model: the sections of the 2023 note, in one language,
as a Document of headings, prose, tables and charts. Every number in the prose is taken from the
report model and formatted the way the language writes it; percents of change are computed from
the two counts and rounded once, where they are printed.

Ordering rule for equal counts, the same in every language: countries with the same count follow
the Kazakh alphabet (the 2023 note's language of record), other categories the classifier's order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from aqyl.domain.classifiers import (
    FORMAT,
    HEI_TYPE,
    PROGRAMME,
    REGION,
    parse_period,
)
from aqyl.domain.numbers import collation_key, plural
from aqyl.domain.persons import PersonIndicators, section_blocks
from aqyl.domain.report import analysis
from aqyl.domain.report import phrases as ph
from aqyl.domain.report import regions as rg
from aqyl.domain.report.document import (
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
from aqyl.domain.report.note_words import DASH, NoteWords, list_items, lower_first, place_and_date


class NoteWriter(NoteWords):
    """The note's sections, in the order of the 2023 note."""

    def build(self) -> Document:

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
                        self.t("footer_mobility" if self.category == "student" else "footer",
                               x=self.period.label.get(self.lang)),
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
                "ru_invited": plural(kh, ph.ADMITTED_RU if self.category == "student" else ph.INVITED_RU, "ru"),
                "ru_went": plural(total, ph.WENT_RU, "ru"),
                "kk_trip": ph.KK_TRIP["student" if self.category == "student" else "staff"][0 if fh else 1].format(
                    n=self.n(fh)),
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

    def leader(self, counts: Mapping[str, int]) -> str | None:
        """The one code with the most participants; None when none has any or two share the top
        (a tie names no leader: "больше всего … направили" would be half true)."""
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or not ranked[0][1] or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

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
            leader = self.leader(d["by_hei_type"])
            if leader is None:
                continue
            text = self.t("hei_type_leader_out" if direction == "outgoing" else "hei_type_leader_in",
                          **self.words(direction), leader=ph.HEI_TYPE_PLURAL[leader].get(self.lang),
                          people=self.people(d["by_hei_type"][leader]))
            if self.prev is not None and self.prev[direction]["total"]:
                before = self.prev[direction]["by_hei_type"]
                prev_leader = self.leader(before)
                if prev_leader is not None:
                    people = self.people(before[prev_leader]) + self.mark(f"{direction}.by_hei_type.{prev_leader}")
                if prev_leader == leader:
                    text += " " + self.t("leader_same", **self.words(direction), people=people)
                elif prev_leader is not None:
                    text += " " + self.t("leader_other", **self.words(direction),
                                         leader=ph.HEI_TYPE_PLURAL[prev_leader].get(self.lang), people=people)
            self.add(Paragraph(text))
        for direction in DIRECTIONS:
            self._period_chart(direction, "by_hei_type", "chart_hei_type")

    def _period_chart(self, direction: str, dimension: str, caption_key: str) -> None:
        d = self.cur[direction]
        if not d["total"]:
            return
        codes = [c for c in d[dimension] if d[dimension][c] or (self.prev and self.prev[direction][dimension].get(c))]
        series = []
        marks: tuple[str, ...] = ()
        if self.prev is not None and self.compare is not None and self.prev[direction]["total"]:
            marks = tuple(self.mark(f"{direction}.{dimension}.{c}") for c in codes)  # only the estimated values
            series.append(Series(self.compare.short.get(self.lang),
                                 tuple(self.prev[direction][dimension].get(c, 0) for c in codes), marks if any(marks) else ()))
        series.append(Series(self.period.short.get(self.lang), tuple(d[dimension][c] for c in codes)))
        n = self.next_chart()
        self.add(Chart(f"chart_{n}", self.t(caption_key, n=n, group=self.group(direction)), "bar",
                       tuple(self.label(dimension, c) for c in codes), tuple(series), self.t("col_people"),
                       note=self.note_of(marks)))

    def formats(self) -> None:
        self.add(Heading(self.t("h_format_mobility" if self.category == "student" else "h_format")))
        leaders = {}
        for direction in DIRECTIONS:
            d = self.cur[direction]
            if not d["total"]:
                continue
            items = [self.t("count_share", label=lower_first(FORMAT.label(c, self.lang)), people=self.people(n),
                            share=self.pct(d["shares"]["by_format"][c])) for c, n in d["by_format"].items() if n]
            self.add(Bullets(list_items(items), self.t("format_lead", **self.words(direction))))
            leaders[direction] = self.leader(d["by_format"])
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
            leader = self.leader(by_country)  # a tie at the top names no leader, in either period
            if leader and self.prev is not None and self.prev[direction]["by_country"]:
                before = self.ranked_countries(self.prev[direction]["by_country"])
                prev_leader = self.leader(before)
                if prev_leader is not None:
                    key = "country_leader_same" if prev_leader == leader else "country_leader_other"
                    self.para(key, country=self.label("by_country", prev_leader),
                              people=self.people(before[prev_leader]) + self.mark(f"{direction}.by_country.{prev_leader}"))
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
                         f"{len(top)} {plural(len(top), ph.MAIN_COUNTRIES_RU, 'ru')}, человек",
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
        caption = self.t("table_country_sets", **self.words(), n=no, prev=self.compare.short.get(self.lang),
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
            leader = self.leader(d[dim])
            if leader:
                self.para("largest_group", **self.words(direction), label=self.level_forms(leader)[0],
                          people=self.people(d[dim][leader]), share=self.pct(d["shares"][dim][leader]))
        if len(shown) == 2:
            out, inc = self.cur["outgoing"]["shares"][dim], self.cur["incoming"]["shares"][dim]
            for direction, mine, other in (("incoming", inc, out), ("outgoing", out, inc)):
                other_direction = "outgoing" if direction == "incoming" else "incoming"
                higher = [self.t("share_pair", label=self.level_forms(c)[0], share=self.pct(mine[c]),
                                 other=self.pct(other.get(c, 0.0)), other_group=self.group_gen(other_direction))
                          for c in mine if rg.material(mine[c] - other.get(c, 0.0)) == "gains"]
                if higher:
                    self.para("share_higher", **self.words(direction), list="; ".join(higher))
            analysis.share_rule(self)  # what "higher" means, and that a group not listed differs less
        if self.prev is not None:
            for direction in shown:
                if not self.prev[direction]["total"]:
                    continue
                items = []
                for code, n in self.cur[direction][dim].items():
                    before = self.prev[direction][dim].get(code, 0)
                    if n or before:  # the mark on the estimated value only, not on the list
                        items.append(self.t("growth_item", **self.period_fields(), label=self.level_forms(code)[1],
                                            growth=self.growth(Growth(before, n).as_dict()),
                                            prev=self.n(before) + self.mark(f"{direction}.{dim}.{code}"), cur=self.n(n)))
                self.add(Bullets(list_items(items), self.t("growth_lead", **self.words(direction))))
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

        pf = self.words()
        items = [self.t("c_total", **pf, people=self.people(self.cur["both"]["total"]),
                        ru_took_part=plural(self.cur["both"]["total"], ph.TOOK_PART_RU, "ru"),
                        group_out=self.group("outgoing"), group_in=self.group("incoming"),
                        out=self.n(self.cur["outgoing"]["total"]), in_=self.n(self.cur["incoming"]["total"]))]
        if self.prev is not None:
            items.append(self.t("c_growth", **pf, growth=self.growth(self.r["growth"]["both"]["total"])))
        if all(self.cur[d]["total"] for d in DIRECTIONS):
            lead = {d: self.leader(self.cur[d]["by_hei_type"]) for d in DIRECTIONS}
            if all(lead.values()):
                items.append(self.t("c_hei_type", **pf, group_out=self.group_gen("outgoing"),
                                    group_in=self.group_gen("incoming"), **{
                    k: self.t("label_people", label=ph.HEI_TYPE_PLURAL[lead[d]].get(self.lang),  # type: ignore[index]
                              people=self.people(self.cur[d]["by_hei_type"][lead[d]]))
                    for k, d in (("out", "outgoing"), ("in_", "incoming"))}))
            fmt = self.format_conclusion()
            if fmt:
                items.append(fmt)
            tops = {d: self.join([self.label("by_country", c) for c in list(self.ranked_countries(
                self.cur[d]["by_country"]))[:3]]) for d in DIRECTIONS}
            if all(tops.values()):
                same = tops["outgoing"] == tops["incoming"]
                items.append(self.t("c_countries_same" if same else "c_countries", out=tops["outgoing"],
                                    in_=tops["incoming"]))
            regions = analysis.regions_conclusion(self)
            ties, limited = analysis.ties_conclusion(self)
            # "The far abroad's share does not grow" once: the reading of the ties says it when it is given.
            if regions and not (limited and regions == self.t("c_regions_steady")):
                items.append(regions)
            if ties:
                items.append(ties)
            fields = {}
            for d in DIRECTIONS:
                best = self.leader(self.cur[d]["by_field"])
                if best:
                    fields[d] = self.t("label_people", label=self.field_name(best),
                                       people=self.people(self.cur[d]["by_field"][best]))
            if len(fields) == 2:
                items.append(self.t("c_fields", out=fields["outgoing"], in_=fields["incoming"],
                                    group_out=self.group_gen("outgoing"), group_in=self.group_gen("incoming")))
        programmes = self.programme_conclusion()
        if programmes:
            items.append(programmes)
        self.add(Heading(self.t("h_conclusions")), Bullets(tuple(items)))

    def format_conclusion(self) -> str | None:
        """The format most participants took in both directions, with its shares; None unless one
        format has more than half of each direction."""
        shares = {d: self.cur[d]["by_format"] for d in DIRECTIONS}
        lead = {d: self.leader(shares[d]) for d in DIRECTIONS}
        code = lead["outgoing"]
        if code is None or code != lead["incoming"] or code not in ph.FORMAT_NAME:
            return None
        exact = {d: shares[d][code] / self.cur[d]["total"] * 100 for d in DIRECTIONS}
        if min(exact.values()) <= 50:
            return None
        return self.t("c_format", label=ph.FORMAT_NAME[code].get(self.lang), group_out=self.group_gen("outgoing"),
                      group_in=self.group_gen("incoming"), out=self.pct(exact["outgoing"]),
                      in_=self.pct(exact["incoming"]))

    def programme_conclusion(self) -> str | None:
        """The two programmes with the most participants, with their shares of all participants, and the
        rest together (the 2023 note: inter-university agreements far ahead of Erasmus+)."""
        both = {c: n for c, n in self.cur["both"].get("by_programme", {}).items() if n}
        total = self.cur["both"]["total"]
        ranked = sorted(both.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or not total or ranked[1][1] == ranked[0][1]:
            return None

        def item(code: str, n: int) -> str:
            name = ph.PROGRAMME_IN_TEXT[code].get(self.lang) if code in ph.PROGRAMME_IN_TEXT else self.label("by_programme", code)
            return self.t("label_people_share", label=name, people=self.people(n), share=self.pct(n / total * 100))

        rest = sum(n for _, n in ranked[2:])
        text = self.t("c_programmes", first=item(*ranked[0]), second=item(*ranked[1]))
        if rest:
            text = text[:-1] + self.t("c_programmes_rest", share=self.pct(rest / total * 100))
        return text

    def authored_sections(self) -> None:
        for key in AUTHORED_SECTIONS:
            text = (self.authored.get(key) or "").strip()
            if not text:
                if self.placeholders and self.authored_applies:
                    # A draft keeps the section's place, visibly empty, until the analyst writes it.
                    self.add(Heading(self.t(section_key(key, self.category))), Paragraph(self.t("placeholder")))
                continue
            self.add(Heading(self.t(section_key(key, self.category))))
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


def missing_sections(authored: Mapping[str, str] | None) -> tuple[str, ...]:
    """The analyst's sections (AUTHORED_SECTIONS) with no text in ``authored``; none for a note that
    leaves them out by design (``authored`` None: a note narrowed to some HEIs, types, regions or
    programmes)."""
    if authored is None:
        return ()
    return tuple(k for k in AUTHORED_SECTIONS if not (authored.get(k) or "").strip())


def section_key(key: str, category: str) -> str:
    """The key of an analyst's section's heading: a note on students speaks of mobility, not exchange."""
    return "h_benefits_mobility" if key == "benefits" and category == "student" else f"h_{key}"


def section_titles(keys: tuple[str, ...], lang: str, category: str = "faculty") -> str:
    """The headings of the analyst's sections ``keys`` as a message names them: «…», «…»."""
    left, right = ph.QUOTES[lang]
    return ", ".join(f"{left}{ph.T[section_key(k, category)].get(lang)}{right}" for k in keys)


def write_note(report: Mapping[str, Any], lang: str, generated: str = "",
               authored: Mapping[str, str] | None = None, org: Mapping[str, Any] | None = None,
               persons: PersonIndicators | None = None, placeholders: bool = False) -> Document:
    """The analytical note for ``report`` (from ``build_report``) in ``lang``, with the analyst's
    sections ``authored`` (see AUTHORED_SECTIONS) where given. With ``placeholders``, a section of
    ``authored`` without text keeps its heading and a paragraph saying it is not written yet (a
    draft); without, it is left out (see :func:`missing_sections`)."""
    return NoteWriter(report, lang, generated, authored, org, persons, placeholders).build()
