"""The analysis half of the note, after the 2023 note's last pages: partner countries by world region
with the diagnosis of which groups hold steady, grow or shrink (rule in ``regions``); the least
active types of HEI and fields; and the trend over up to the last six half-years."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aqyl.domain.classifiers import HEI_TYPE, parse_period
from aqyl.domain.numbers import fmt_num, plural
from aqyl.domain.report import phrases as ph
from aqyl.domain.report import regions as rg
from aqyl.domain.report.document import Cell, Chart, Column, Heading, Paragraph, Row, Series, Table
from aqyl.domain.report.model import DIRECTIONS

if TYPE_CHECKING:
    from aqyl.domain.report.note import NoteWriter

# Kazakh dative and ablative, Russian "в" and "из" forms of the groups ("ТМД елдеріне", "в страны СНГ").
REGION_TO = {
    "cis": ("ТМД елдеріне", "в страны СНГ"), "europe": ("Еуропа елдеріне", "в страны Европы"),
    "middle_east": ("Таяу Шығыс елдеріне", "в страны Ближнего Востока"), "asia": ("Азия елдеріне", "в страны Азии"),
    "north_america": ("Солтүстік Америкаға", "в Северную Америку"),
    "latin_america": ("Латын Америкасына", "в Латинскую Америку"), "africa": ("Африка елдеріне", "в страны Африки"),
    "oceania": ("Океанияға", "в Океанию"), "other": ("басқа елдерге", "в другие страны"),
}
REGION_FROM = {
    "cis": ("ТМД елдерінен", "из стран СНГ"), "europe": ("Еуропа елдерінен", "из стран Европы"),
    "middle_east": ("Таяу Шығыс елдерінен", "из стран Ближнего Востока"), "asia": ("Азия елдерінен", "из стран Азии"),
    "north_america": ("Солтүстік Америкадан", "из Северной Америки"),
    "latin_america": ("Латын Америкасынан", "из Латинской Америки"), "africa": ("Африка елдерінен", "из стран Африки"),
    "oceania": ("Океаниядан", "из Океании"), "other": ("басқа елдерден", "из других стран"),
}
PP_RU = {"one": "процентный пункт", "few": "процентных пункта", "many": "процентных пунктов",
         "other": "процентного пункта"}


def _region_place(w: NoteWriter, group: str, direction: str) -> str:
    if w.lang == "en":
        return rg.group_name(group, "en") if group != "other" else "other countries"
    table = REGION_TO if direction == "outgoing" else REGION_FROM
    return table[group][0 if w.lang == "kk" else 1]


def _region_name(w: NoteWriter, group: str) -> str:
    if group == "other":
        return {"kk": "Басқа елдер", "ru": "Другие страны", "en": "Other countries"}[w.lang]
    name = rg.group_name(group, w.lang)
    return name[:1].upper() + name[1:]


def _state(w: NoteWriter, direction: str) -> str | None:
    """The CIS group's diagnosis for a direction against the comparison period, or None."""
    if w.prev is None or not w.prev[direction]["total"] or not w.cur[direction]["total"]:
        return None
    before = w.prev[direction]["by_group"].get("cis", {}).get("count", 0)
    now = w.cur[direction]["by_group"].get("cis", {}).get("count", 0)
    return rg.share_change(before, w.prev[direction]["total"], now, w.cur[direction]["total"])


