"""Open-data releases: disclosure control on generated data full of single-person cells (every small
cell suppressed, secondary cells so none is recoverable, checked by an independent linear programme
over the published table only), totals equal to the register's, the Frictionless package, the
public view that never shows the register; and the person-level indicators on a hand-checked case."""

import csv
import io
import json
import random
import re
from collections import defaultdict
from datetime import date, timedelta

import numpy as np
import pytest
from django.test import Client
from scipy.optimize import linprog

from aqyl.domain.disclosure import PRIMARY, SECONDARY, TOTAL, protect
from aqyl.domain.persons import Trip, indicators, section_blocks
from aqyl.domain.report.document import Table

pytestmark = pytest.mark.engines  # engine-specific code: also run on PostgreSQL (scripts/test.sh)

THRESHOLD = 5


def attacker_bounds(rows, cols, published, flags, threshold=THRESHOLD):
    """Min and max of each suppressed cell given only what is published: the cells, the totals
    (last row and column), and the flags (primary below the threshold, secondary at or above it)."""
    hidden = [(i, j) for i in range(len(rows)) for j in range(len(cols)) if published[i][j] is None]
    idx = {c: n for n, c in enumerate(hidden)}
    a_eq, b_eq = [], []
    lines = [[(i, j) for j in range(len(cols))] for i in range(len(rows))] + \
            [[(i, j) for i in range(len(rows))] for j in range(len(cols))]
    for line in lines:
        a, b = np.zeros(len(hidden)), 0.0
        for n, cell in enumerate(line):
            sign = -1.0 if n == len(line) - 1 else 1.0
            if cell in idx:
                a[idx[cell]] += sign
            else:
                b -= sign * published[cell[0]][cell[1]]
        if a.any():
            a_eq.append(a)
            b_eq.append(b)
    limits = [(1, threshold - 1) if flags[c] == PRIMARY else (threshold, None) for c in hidden]
    out = {}
    for c, n in idx.items():
        cost = np.zeros(len(hidden))
        cost[n] = 1
        low = linprog(cost, A_eq=np.array(a_eq), b_eq=b_eq, bounds=limits, method="highs")
        high = linprog(-cost, A_eq=np.array(a_eq), b_eq=b_eq, bounds=limits, method="highs")
        assert low.status == high.status == 0
        out[c] = (round(low.fun, 6), round(-high.fun, 6))
    return out


def sparse_table(seed: int, n_rows: int, n_cols: int):
    rnd = random.Random(seed)
    rows, cols = [f"r{i}" for i in range(n_rows)], [f"c{j}" for j in range(n_cols)]
    weights = [0] * 6 + [1] * 6 + [2, 3, 4] + [5, 8, 13, 40]  # mostly empty or single-person cells
    return rows, cols, {(r, c): rnd.choice(weights) for r in rows for c in cols}


@pytest.mark.parametrize("seed,n_rows,n_cols", [(1, 30, 5), (2, 12, 3), (3, 45, 2), (4, 8, 8), (5, 3, 2)])
def test_suppression_leaves_no_cell_recoverable(seed, n_rows, n_cols):
    rows, cols, counts = sparse_table(seed, n_rows, n_cols)
    p = protect(rows, cols, counts, threshold=THRESHOLD)
    values = p.values
    singles = int(((values[:-1, :-1] == 1)).sum())
    assert singles >= n_rows * n_cols // 5  # the data is full of single-person cells
    flags = {}
    for i, r in enumerate(p.rows):
        for j, c in enumerate(p.columns):
            v, shown, flag = int(values[i, j]), p.published[i][j], p.status[i][j]
            flags[(i, j)] = flag
            if (r, c) == (TOTAL, TOTAL):
                assert shown == v and flag == ""  # the grand total is always published
            elif 0 < v < THRESHOLD:
                assert shown is None and flag == PRIMARY, (r, c, v)
            elif shown is None:
                assert flag == SECONDARY and v >= THRESHOLD
            else:
                assert shown == v and flag == ""
    assert sum(1 for f in flags.values() if f == SECONDARY) > 0
    # The attacker's LP over the published table admits at least two values for every hidden cell.
    found = attacker_bounds(p.rows, p.columns, p.published, flags)
    pinned = {c: b for c, b in found.items() if b[1] - b[0] < 1}
    assert not pinned
    for (i, j), (low, high) in found.items():
        assert low <= values[i, j] <= high


