"""The note's analysis half on a register that is not the demo: four half-years, partners in every
world region, and HEIs that never submit. Every figure is computed again here, independently of the
report model, from the generated records."""

from __future__ import annotations

import random
import re
from collections import Counter

import polars as pl
import pytest
from django.db import transaction

from aqyl.domain.report.note import write_note
from aqyl.domain.report.regions import STEADY_BAND, diagnosis

PERIODS = ("2022H1", "2022H2", "2023H1", "2023H2")
# Written out here rather than read from the product's data, so the test checks the classifier.
REGION_OF = {"UZ": "cis", "RU": "cis", "KG": "cis", "DE": "europe", "PL": "europe", "LT": "europe",
             "TR": "middle_east", "AE": "middle_east", "CN": "asia", "JP": "asia", "IN": "asia",
             "US": "north_america", "CA": "north_america", "BR": "latin_america", "MX": "latin_america",
             "NG": "africa", "ZA": "africa", "AU": "oceania", "NZ": "oceania"}
SUBMITTING = 10


@pytest.fixture(scope="module")
def register(django_db_setup, django_db_blocker):
    from aqyl.store import models as m
    from aqyl.store.register import RECORD_COLUMNS, write_submissions
    from aqyl.store.registry import sync_shipped_registry
    from aqyl.store.report_data import report_data

    rng = random.Random(15)
    with django_db_blocker.unblock(), transaction.atomic():
        sync_shipped_registry()
        heis = list(m.Hei.objects.order_by("code").values_list("code", flat=True))
        submitting = heis[:SUBMITTING]
        rows = []
        for p_index, period in enumerate(PERIODS):
            for i in range(300 + 60 * p_index):
                country = rng.choice(list(REGION_OF))
                # The far abroad grows from one period to the next: weight CIS down over time.
                if REGION_OF[country] == "cis" and rng.random() < 0.15 * p_index:
                    country = rng.choice(["DE", "US", "CN", "BR"])
                rows.append({
                    "record_id": f"{period}-{i}", "period": period, "direction": rng.choice(["outgoing", "incoming"]),
                    "category": "faculty", "hei": rng.choice(submitting), "partner_institution": f"P{rng.randrange(900)}",
                    "partner_country": country, "programme": "inter_university", "format": "offline",
                    "degree": rng.choice(["phd", "master", "none"]), "study_level": "",
                    "field": rng.choice(["01", "04", "07", "10"]), "start_date": "", "end_date": "", "funding": "",
                    "gender": "", "person_id": f"T{rng.randrange(120)}" if i % 3 == 0 else "",
                })
        frame = pl.DataFrame({c: [r.get(c, "") for r in rows] for c in RECORD_COLUMNS},
                             schema=dict.fromkeys(RECORD_COLUMNS, pl.String))
        write_submissions(frame, source="import", file_name="generated.csv")
        model = report_data("2023H2")
        from aqyl.store.persons import person_indicators

        persons = person_indicators("2023H2")
        transaction.set_rollback(True)
    return {"rows": rows, "model": model, "registered": len(heis), "persons": persons}


def _count(rows, period, direction):
    return Counter(REGION_OF[r["partner_country"]] for r in rows
                   if r["period"] == period and r["direction"] == direction)