def regions(w: NoteWriter) -> None:
    shown = [d for d in DIRECTIONS if w.cur[d]["total"] and w.cur[d].get("by_group")]
    if not shown:
        return
    w.add(Heading(w.t("h_regions")))
    for direction in shown:
        d = w.cur[direction]
        groups = {g: v for g, v in d["by_group"].items() if g != "far_abroad"}
        ranked = sorted(groups.items(), key=lambda kv: (-kv[1]["count"], (*rg.groups(), rg.OTHER).index(kv[0])))
        place = w.country_to if direction == "outgoing" else w.country_from
        first, rest = ranked[0], ranked[1:]
        countries = list(w.ranked_countries(first[1]["countries"]).items())[:3]
        w.para("regions_top_" + ("out" if direction == "outgoing" else "in"), **w.words(direction),
               region=_region_place(w, first[0], direction), people=w.people(first[1]["count"]),
               share=w.pct(d["shares"]["by_group"][first[0]]),
               list=w.join([f"{place(c)} ({w.people(n)})" for c, n in countries]))
        for group, value in rest:
            top = list(w.ranked_countries(value["countries"]).items())[:2]
            if len(value["countries"]) > 1:
                text = w.t("regions_other", **w.words(), region=_region_place(w, group, direction),
                           people=w.people(value["count"]), list=w.join([f"{place(c)} ({w.people(n)})" for c, n in top]))
                same = _same_leader(w, direction, group)
                w.add(Paragraph(f"{text} {same}" if same else text))
            else:
                # One country: named in brackets, in the nominative ("Солтүстік Америкаға (АҚШ) – 18 адам").
                w.para("regions_other_one", region=f"{_region_place(w, group, direction)} "
                       f"({w.label('by_country', top[0][0])})", people=w.people(value["count"]))
        state = _state(w, direction)
        if state is not None:
            assert w.prev is not None  # a diagnosis needs the comparison period
            p, c = w.prev[direction], d
            mark = w.mark(f"{direction}.by_country")  # the comparison period's shares rest on its countries
            fields = {"cis_prev": w.pct(p["shares"]["by_group"].get("cis", 0.0)) + mark,
                      "cis_cur": w.pct(c["shares"]["by_group"].get("cis", 0.0)),
                      "far_prev": w.pct(p["shares"]["by_group"].get("far_abroad", 0.0)) + mark,
                      "far_cur": w.pct(c["shares"]["by_group"].get("far_abroad", 0.0))}
            key = {"steady": "regions_steady", "gains": "regions_cis_gains", "loses": "regions_far_gains"}[state]
            w.para(key, **w.words(direction), **fields)
        _regions_table(w, direction)
    if any(_state(w, d) is not None for d in shown):
        share_rule(w)
    w.para("regions_far")


def _same_leader(w: NoteWriter, direction: str, group: str) -> str:
    """"The same leader as last time" for a region of several countries: said only when one country
    leads the region in both periods (a tie at the top names no leader), else ""."""
    if w.prev is None or not w.prev[direction]["total"]:
        return ""
    before = w.prev[direction]["by_group"].get(group, {}).get("countries", {})
    now = w.cur[direction]["by_group"][group]["countries"]
    leader, prev_leader = w.leader(w.ranked_countries(now)), w.leader(w.ranked_countries(before))
    if leader is None or leader != prev_leader or len(before) < 2:
        return ""
    return w.t("regions_leader_same", **w.words(), country=w.label("by_country", leader),
               people=w.people(before[leader]) + w.mark(f"{direction}.by_country.{leader}"))


def _shares(w: NoteWriter, direction: str) -> tuple[float, float]:
    """The exact shares of the CIS and of the far abroad in a direction's participants, percent."""
    d = w.cur[direction]
    cis = d["by_group"].get("cis", {}).get("count", 0)
    far = d["by_group"].get("far_abroad", {}).get("count", 0)
    return cis / d["total"] * 100, far / d["total"] * 100


def ties_conclusion(w: NoteWriter) -> tuple[str | None, bool]:
    """The 2023 note's reading of the regions, by the one threshold (regions.STEADY_BAND): in both
    directions the CIS share is higher than the far abroad's by at least the band ("strong ties with
    CIS partners"); and, with a comparison period, when the far abroad's share grew by less than the
    band in each direction, that this holds back internationalisation. (None, False) when the data do
    not say so; the second value says whether the reading of the far abroad's share was given."""
    if not all(w.cur[d]["total"] and w.cur[d].get("by_group") for d in DIRECTIONS):
        return None, False
    shares = {d: _shares(w, d) for d in DIRECTIONS}
    if any(rg.material(cis - far) != "gains" for cis, far in shares.values()):
        return None, False
    fields = {"group_out": w.group_gen("outgoing"), "group_in": w.group_gen("incoming"),
              "cis_out": w.pct(shares["outgoing"][0]), "far_out": w.pct(shares["outgoing"][1]),
              "cis_in": w.pct(shares["incoming"][0]), "far_in": w.pct(shares["incoming"][1])}
    text = w.t("c_regions_ties", **fields)
    if w.prev is not None and all(w.prev[d]["total"] for d in DIRECTIONS):
        far_grew = False
        for d in DIRECTIONS:
            p = w.prev[d]
            far_before = p["by_group"].get("far_abroad", {}).get("count", 0)
            far_now = w.cur[d]["by_group"].get("far_abroad", {}).get("count", 0)
            far_grew |= rg.share_change(far_before, p["total"], far_now, w.cur[d]["total"]) == "gains"
        if not far_grew:
            return text + " " + w.t("c_regions_limit"), True
    return text, False