def test_the_attacker_lp_pins_a_cell_left_alone_in_its_row():
    """The check can fail: with primary suppression only, subtraction gives the cell away."""
    rows, cols = ["a", "b"], ["x", "y"]
    counts = {("a", "x"): 1, ("a", "y"): 20, ("b", "x"): 30, ("b", "y"): 40}
    published = [[None, 20, 21], [30, 40, 70], [31, 60, 91]]
    found = attacker_bounds([*rows, TOTAL], [*cols, TOTAL], published, {(0, 0): PRIMARY})
    assert found == {(0, 0): (1.0, 1.0)}
    p = protect(rows, cols, counts)
    assert sum(1 for *_, f in p.cells() if f) >= 4  # protect() hides a whole cycle instead


def test_rounding_to_base_5():
    rows, cols, counts = sparse_table(9, 10, 4)
    p = protect(rows, cols, counts, method="round5")
    for _, _, v, shown, flag in p.cells():
        assert shown % 5 == 0 and abs(shown - v) <= 2 and flag == "rounded"


def test_a_table_whose_total_is_small_is_withheld_whole():
    p = protect(["a", "b"], ["x", "y"], {("a", "x"): 1, ("b", "y"): 2})
    assert all(shown is None and flag == "table_below_threshold" for *_, shown, flag in p.cells())


# --- the release over a register --------------------------------------------------------------------
def generated_rows(n: int = 400, seed: int = 11) -> list[dict]:
    """A half-year of varied records: many HEIs, countries, fields, degrees, both directions,
    staff and students, most combinations met once."""
    rnd = random.Random(seed)
    heis = ["ALMAU", "KAZNU", "ENU", "SDU", "KBTU", "KIMEP", "NARXOZ", "KAZNMU", "AITU", "AUES"]
    countries = ["DE", "TR", "RU", "KG", "UZ", "US", "LT", "PL", "FR", "CN", "KR", "JP", "EE", "LV", "IT"]
    out = []
    for i in range(n):
        student = rnd.random() < 0.3
        out.append({
            "record_id": f"G{i}", "period": "2024H1", "direction": rnd.choice(["outgoing", "incoming"]),
            "category": "student" if student else rnd.choice(["faculty", "faculty", "researcher"]),
            "hei": rnd.choice(heis), "partner_institution": f"Partner {rnd.randint(1, 60)}",
            "partner_country": rnd.choice(countries[: rnd.choice([3, 6, 15])]),
            "programme": rnd.choice(["erasmus_plus", "inter_university", "daad"]),
            "format": rnd.choice(["offline", "offline", "online", "blended"]),
            "degree": "" if student else rnd.choice(["phd", "candidate_of_sciences", "master", "none"]),
            "study_level": rnd.choice(["bachelor", "master", "doctoral"]) if student else "",
            "field": rnd.choice(["01", "02", "04", "05", "06", "07", "09", "10"]),
            "start_date": "2024-02-01", "end_date": "2024-03-01", "person_id": f"P{i}",
        })
    return out