@pytest.mark.django_db
def test_groups_coverage_and_trend_agree_with_the_records(register):
    rows, model = register["rows"], register["model"]
    for period in ("2022H2", "2023H2"):  # the note compares with the same half a year earlier
        for direction in ("outgoing", "incoming"):
            expected = _count(rows, period, direction)
            got = model["periods"][period][direction]["by_group"]
            assert {g: v["count"] for g, v in got.items() if g != "far_abroad"} == dict(expected)
            assert got["far_abroad"]["count"] == sum(n for g, n in expected.items() if g != "cis")
    cov = model["meta"]["coverage"]
    assert (cov["registered"], cov["submitted"], len(cov["missing"])) == (
        register["registered"], SUBMITTING, register["registered"] - SUBMITTING)
    trend = {t["period"]: (t["outgoing"], t["incoming"]) for t in model["meta"]["trend"]}
    assert list(trend) == list(PERIODS)  # the half-years before the first with records are left out
    for period in PERIODS:
        per = Counter(r["direction"] for r in rows if r["period"] == period)
        assert trend[period] == (per["outgoing"], per["incoming"])


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_note_states_coverage_trend_and_the_diagnosis(register, lang):
    rows, model = register["rows"], register["model"]
    doc = write_note(model, lang, "2026-12-01")
    text = " ".join(doc.prose())
    missing = register["registered"] - SUBMITTING
    coverage = {"kk": f"2023 жылғы II жартыжылдық бойынша деректерді {SUBMITTING} ЖЖОКБҰ ұсынды (тізілімде – "
                      f"{register['registered']} ЖЖОКБҰ).",
                "ru": f"Данные за II полугодие 2023 года представили {SUBMITTING} ОВПО (в реестре – "
                      f"{register['registered']} ОВПО).",
                "en": f"{SUBMITTING} of the {register['registered']} registered HEIs submitted data for H2 2023."}[lang]
    assert coverage.replace("– ", "–\u00a0") in text or coverage in text
    appendix = doc.tables[-1]
    assert appendix.key == "appendix_3" and len(appendix.rows) == missing
    trend = next(t for t in doc.tables if [c.header for c in t.columns][:1] == [
        {"kk": "Кезең", "ru": "Период", "en": "Period"}[lang]])
    assert [r.cells[3].value for r in trend.rows] == [
        sum(1 for r in rows if r["period"] == p) for p in PERIODS]
    assert any(c.kind == "line" for c in doc.charts)
    # The diagnosis follows the stated rule, computed here from the records.
    for direction, group_word in (("outgoing", {"kk": "Қазақстандық ПОҚ", "ru": "представителей казахстанского ППС",
                                               "en": "Kazakhstani teaching staff"}),
                                  ("incoming", {"kk": "Шетелдік ПОҚ", "ru": "представителей зарубежного ППС",
                                                "en": "foreign teaching staff"})):
        before, now = _count(rows, "2022H2", direction), _count(rows, "2023H2", direction)
        state = diagnosis(before["cis"], sum(before.values()), now["cis"], sum(now.values()))
        delta = now["cis"] / sum(now.values()) * 100 - before["cis"] / sum(before.values()) * 100
        assert (state == "steady") == (abs(delta) < STEADY_BAND)
        phrase = {("steady", "kk"): "айтарлықтай өзгерген жоқ", ("steady", "ru"): "существенно не изменились",
                  ("steady", "en"): "did not change significantly",
                  ("loses", "kk"): "алыс шет елдердің үлесі өсті", ("loses", "ru"): "доля дальнего зарубежья выросла",
                  ("loses", "en"): "the share of the far abroad rose",
                  ("gains", "kk"): "ТМД елдерінің үлесі өсті", ("gains", "ru"): "доля стран СНГ выросла",
                  ("gains", "en"): "the share of the CIS countries rose"}[(state, lang)]
        sentence = next(s for s in doc.prose() if group_word[lang] in s and ("ТМД" in s or "СНГ" in s or "CIS" in s)
                        and ("үлесі" in s or "доля" in s or "share" in s))
        assert phrase in sentence, sentence


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_percent_of_change_is_the_exact_value_rounded_once(register, lang):
    """Each "grew by P %" in the prose equals 100·(b − a)/a of the two counts printed with it, rounded once."""
    doc = write_note(register["model"], lang, "2026-12-01")
    pattern = {"kk": r"(\d+(?:,\d)?)%-ға (?:өсті|азайды) \([^–]+–\u00a0(\d+), [^–]+–\u00a0(\d+)\)",
               "ru": r"на (\d+(?:,\d)?)\u00a0% \([^–]+–\u00a0(\d+), [^–]+–\u00a0(\d+)\)",
               "en": r"by (\d+(?:\.\d)?)% \([^:]+: (\d+); [^:]+: (\d+)\)"}[lang]
    found = 0
    for sentence in doc.prose():
        for p, a, b in re.findall(pattern, sentence):
            exact = abs(int(b) - int(a)) / int(a) * 100
            decimals = 0 if exact >= 10 else 1
            assert float(p.replace(",", ".")) == round(exact, decimals), sentence
            found += 1
    assert found >= 2


@pytest.mark.django_db
def test_phrase_book_is_current(register, django_db_blocker):
    """docs/phrasebook.md: every pattern with a rendered example. After a deliberate change:
    AQYL_UPDATE_GOLDEN=1 pytest tests/test_note_analysis.py -k phrase."""
    import os
    from pathlib import Path

    from aqyl.domain.report.phrasebook import phrasebook
    from aqyl.domain.report.phrases import T
    from aqyl.store.demo import load_demo
    from aqyl.store.report_data import report_data

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        demo = [report_data("2023H1"), report_data("2022H1")]  # the second has no comparison period
        transaction.set_rollback(True)
    text = phrasebook([*demo, register["model"]])
    for key in T:
        assert f"### `{key}`" in text
    path = Path(__file__).parent.parent / "docs" / "phrasebook.md"
    if os.environ.get("AQYL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "heading"), [("kk", "Жеке адамдар бойынша көрсеткіштер"),
                                               ("ru", "Показатели по отдельным лицам"), ("en", "Person-level indicators")])
def test_note_has_the_section_on_persons_when_records_carry_ids(register, lang, heading):
    from aqyl.domain.report.document import Heading

    persons = register["persons"]
    ids = {(r["hei"], r["person_id"]) for r in register["rows"] if r["person_id"]}
    assert persons.persons == len(ids)  # an HEI's own ID names one person within that HEI
    doc = write_note(register["model"], lang, "2026-12-01", persons=persons)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert any(h.startswith(heading) for h in headings)
    # Periods in words, as the rest of the note names them, never as codes ("2023H1").
    at = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text.startswith(heading))
    section = [getattr(b, "text", "") or getattr(b, "caption", "") for b in doc.blocks[at + 1:at + 4]]
    assert section and not any(re.search(r"\d{4}H[12]", text) for text in section), section
    assert not any(h.startswith(heading) for h in (b.text for b in write_note(register["model"], lang).blocks
                                                   if isinstance(b, Heading)))