def share_rule(w: NoteWriter) -> None:
    """The note's one materiality threshold (regions.STEADY_BAND), stated where a share is first
    compared, once."""
    if w.rule_said:
        return
    w.rule_said = True
    band = rg.STEADY_BAND
    w.para("share_rule", band=f"{fmt_num(band, 'ru', 0)} {plural(band, PP_RU, 'ru')}" if w.lang == "ru"
           else fmt_num(band, w.lang, 0))


def _regions_table(w: NoteWriter, direction: str) -> None:
    d = w.cur[direction]
    prev = w.prev[direction] if w.prev is not None and w.prev[direction]["total"] else None
    no = w.next_table()
    cols = [Column(w.t("col_region"))]
    if prev is not None:
        assert w.compare is not None  # prev is the comparison period's
        cols += [Column(w.compare.short.get(w.lang), "number"), Column(w.t("col_share"), "percent")]
    cols += [Column(w.period.short.get(w.lang), "number"), Column(w.t("col_share"), "percent")]
    if prev is not None:
        cols.append(Column(w.t("col_share_change")))
    rows = []
    mark = w.mark(f"{direction}.by_country") if prev is not None else ""  # every figure of the earlier period
    present = [g for g in (*rg.groups(), rg.OTHER) if g in d["by_group"] or (prev and g in prev["by_group"])]
    for group in (*present, "far_abroad"):
        now = d["by_group"].get(group, {}).get("count", 0)
        label = w.t("far_abroad_total") if group == "far_abroad" else _region_name(w, group)
        cells = [Cell(label, group)]
        if prev is not None:
            before = prev["by_group"].get(group, {}).get("count", 0)
            share_before = prev["shares"]["by_group"].get(group, 0.0)
            cells += [Cell(w.n(before) + mark, before, mark), Cell(w.pct(share_before) + mark, share_before, mark)]
        share_now = d["shares"]["by_group"].get(group, 0.0)
        cells += [Cell(w.n(now), now), Cell(w.pct(share_now), share_now)]
        if prev is not None:
            state = rg.diagnosis(before, prev["total"], now, d["total"])
            cells.append(Cell(ph.SHARE_STATE[state].get(w.lang), state))
        rows.append(Row(tuple(cells), "group" if group == "far_abroad" else "data"))
    total = [Cell(w.t("total"))]
    if prev is not None:
        total += [Cell(w.n(prev["total"]), prev["total"]), Cell("")]
    total += [Cell(w.n(d["total"]), d["total"]), Cell("")]
    if prev is not None:
        total.append(Cell(""))
    rows.append(Row(tuple(total), "total"))
    w.add(Table(f"table_{no}", w.t("table_regions", n=no, group=w.group(direction)), tuple(cols), tuple(rows),
                note=w.note_of([mark])))


def regions_conclusion(w: NoteWriter) -> str | None:
    states = {d: s for d in DIRECTIONS if (s := _state(w, d)) is not None}
    if len(states) < len(DIRECTIONS):
        return None
    if len(set(states.values())) == 1:
        return w.t({"steady": "c_regions_steady", "gains": "c_regions_cis", "loses": "c_regions_far"}[states["outgoing"]])
    clause = {"steady": "cr_steady", "gains": "cr_cis", "loses": "cr_far"}
    # The changed direction first: "among foreign staff the CIS share grew, while among …".
    first, second = (w.t(clause[states[d]], **w.words(d)) for d in sorted(DIRECTIONS, key=lambda d: states[d] == "steady"))
    return w.t("c_regions_mixed", first=first, second=second)