@pytest.fixture
def register(db, settings, tmp_path):
    from tests.test_import_check import HEADER, csv_text

    from aqyl.app.imports import import_file
    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    path = tmp_path / "generated.csv"
    path.write_text(csv_text(generated_rows(), HEADER), encoding="utf-8")
    report, _ = import_file(path)
    assert report.ok and report.stored == 400, report.as_dict("en")["errors"][:3]
    return tmp_path


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def register_cells(period: str) -> dict:
    """(table, category, direction, row, column) → trips, counted here from the records themselves."""
    from aqyl.store import models as m

    cells = defaultdict(int)
    for r in m.MobilityRecord.objects.filter(period=period).select_related("hei"):
        level = r.study_level if r.category == "student" else r.degree
        for table, row, col in (("countries", r.partner_country, r.hei.hei_type), ("fields", r.field, level),
                                ("heis", r.hei.code, r.format)):
            for rr in (row, TOTAL):
                for cc in (col, TOTAL):
                    cells[(table, r.category, r.direction, rr, cc)] += 1
    return cells


@pytest.mark.slow
def test_release_suppresses_small_cells_and_keeps_the_registers_totals(register):
    from aqyl.app.release import publish

    release, built = publish("2024H1", user=None, by="test", out=register / "pkg")
    truth = register_cells("2024H1")
    files = {f.name: bytes(f.content) for f in release.files.all()}
    assert set(files) == {"datapackage.json", "data/countries.csv", "data/fields.csv", "data/heis.csv", "data/codes.csv",
                          "data/suppressed.csv", *(f"aqyl-open-2024H1-{lang}.xlsx" for lang in ("kk", "ru", "en")),
                          *(f"methodology-{lang}.html" for lang in ("kk", "ru", "en"))}
    assert (register / "pkg" / "data" / "heis.csv").read_bytes() == files["data/heis.csv"]
    tables = defaultdict(dict)
    dims = {"countries": ("partner_country", "hei_type"), "fields": ("field", "level"), "heis": ("hei", "format")}
    suppressed = 0
    for name, (rd, cd) in dims.items():
        for row in read_csv(files[f"data/{name}.csv"]):
            key = (name, row["category"], row["direction"], row[rd], row[cd])
            true = truth.get(key, 0)
            if row["count"] == "":
                suppressed += 1
                assert row["flag"] in (PRIMARY, SECONDARY)
                assert (row["flag"] == PRIMARY) == (0 < true < THRESHOLD)
            else:
                assert int(row["count"]) == true and row["flag"] == "", key  # what is published is the register's
                assert not 0 < true < THRESHOLD
            tables[key[:3]][(row[rd], row[cd])] = (None if row["count"] == "" else int(row["count"]), row["flag"])
    assert suppressed == len(read_csv(files["data/suppressed.csv"])) > 100
    # Every grand total is published and is the register's; each table resists the attacker's LP.
    for (name, category, direction), cells in tables.items():
        assert cells[(TOTAL, TOTAL)][0] == truth[(name, category, direction, TOTAL, TOTAL)]
        rows = [*sorted({r for r, _ in cells} - {TOTAL}), TOTAL]
        cols = [*sorted({c for _, c in cells} - {TOTAL}), TOTAL]
        published = [[cells.get((r, c), (0, ""))[0] for c in cols] for r in rows]
        flags = {(i, j): cells.get((r, c), (0, ""))[1] for i, r in enumerate(rows) for j, c in enumerate(cols)}
        found = attacker_bounds(rows, cols, published, flags)
        assert all(high - low >= 1 for low, high in found.values()), (name, category, direction)
    students = [t for t in built.tables if t.category == "student" and t.name == "fields"]
    assert students and "doctoral" in students[0].table.columns  # students are counted by study level


