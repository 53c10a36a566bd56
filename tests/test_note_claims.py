"""Every claim of direction the note makes ("grew", "no marked change", "higher", "the leader")
follows from its own figures under the one materiality threshold (regions.STEADY_BAND), in every
language: figures are generated, the note is written, its sentences are read back."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from aqyl.domain.report.model import build_report
from aqyl.domain.report.note import write_note
from aqyl.domain.report.regions import STEADY_BAND

CIS, FAR = ("UZ", "RU", "KG"), ("DE", "US", "TR")
DEGREES = ("phd", "doctor_of_sciences", "candidate_of_sciences", "master", "none")
TYPES = ("national", "state", "jsc", "private")
LANGS = ("kk", "ru", "en")

# What marks each claim in each language. A clause naming one direction claims it for that
# direction; a clause naming neither claims it for both ("в обоих направлениях").
MARKS = {
    "kk": {"outgoing": "қазақстандық ПОҚ", "incoming": "шетелдік ПОҚ",
           "gains": ("ТМД елдерінің үлесі өсті",), "loses": ("алыс шет елдердің үлесі өсті",),
           "steady": ("айтарлықтай өзгерген жоқ", "өзара іс-қимыл тұрақты"),
           "clauses": r", ал ", "higher": "үлесі жоғарырақ:", "largest": " басым (",
           "lead": {"outgoing": "ең көп ПОҚ жіберген", "incoming": "ең көп шетелдік ПОҚ шақырған"},
           "when": "2023 жылғы I жартыжылдықта ",
           "least": {"outgoing": "Шетелге ең аз ПОҚ жіберген", "incoming": "Ең аз шетелдік ПОҚ шақырған"},
           "ties": "ТМД елдерінің үлесі алыс шет елдердің үлесінен жоғары",
           "limit": "интернационалдандыру деңгейінің артуын тежейді"},
    "ru": {"outgoing": "казахстанского ППС", "incoming": "зарубежного ППС",
           "gains": ("доля стран СНГ выросла",), "loses": ("доля дальнего зарубежья выросла",),
           "steady": ("существенно не изменились", "остаётся устойчивым"),
           "clauses": r", а ", "higher": "выше доля следующих групп:", "largest": " преобладают ",
           "lead": {"outgoing": "больше всего представителей казахстанского ППС направили за рубеж",
                    "incoming": "больше всего представителей зарубежного ППС пригласили"},
           "when": "В I полугодии 2023 года ",
           "least": {"outgoing": "Меньше всего представителей казахстанского ППС направили",
                     "incoming": "Меньше всего представителей зарубежного ППС пригласили"},
           "ties": "доля стран СНГ выше доли дальнего зарубежья", "limit": "сдерживает рост интернационализации"},
    "en": {"outgoing": "Kazakhstani teaching staff", "incoming": "foreign teaching staff",
           "gains": ("share of the CIS countries rose", "share of the CIS countries rising"),
           "loses": ("share of the far abroad rose", "share of the far abroad rising"),
           "steady": ("did not change significantly", "did not change markedly", "stable ties"),
           "clauses": r", while | and the share", "higher": "the share is higher for", "largest": " are the largest group (",
           "lead": {"outgoing": "sent the most", "incoming": "invited the most"},
           "when": "In H1 2023, ",
           "least": {"outgoing": "sent the fewest Kazakhstani", "incoming": "invited the fewest foreign"},
           "ties": "higher than that of the far abroad", "limit": "holds back the internationalisation"},
}
PAIR = re.compile(r"\((\d+[.,]\d)\u00a0?%; [^()]*?(\d+[.,]\d)\u00a0?%\)")


def split(total: int, cuts: list[float], codes: tuple[str, ...]) -> dict[str, int]:
    """``total`` in len(codes) parts at the given cut points (ties at the top come up often)."""
    points = [0, *sorted(round(c * total) for c in cuts), total]
    return {code: points[i + 1] - points[i] for i, code in enumerate(codes)}


@st.composite
def direction(draw) -> dict:
    countries = {c: draw(st.integers(0, 60)) for c in CIS + FAR}
    if not sum(countries.values()):
        countries["UZ"] = 1
    total = sum(countries.values())
    cuts = st.lists(st.sampled_from([0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0]), min_size=1, max_size=1)
    degree_cuts = [draw(cuts)[0] for _ in DEGREES[1:]]
    type_cuts = [draw(cuts)[0] for _ in TYPES[1:]]
    return {"total": total, "kz_heis": 3, "foreign_heis": 4, "countries": sum(1 for n in countries.values() if n),
            "by_hei_type": split(total, type_cuts, TYPES), "by_degree": split(total, degree_cuts, DEGREES),
            "by_format": {"offline": total}, "by_field": {"04": total}, "by_country": countries,
            "by_programme": {"inter_university": total}}


def both(out: dict, inc: dict) -> dict:
    add = {k: {c: out[k].get(c, 0) + inc[k].get(c, 0) for c in {*out[k], *inc[k]}} for k in out if isinstance(out[k], dict)}
    return {"total": out["total"] + inc["total"], "kz_heis": 5, "foreign_heis": 6, "countries": 6, **add}


@st.composite
def report(draw) -> dict:
    periods = {}
    for code in ("2023H1", "2022H1"):
        out, inc = draw(direction()), draw(direction())
        periods[code] = {"outgoing": out, "incoming": inc, "both": both(out, inc)}
    return build_report(periods, "2023H1", "2022H1")


def cis_state(r: dict, d: str) -> str:
    def share(p: str) -> float:
        x = r["periods"][p][d]
        return sum(n for c, n in x["by_country"].items() if c in CIS) / x["total"] * 100

    delta = share("2023H1") - share("2022H1")
    return "gains" if delta >= STEADY_BAND else "loses" if delta <= -STEADY_BAND else "steady"


def cis_over_far(r: dict, p: str, d: str) -> float:
    x = r["periods"][p][d]
    cis = sum(n for c, n in x["by_country"].items() if c in CIS)
    return (cis - (x["total"] - cis)) / x["total"] * 100


def far_gains(r: dict, d: str) -> bool:
    def share(p: str) -> float:
        x = r["periods"][p][d]
        return sum(n for c, n in x["by_country"].items() if c not in CIS) / x["total"] * 100

    return share("2023H1") - share("2022H1") >= STEADY_BAND


def unique_max(counts: dict[str, int]) -> int | None:
    values = sorted(counts.values(), reverse=True)
    return values[0] if values and values[0] and (len(values) == 1 or values[1] < values[0]) else None


def first_number_after(text: str, mark: str) -> int:
    return int(re.search(r"\((\d+)", text[text.index(mark):]).group(1))


@settings(max_examples=40, deadline=None)
@given(report())
def test_every_claim_of_direction_follows_from_the_figures(r):
    cur = r["periods"]["2023H1"]
    for lang in LANGS:
        m = MARKS[lang]
        doc = write_note(r, lang)
        texts = doc.prose()
        # 1. The regions: every clause claiming a change (or none) of the CIS share says what the shares say.
        claimed = {"outgoing": set(), "incoming": set()}
        for text in texts:
            for clause in re.split(m["clauses"], text):
                states = [s for s in ("gains", "loses", "steady") if any(mark in clause for mark in m[s])]
                if not states:
                    continue
                named = [d for d in ("outgoing", "incoming") if m[d].lower() in clause.lower()]
                for d in named or ["outgoing", "incoming"]:
                    claimed[d].update(states)
        for d in ("outgoing", "incoming"):
            assert claimed[d] == {cis_state(r, d)}, (lang, d, claimed[d], texts)
        # ... and so does every cell of the regions tables.
        for table in doc.tables:
            for row in table.rows:
                state = row.cells[-1].value
                if row.kind != "total" and state in ("gains", "loses", "steady") and len(row.cells) == 6:
                    before, now = row.cells[1].value, row.cells[3].value
                    p = next(d for d in ("outgoing", "incoming") if m[d].lower() in table.caption.lower())
                    delta = now / cur[p]["total"] * 100 - before / r["periods"]["2022H1"][p]["total"] * 100
                    want = "gains" if delta >= STEADY_BAND else "loses" if delta <= -STEADY_BAND else "steady"
                    assert state == want or (state == "new" and not before), (lang, table.caption, row)
        # 2. "Higher share": every pair listed differs by the threshold at least, and none is missing.
        for d, other in (("outgoing", "incoming"), ("incoming", "outgoing")):
            mine, theirs = cur[d]["shares"]["by_degree"], cur[other]["shares"]["by_degree"]
            want = sum(1 for c in mine if mine[c] - theirs.get(c, 0.0) >= STEADY_BAND)
            said = [t for t in texts if m["higher"] in t and m[d].lower() in t.split(m["higher"])[0].lower()]
            pairs = [(float(a.replace(",", ".")), float(b.replace(",", "."))) for t in said for a, b in PAIR.findall(t)]
            assert len(pairs) == want, (lang, d, said)
            assert all(a - b >= STEADY_BAND - 1e-9 for a, b in pairs), (lang, d, pairs)
        # 3. The leader: named only when it has strictly the most, with its count.
        tops = {d: unique_max(cur[d]["by_hei_type"]) for d in ("outgoing", "incoming")}
        for d in ("outgoing", "incoming"):
            said = [t for t in texts if t.startswith(m["when"]) and m["lead"][d] in t]
            if tops[d] is None:
                assert not said, (lang, d, said)
            else:
                assert len(said) == 1 and first_number_after(said[0], m["lead"][d]) == tops[d], (lang, d, said)
            largest = unique_max(cur[d]["by_degree"])
            said = [t for t in texts if m["largest"] in t and m[d].lower() in t.lower()]
            if largest is None:
                assert not said, (lang, d, said)
            else:
                assert len(said) == 1 and first_number_after(said[0], m["largest"].strip()) == largest, (lang, d, said)
        for d in ("outgoing", "incoming"):  # ... and the fewest, only when one type has them
            types = {c: n for c, n in cur[d]["by_hei_type"].items() if n}
            low = min(types.values())
            said = [t for t in texts if m["least"][d] in t]
            if len(types) < 2 or list(types.values()).count(low) > 1:
                assert not said, (lang, d, said)
            else:
                assert len(said) == 1 and int(re.search(r"\((\d+)", said[0]).group(1)) == low, (lang, d, said)
        conclusion = [t for t in texts if all(m["lead"][d].lower() in t.lower() for d in tops) and not t.startswith(m["when"])]
        assert len(conclusion) == (1 if all(tops.values()) else 0), (lang, tops, conclusion)
        # 4. The reading of the regions: "strong ties with the CIS" only when the CIS share is higher than
        # the far abroad's by the threshold in both directions; "holds back internationalisation" only
        # when, besides, the far abroad's share gained in neither direction.
        ties = all(cis_over_far(r, "2023H1", d) >= STEADY_BAND for d in ("outgoing", "incoming"))
        limit = ties and not any(far_gains(r, d) for d in ("outgoing", "incoming"))
        assert sum(m["ties"] in t for t in texts) == int(ties), (lang, texts)
        assert sum(m["limit"] in t for t in texts) == int(limit), (lang, texts)