def least_active(w: NoteWriter) -> None:
    """The type of HEI that sent or invited the fewest, and the fields with the fewest participants."""
    paragraphs: list[Paragraph] = []
    for direction in DIRECTIONS:
        d = w.cur[direction]
        if not d["total"]:
            continue
        types = {c: n for c, n in d["by_hei_type"].items() if n}
        # The fewest only when one type has them: a tie names no type (as a tie at the top names no leader).
        if len(types) >= 2 and sorted(types.values()).count(min(types.values())) == 1:
            fewest = min(types.items(), key=lambda kv: (kv[1], HEI_TYPE.codes.index(kv[0]) if kv[0] in HEI_TYPE else 99))
            key = "least_type_out" if direction == "outgoing" else "least_type_in"
            paragraphs.append(Paragraph(w.t(key, **w.words(direction), label=ph.HEI_TYPE_PLURAL[fewest[0]].get(w.lang),
                                            people=w.people(fewest[1]))))
        fields = {c: n for c, n in d["by_field"].items() if n}
        if len(fields) >= 4:
            low = min(fields.values())
            names = [w.t("label_people", label=w.field_name(c), people=w.people(n)) for c, n in fields.items() if n == low]
            # One field is "саласы" / "область", several "салалары" / "области".
            paragraphs.append(Paragraph(w.t("least_field" if len(names[:3]) == 1 else "least_fields",
                                            **w.words(direction), list="; ".join(names[:3]))))
    if paragraphs:
        w.add(Heading(w.t("h_least", **w.words())), *paragraphs)


def trend(w: NoteWriter) -> None:
    """Totals per half-year over the last ones the register holds (three or more with records)."""
    rows_in = w.r["meta"].get("trend") or []
    with_records = [r for r in rows_in if r["outgoing"] or r["incoming"]]
    if len(with_records) < 3:
        return
    w.add(Heading(w.t("h_trend")))
    periods = [parse_period(r["period"]) for r in rows_in]
    peak = max(with_records, key=lambda r: (r["outgoing"] + r["incoming"], r["period"]))
    k = len(rows_in)
    halves = plural(k, ph.HALF_YEARS["ru"], "ru")
    w.para("trend_peak", k=w.n(k), halves=halves, when=parse_period(peak["period"]).when.get(w.lang),
           people=w.people(peak["outgoing"] + peak["incoming"]))
    gaps = [p.label.get(w.lang) for p, r in zip(periods, rows_in, strict=True) if not (r["outgoing"] or r["incoming"])]
    if gaps:
        w.para("trend_gaps", list=", ".join(gaps))
    no = w.next_table()
    rows = []
    for p, r in zip(periods, rows_in, strict=True):
        empty = not (r["outgoing"] or r["incoming"])
        values = (r["outgoing"], r["incoming"], r["outgoing"] + r["incoming"])
        rows.append(Row((Cell(p.label.get(w.lang), p.code),
                         *(Cell("–") if empty else Cell(w.n(v), v) for v in values))))
    cols = (Column(w.t("col_period")), Column(w.t("col_outgoing"), "number"), Column(w.t("col_incoming"), "number"),
            Column(w.t("total"), "number"))
    w.add(Table(f"table_{no}", w.t("table_trend", n=no, **w.words()), cols, tuple(rows)))
    n = w.next_chart()
    series = tuple(Series(w.t(col), tuple(None if not (r["outgoing"] or r["incoming"]) else r[d] for r in rows_in))
                   for col, d in (("col_outgoing", "outgoing"), ("col_incoming", "incoming")))
    w.add(Chart(f"chart_{n}", w.t("chart_trend", n=n, **w.words()), "line",
                tuple(p.short.get(w.lang) for p in periods), series, w.t("col_people")))