@pytest.mark.slow
def test_datapackage_is_valid_frictionless_with_three_languages(register):
    frictionless = pytest.importorskip("frictionless")
    from aqyl.app.release import publish, write_files

    _, built = publish("2024H1", threshold=3)
    folder = register / "package"
    write_files(built.files, folder)
    package = json.loads(built.files["datapackage.json"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["disclosure_control"]["threshold"] == 3
    fields = {f["name"]: f for r in package["resources"] for f in r["schema"]["fields"]}
    assert fields["count"]["descriptions"] == {"kk": "Сапарлар саны; жасырылса — бос",
                                               "ru": "Число поездок; пусто, если скрыто",
                                               "en": "Number of trips; empty when suppressed"}
    assert all(set(f["descriptions"]) == {"kk", "ru", "en"} for f in fields.values())
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    note = built.files["methodology-ru.html"].decode()
    assert "каждая ячейка (включая итоги) со значением меньше 3 скрыта" in note
    assert "Creative Commons Attribution 4.0" in note


def test_round5_release(register):
    from aqyl.app.release import publish

    release, _ = publish("2024H1", method="round5")
    rows = read_csv(bytes(release.files.get(name="data/countries.csv").content))
    assert rows and all(int(r["count"]) % 5 == 0 and r["flag"] == "rounded" for r in rows)
    assert "до ближайшего числа, кратного 5" in bytes(release.files.get(name="methodology-ru.html").content).decode()


def test_publish_command(aqyl, tmp_path):
    assert aqyl("demo", "--out", str(tmp_path / "demo")).returncode == 0
    env_db = ["--lang", "en"]
    bad = aqyl("publish", "--period", "2023H1", "--out", str(tmp_path / "o"), "--threshold", "0", *env_db)
    assert bad.returncode == 2 and "--threshold: a whole number from 1 to 100" in bad.stderr
    empty = aqyl("publish", "--period", "2030H1", "--out", str(tmp_path / "o"), *env_db)
    assert empty.returncode == 2 and "2030H1 has no current records: nothing to publish." in empty.stderr


# --- the public view ----------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.django_db
def test_public_view_shows_released_tables_never_the_register(register):
    from aqyl.store import models as m

    anonymous = Client()
    anonymous.cookies["aqyl_lang"] = "en"
    assert "Nothing has been published yet." in anonymous.get("/open/").content.decode()
    assert anonymous.get("/open/publish/").status_code == 302  # sign-in needed to publish
    officer = Client()
    officer.post("/login/", {"username": "officer", "password": "aqyl-demo"})
    assert officer.get("/open/publish/").status_code == 403
    analyst = Client()
    analyst.post("/login/", {"username": "analyst", "password": "aqyl-demo"})
    done = analyst.post("/open/publish/", {"period": "2023H1", "threshold": "5", "method": "suppress"})
    release = m.Release.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/open/?release={release.pk}"
    assert release.created_by_name == "analyst" and m.AuditEntry.objects.filter(action="release.publish").exists()
    analyst.cookies["aqyl_lang"] = "en"
    bad = analyst.post("/open/publish/", {"period": "2023H1", "threshold": "0"})
    assert bad.status_code == 400 and "The threshold must be a whole number from 1 to 100." in bad.content.decode()
    for lang, words in (("kk", "Шығыс"), ("ru", "Исходящая"), ("en", "Outgoing")):
        anonymous.cookies["aqyl_lang"] = lang
        page = anonymous.get("/open/").content.decode()
        assert words in page and "382" in page and "353" in page and "…" in page
        assert "<svg" in page
    # No record, no partner institution. The CSRF token is random text that may hold "P1".
    shown = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    assert shown != page  # the language switch's form carries one
    assert "P1" not in shown and "Partner University" not in page
    zipped = anonymous.get(f"/open/{release.pk}/package.zip")
    assert zipped.status_code == 200 and zipped.content[:2] == b"PK"
    data = anonymous.get(f"/open/{release.pk}/data/countries.csv")
    assert data.status_code == 200 and data.content.startswith(b"period,category,direction,partner_country")
    assert anonymous.get(f"/open/{release.pk}/aqyl.sqlite3").status_code == 404
    release.is_public = False
    release.save()
    assert anonymous.get(f"/open/{release.pk}/package.zip").status_code == 404


@pytest.mark.django_db
def test_persons_api_is_for_analysts(register):
    analyst = Client()
    analyst.post("/login/", {"username": "analyst", "password": "aqyl-demo"})
    body = analyst.get("/api/persons?within=2").json()
    assert body["within_half_years"] == 2 and body["persons"] == 1048 + 400 and body["trips"] == 1048 + 400
    assert analyst.get("/api/persons?within=0").status_code == 400
    officer = Client()
    officer.post("/login/", {"username": "officer", "password": "aqyl-demo"})
    assert officer.get("/api/persons").status_code == 403
    assert Client().get("/api/persons").status_code in (401, 403)


# --- person-level indicators ------------------------------------------------------------------------
A, B, C, D, E, F, G, H, J = (f"p1:2026a:{c * 32}" for c in "abcdefghj")


def hand_checked_trips() -> list[Trip]:
    d = date
    return [
        Trip(A, "2022H1", "outgoing", "faculty", "ALMAU", "DE", "offline", d(2022, 3, 1), d(2022, 3, 20)),
        Trip(A, "2023H1", "outgoing", "faculty", "KAZNU", "TR", "offline", d(2023, 3, 1), d(2023, 3, 10)),  # again, other HEI
        Trip(B, "2022H1", "outgoing", "researcher", "ENU", "DE", "offline", d(2022, 4, 1), d(2022, 4, 5)),
        Trip(B, "2024H2", "outgoing", "researcher", "ENU", "DE", "online"),  # again, but after K = 4 half-years
        Trip(C, "2024H1", "outgoing", "faculty", "SDU", "US", "offline"),  # too recent to count
        Trip(D, "2022H2", "incoming", "faculty", "KBTU", "KR", "offline", d(2022, 9, 1), d(2022, 9, 30)),
        Trip(D, "2023H2", "incoming", "faculty", "NU", "KR", "offline", d(2023, 10, 1), d(2023, 10, 30)),
        Trip(E, "2022H2", "incoming", "faculty", "KBTU", "CN", "offline"),
        Trip(F, "2021H2", "outgoing", "student", "ALMAU", "GB", "offline", d(2021, 9, 1), d(2023, 6, 30)),  # degree
        Trip(F, "2024H1", "outgoing", "faculty", "ALMAU", "GB", "online"),  # back: a later record
        Trip(G, "2021H2", "outgoing", "student", "ENU", "US", "offline", d(2021, 9, 1), d(2023, 6, 30)),  # cohort: back
        Trip(H, "2021H2", "outgoing", "student", "ENU", "US", "offline", d(2021, 9, 1), d(2023, 6, 30)),  # not back
        Trip(J, "2023H2", "outgoing", "student", "ENU", "US", "offline", d(2023, 9, 1), d(2025, 6, 30)),  # still abroad
        Trip("ALMAU/77", "2024H2", "outgoing", "faculty", "ALMAU", "DE", "offline"),  # HEI's own ID
    ]


def test_person_indicators_by_hand():
    ind = indicators(hand_checked_trips(), returned_by_cohort=[G], as_of="2024H2", within=4)
    assert (ind.persons, ind.linked, ind.trips) == (10, 9, 14)
    assert ind.several_heis == 2 and ind.several_periods == 4  # A, D change HEI; A, B, D, F several half-years
    # Outgoing staff whose first trip is at least 4 half-years before 2024H2: A (2022H1), B (2022H1);
    # A went again in 2023H1 (2 half-years later), B only in 2024H2 (5 later).
    assert ind.staff_again.as_dict() == {"part": 1, "whole": 2, "percent": 50.0}
    # Incoming: D first came 2022H2 and again 2023H2; E came once.
    assert ind.incoming_return.as_dict() == {"part": 1, "whole": 2, "percent": 50.0}
    assert ind.degree_return.as_dict() == {"part": 2, "whole": 3, "percent": 66.7}
    assert (ind.degree_back_by_record, ind.degree_back_by_cohort, ind.degree_still_abroad) == (1, 1, 1)
    assert ind.pendulum_persons == 2  # A and D made more than one physical trip (B's and F's second is online)
    assert ind.forms["virtual"] == 2


def test_person_section_in_three_languages():
    ind = indicators(hand_checked_trips(), returned_by_cohort=[G], as_of="2024H2", within=4)
    blocks = {lang: section_blocks(ind, lang) for lang in ("kk", "ru", "en")}
    table = next(b for b in blocks["ru"] if isinstance(b, Table))
    assert [c.text for c in table.rows[3].cells] == ["ППС и сотрудники, повторно выезжавшие в течение 4 полугодий", "1", "2", "50,0"]
    assert blocks["en"][0].text == "Person-level indicators: repeat mobility and return"
    assert blocks["en"][1].text == (
        "The indicators are computed from the register's records from H2 2021 to H2 2024: 14 trip records, 14 of them "
        "with a person ID; the IDs identify 10 participants. "
        "Participants are matched across HEIs and half-years by the pseudonymised IIN, which 9 of them have; the "
        "others' repeat trips are counted only within one HEI.")
    assert blocks["ru"][1].text.startswith(
        "Показатели рассчитаны по записям реестра с II полугодия 2021 года по II полугодие 2024 года: записей о поездках "
        "– 14, из них с идентификатором участника – 14; число участников, установленных по идентификатору, – 10. "
        "Участники сопоставлялись между ОВПО и полугодиями по обезличенному ИИН; число участников с обезличенным ИИН – 9,")
    assert blocks["kk"][1].text.startswith(
        "Көрсеткіштер 2021 жылғы II жартыжылдық – 2024 жылғы II жартыжылдық аралығындағы тізілім жазбалары бойынша "
        "есептелді: сапар жазбалары – 14, оның ішінде қатысушы идентификаторы барлары – 14; идентификатор бойынша "
        "анықталған қатысушылар саны – 10. Қатысушылар ЖЖОКБҰ мен жартыжылдықтар арасында")
    assert "4 жартыжылдық ішінде қайта шыққан ПОҚ және қызметкерлер" in [
        r.cells[0].text for b in blocks["kk"] if isinstance(b, Table) for r in b.rows]
    one = indicators(hand_checked_trips(), as_of="2024H2", within=1)
    assert "в течение 1 полугодия" in section_blocks(one, "ru")[-1].text


def test_without_an_id_that_links_two_records_the_section_is_one_sentence():
    """The demo's 1,048 records each carry an HEI's own code seen once: nothing links two trips of one
    person, so a table of zeros would print what nothing measured (issue 31)."""
    from aqyl.domain.report.document import Paragraph

    once = [Trip(f"ALMAU/{i}", "2023H1", "outgoing", "faculty", "ALMAU", "DE", "offline") for i in range(5)]
    for trips in (once, [Trip(f"record/{i}", "2023H1", "outgoing", "faculty", "ALMAU", "DE") for i in range(3)]):
        ind = indicators(trips, as_of="2023H1")
        assert not ind.measured
        blocks = {lang: section_blocks(ind, lang) for lang in ("kk", "ru", "en")}
        assert all(len(b) == 2 and isinstance(b[1], Paragraph) for b in blocks.values())  # a heading, one sentence
        assert blocks["ru"][1].text == (
            "Для показателей по отдельным лицам (повторная мобильность, маятниковая миграция, возвращение) нужен "
            "обезличенный ИИН участников; в записях периода его нет, поэтому эти показатели не рассчитаны.")
        assert blocks["kk"][1].text == (
            "Жеке адамдар бойынша көрсеткіштерді (қайталама ұтқырлық, маятникті миграция, оралу) есептеу үшін "
            "қатысушылардың иесіздендірілген ЖСН-і қажет; кезеңнің жазбаларында ол жоқ, сондықтан бұл көрсеткіштер "
            "есептелмеді.")
    # An HEI's own code on two records links them: the table has numbers, and a share of no one is a dash.
    again = [*once, Trip("ALMAU/0", "2023H2", "outgoing", "faculty", "ALMAU", "DE", "offline")]
    ind = indicators(again, as_of="2023H2")
    assert ind.measured and (ind.persons, ind.trips, ind.identified_trips) == (5, 6, 6)
    table = next(b for b in section_blocks(ind, "ru") if isinstance(b, Table))
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows}
    assert rows["Совершали поездки в нескольких полугодиях"] == ["1", "5", "20,0"]
    assert rows["Обучающиеся, вернувшиеся после получения степени за рубежом"] == ["–", "–", "–"]


@pytest.mark.django_db
def test_person_section_from_the_register(register):
    from aqyl.store.persons import person_section
    from aqyl.store.report_data import report_data

    blocks = person_section(report_data("2023H1"), "en")
    assert blocks[0].text == "Person-level indicators: repeat mobility and return"
    # Every record of the demo and of the generated file carries an ID seen once: nothing is measured.
    assert [b.text for b in blocks[1:]] == [
        "Person-level indicators (repeat mobility, pendulum migration, return) need the participants' pseudonymised "
        "IIN; the period's records carry none, so these indicators are not computed."]


@pytest.mark.django_db
def test_person_indicators_counted_on_columns_agree_with_the_core(monkeypatch):
    """The register's indicators are counted on columns (aqyl.store.persons, issue 32): on the
    hand-checked trips stored as records, and on 600 random trips of 150 people across HEIs and
    half-years, they equal the core's trip-by-trip definition, for several as_of and K."""
    import random

    from aqyl.store import models as m
    from aqyl.store import persons

    heis = {}
    for code in ("ALMAU", "KAZNU", "ENU", "SDU", "KBTU", "NU"):
        heis[code] = m.Hei.objects.get_or_create(code=code, defaults={
            "hei_type": "national", "name_kk": code, "name_ru": code, "name_en": code})[0]

    def store(trip: Trip, person_id: str) -> None:
        student = trip.category == "student"
        m.MobilityRecord.objects.create(
            period=trip.period, direction=trip.direction, category=trip.category, hei=heis[trip.hei],
            partner_country=trip.country, programme="bolashak_500_scientists", format=trip.format, field="05",
            degree="" if student else "phd", study_level="bachelor" if student else "", start_date=trip.start,
            end_date=trip.end, person_id=person_id)

    for trip in hand_checked_trips():
        store(trip, trip.person.split("/")[-1])
    m.MobilityRecord.objects.create(period="2023H1", direction="outgoing", category="faculty", hei=heis["ENU"],
                                    partner_country="DE", programme="bolashak_500_scientists", format="offline",
                                    field="05", degree="phd")  # no person ID: one person, once
    monkeypatch.setattr(persons, "cohort_returns", lambda: {G})
    rng = random.Random(5)
    people = [f"p1:2026a:{rng.choice('abcdefgh') * 31}{c}" for c in "abcdefghijklmnopqrstuvwxyz234567"]
    people += [f"L{i}" for i in range(118)]
    for _ in range(600):
        year, half = rng.randint(2019, 2025), rng.choice((1, 2))
        begins = date(year, 1 if half == 1 else 7, rng.randint(1, 28))
        days = rng.choice((None, 5, 30, 200, 364, 365, 400, 800))
        trip = Trip("", f"{year}H{half}", rng.choice(("outgoing", "incoming")),
                    rng.choice(("faculty", "student", "researcher", "staff")), rng.choice(list(heis)),
                    rng.choice(("DE", "TR", "US")), rng.choice(("offline", "online", "blended")),
                    begins if days else None, begins + timedelta(days=days - 1) if days else None)
        store(trip, rng.choice(people))
    for as_of, within in (("2024H2", 4), (None, 2), ("2021H1", 1), ("2023H2", 3)):
        assert persons.person_indicators(as_of, within) == persons.trip_by_trip(as_of, within), (as_of, within)
    ind = persons.person_indicators("2024H2", 4)
    assert ind.degree_back_by_cohort >= 1 and ind.linked > 30 and ind.several_heis > 20  # the cases are there
    assert ind.staff_again.whole > 10 and ind.incoming_return.whole > 10 and ind.degree_return.whole > 10
