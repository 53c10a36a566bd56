"""The national HEI registry (issue 34): identifiers, the registry as a file both ways, its history
(mergers, renames, closures) and the boards and coverage that count the HEIs active in a period."""

from __future__ import annotations

import csv
import json
import random
from datetime import date, timedelta

import pytest

from aqyl.domain.errors import RegistryError
from aqyl.domain.hei_file import COLUMNS
from aqyl.domain.heis import HeiDirectory, Identifiers, bin_ok, check_identifiers, shipped_registry
from aqyl.domain.pseudonym import iin_checksum_ok

W1 = range(1, 12)
W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(eleven: str) -> int | None:
    """Written out again from the rule (not the code under test): None when no twelfth digit works."""
    for weights in (W1, W2):
        s = sum(int(c) * w for c, w in zip(eleven, weights, strict=True)) % 11
        if s != 10:
            return s
    return None


def a_bin(rng: random.Random) -> str:
    while True:
        eleven = "".join(rng.choice("0123456789") for _ in range(11))
        digit = check_digit(eleven)
        if digit is not None:
            return eleven + str(digit)


# --- BIN -------------------------------------------------------------------------------------------
def test_bin_check_digit_cases():
    assert bin_ok("000740001307")  # Σ 1·0+…+11·0 … = 7 (first weights)
    assert not bin_ok("000740001308")  # one off in the check digit
    assert not bin_ok("00074000130")  # 11 digits
    assert not bin_ok("0007400013070")  # 13
    assert not bin_ok("00074000130a")
    # the first weights give 10, the second a digit: that digit is the check
    rng = random.Random(7)
    second = first_ten = None
    while second is None or first_ten is None:
        e = "".join(rng.choice("0123456789") for _ in range(11))
        if sum(int(c) * w for c, w in zip(e, W1, strict=True)) % 11 == 10:
            if check_digit(e) is None:
                first_ten = first_ten or e
            else:
                second = second or e
    digit = check_digit(second)
    assert bin_ok(second + str(digit))
    assert not bin_ok(second + str((digit + 1) % 10))
    assert not any(bin_ok(first_ten + str(d)) for d in range(10))  # both sums 10: no BIN has these digits
    for _ in range(500):  # the same rule as the IIN's, from the same function
        b = a_bin(rng)
        assert bin_ok(b) and iin_checksum_ok(b)


@pytest.mark.parametrize(("ids", "lang", "message"), [
    (Identifiers(bin="000740001308"), "en",
     "“000740001308” is not a BIN: a BIN has 12 digits, the last one a check digit. Check it against the HEI's registration document."),
    (Identifiers(bin="000740001308"), "kk",
     "«000740001308» — БСН емес: БСН 12 цифрдан тұрады, соңғысы — бақылау цифры. Оны ЖОО-ның тіркеу құжатымен салыстырыңыз."),
    (Identifiers(bin="000740001308"), "ru",
     "«000740001308» — не БИН: БИН состоит из 12 цифр, последняя из них контрольная. Сверьте его с регистрационным документом вуза."),
    (Identifiers(schac="kaznu"), "en", "“kaznu” is not a SCHAC code: it must be the HEI's internet domain, e.g. kaznu.kz."),
    (Identifiers(pic="12345678"), "en", "“12345678” is not a PIC: a PIC has 9 digits."),
    (Identifiers(ror="ror:123"), "en", "“ror:123” is not a ROR id: write it as 05xs36f43 or https://ror.org/05xs36f43."),
    (Identifiers(website="kaznu.kz"), "en", "“kaznu.kz” is not a website address: it must begin with http:// or https://."),
    (Identifiers(erasmus="KZALMATY"), "en",
     "“KZALMATY” is not an Erasmus code: it is a country code, a city's name and two digits, e.g. KZ ALMATY01."),
])
def test_identifiers_are_refused_when_wrong(ids, lang, message):
    with pytest.raises(RegistryError) as caught:
        check_identifiers(ids)
    assert caught.value.message(lang) == message


def test_identifiers_are_stored_in_one_form():
    ids = check_identifiers(Identifiers(bin="0007 4000 1307", schac="https://KazNU.kz/", erasmus="kz  almaty01",
                                        pic="999 999 999", ror="https://ror.org/05xs36f43"))
    assert (ids.bin, ids.schac, ids.erasmus, ids.pic, ids.ror) == ("000740001307", "kaznu.kz", "KZ ALMATY01",
                                                                   "999999999", "05xs36f43")


def test_an_hei_is_found_by_its_schac_code():
    heis = shipped_registry()
    assert {h.code: h.ids.schac for h in heis if h.ids.schac}["KAZNU"] == "kaznu.kz"
    directory = HeiDirectory(heis)
    assert directory.resolve("KazNU.kz") == "KAZNU"
    assert directory.resolve("nu.edu.kz") is None


# --- the registry as a file ------------------------------------------------------------------------
def write_csv(path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)


def new_hei(code: str, n: int, **more: str) -> dict[str, str]:
    return {"code": code, "type": "private", "region": "almaty_city", "name_kk": f"Сынақ жоғары мектебі {n}",
            "name_ru": f"Тестовая высшая школа {n}", "name_en": f"Test Higher School {n}", **more}


BAD_ROWS = [
    new_hei("NEW1", 1, bin="000740001308"),  # row 2: the BIN's check digit
    new_hei("NEW2", 2, schac="new.edu.kz"),  # row 3
    new_hei("NEW3", 3, schac="NEW.edu.kz"),  # row 4: the same SCHAC code (lower case) again
    new_hei("NEW4", 4, type="university"),  # row 5: no such type
    new_hei("NEW5", 5, region="Narnia"),  # row 6: no such region
    new_hei("NEW6", 6, successor="NOPE"),  # row 7: no such HEI
]
BAD_MESSAGES = {
    "en": [
        "Cell L2: “000740001308” is not a BIN: a BIN has 12 digits, the last one a check digit. Check it against the HEI's registration document.",
        "Cell M4: “NEW.edu.kz” is given twice in the file: row 3 has it too.",
        "Cell B5: “university” is not in the HEI type classifier. Allowed values: national — National, state — State, jsc — Joint-stock company (JSC), private — Private, international — International.",
        "Cell D6: “Narnia” is not in the Region classifier. Did you mean: astana — Astana (city), karaganda — Karaganda Region, atyrau — Atyrau Region?",
        "Cell U7: There is no HEI with code “NOPE” in the registry or in the file.",
    ],
    "ru": [
        "Ячейка L2: «000740001308» — не БИН: БИН состоит из 12 цифр, последняя из них контрольная. Сверьте его с регистрационным документом вуза.",
        "Ячейка M4: «NEW.edu.kz» указано в файле дважды: оно есть и в строке 3.",
        "Ячейка U7: Вуза с кодом «NOPE» нет ни в реестре, ни в файле.",
    ],
    "kk": [
        "L2 ұяшығы: «000740001308» — БСН емес: БСН 12 цифрдан тұрады, соңғысы — бақылау цифры. Оны ЖОО-ның тіркеу құжатымен салыстырыңыз.",
        "M4 ұяшығы: «NEW.edu.kz» файлда екі рет берілген: ол 3-жолда да бар.",
        "U7 ұяшығы: «NOPE» коды бар ЖОО тізілімде де, файлда да жоқ.",
    ],
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_wrong_file_names_each_cell_in_the_users_language_and_stores_nothing(cli, tmp_path, lang):
    from aqyl.store import models as m

    before = m.Hei.objects.count()
    path = tmp_path / "registry.csv"
    write_csv(path, BAD_ROWS)
    code, out, err = cli("hei", "import", str(path), "--lang", lang)
    assert code == 1 and out == ""
    lines = err.splitlines()
    if lang == "en":
        assert lines == BAD_MESSAGES["en"] + [
            "registry.csv: errors found: 5; the registry was not changed."]
    else:  # the classifiers' own messages are tested with them; here the registry's
        assert [lines[0], lines[1], lines[4]] == BAD_MESSAGES[lang]
        assert lines[5] == {"kk": "registry.csv: 5 қате табылды, тізілім өзгертілмеді.",
                            "ru": "registry.csv: найдено ошибок: 5; реестр не изменён."}[lang]
    assert m.Hei.objects.count() == before


@pytest.mark.django_db
def test_a_bin_taken_by_a_registered_hei_and_a_code_given_twice(cli, tmp_path):
    from aqyl.app.registry import import_heis

    path = tmp_path / "r.csv"
    write_csv(path, [new_hei("NEW1", 1, bin="000740001307")])
    assert import_heis(path).stored
    write_csv(path, [new_hei("NEW2", 2, bin="000740001307"), new_hei("NEW3", 3), new_hei("NEW3", 4)])
    result = import_heis(path)
    assert not result.stored
    assert [p.message("en") for p in result.problems] == [
        "Cell A4: “NEW3” is given twice in the file: row 3 has it too."]
    write_csv(path, [new_hei("NEW2", 2, bin="000740001307")])
    assert [p.message("en") for p in import_heis(path).problems] == [
        "Cell L2: The identifier “000740001307” already belongs to HEI “Test Higher School 1”."]


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_changes_nothing_and_an_edit_is_stored_and_audited(cli, tmp_path, suffix):
    from aqyl.store import models as m

    out = tmp_path / f"registry.{suffix}"
    assert cli("hei", "export", "--out", str(out), "--lang", "en") == (0, f"{out}: HEIs written: 61.\n", "")
    assert cli("hei", "import", str(out), "--lang", "en")[1] == f"registry.{suffix}: HEIs added: 0, changed: 0, unchanged: 61.\n"
    csv_path = tmp_path / "edited.csv"
    cli("hei", "export", "--out", str(csv_path))
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    kaznu = next(r for r in rows if r["code"] == "KAZNU")
    kaznu["bin"], kaznu["erasmus"] = "000740001307", "KZ ALMATY01"
    write_csv(csv_path, [*rows, new_hei("NEW1", 1, active_from="2024-09-01")])
    assert cli("hei", "import", str(csv_path), "--dry-run", "--lang", "en")[1] == (
        "edited.csv: checked only (--dry-run); HEIs that would be added: 1, changed: 1, unchanged: 60; nothing was stored.\n")
    assert m.Hei.objects.get(code="KAZNU").bin == ""
    assert cli("hei", "import", str(csv_path), "--lang", "en")[1] == "edited.csv: HEIs added: 1, changed: 1, unchanged: 60.\n"
    assert m.Hei.objects.get(code="KAZNU").bin == "000740001307"
    assert m.Hei.objects.get(code="NEW1").active_from == date(2024, 9, 1)
    [entry] = m.AuditEntry.objects.filter(action="hei.import")
    assert (entry.target, entry.after, entry.username.startswith("cli:")) == (
        "edited.csv", {"added": ["NEW1"], "changed": ["KAZNU"]}, True)
    changed = m.AuditEntry.objects.filter(action="hei.change", target__startswith="KAZNU").get()
    assert (changed.before["bin"], changed.after["bin"]) == ("", "000740001307")
    # found by its new identifiers: the records import's lookup and hei list --search
    from aqyl.store.registry import directory

    assert directory().resolve("000740001307") == directory().resolve("kz almaty01") == "KAZNU"
    listed = json.loads(cli("hei", "list", "--search", "0007400013", "--json", "--lang", "en")[1])
    assert [h["code"] for h in listed] == ["KAZNU"] and listed[0]["erasmus"] == "KZ ALMATY01"


# --- history ---------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(("args", "lang", "code", "text"), [
    (["merge", "KIMEP", "--into", "NARXOZ", "--on", "2024-09-01"], "en", 0, "KIMEP merged into NARXOZ on 2024-09-01.\n"),
    (["merge", "KIMEP", "--into", "NARXOZ", "--on", "2024-09-01"], "ru", 0,
     "Вуз KIMEP присоединён к вузу NARXOZ (дата: 2024-09-01).\n"),
    (["merge", "KIMEP", "--into", "NARXOZ", "--on", "2024-09-01"], "kk", 0,
     "KIMEP ЖОО-сы NARXOZ ЖОО-сына қосылды (күні: 2024-09-01).\n"),
    (["close", "TURAN", "--on", "2025-07-01"], "en", 0, "TURAN closed on 2025-07-01.\n"),
    (["close", "TURAN", "--on", "2025-07-01"], "ru", 0, "Вуз TURAN закрыт (дата: 2025-07-01).\n"),
    (["merge", "KIMEP", "--into", "KIMEP", "--on", "2024-09-01"], "en", 2, "✗ An HEI cannot merge into itself: KIMEP.\n"),
    (["close", "TURAN", "--on", "1 September"], "en", 2,
     "✗ “1 September” is not a date: write it as 2023-09-01 or 01.09.2023.\n"),
])
def test_history_commands(cli, args, lang, code, text):
    got = cli("hei", *args, "--lang", lang)
    assert got[0] == code
    assert (got[1] if code == 0 else got[2]) == text


@pytest.mark.django_db
def test_rename_keeps_the_former_names_and_a_closed_hei_cannot_merge(cli):
    from aqyl.store.registry import directory

    code, out, _ = cli("hei", "rename", "ENU", "--on", "2025-01-01", "--name-kk", "Астана ұлттық университеті",
                       "--name-ru", "Астанинский национальный университет", "--name-en", "Astana National University",
                       "--lang", "en")
    assert (code, out) == (0, "ENU is called “Astana National University” from 2025-01-01; its former names are kept as aliases.\n")
    found = directory()
    assert found.resolve("Astana National University") == found.resolve("L. N. Gumilyov Eurasian National University") == "ENU"
    assert cli("hei", "add", "--code", "KIMEP_NARXOZ", "--type", "private", "--name-kk", "Жаңа университет",
               "--name-ru", "Новый университет", "--name-en", "New University", "--active-from", "2025-09-01")[0] == 0
    assert cli("hei", "merge", "KIMEP", "--into", "KIMEP_NARXOZ", "--on", "2025-09-01")[0] == 0  # opened by the merger
    code, _, err = cli("hei", "merge", "NARXOZ", "--into", "KIMEP_NARXOZ", "--on", "2025-08-31", "--lang", "en")
    assert (code, err) == (2, "✗ KIMEP_NARXOZ was not active on 2025-08-31 (active 2025-09-01–…).\n")
    assert cli("hei", "close", "TURAN", "--on", "2025-07-01")[0] == 0
    code, _, err = cli("hei", "merge", "TURAN", "--into", "KIMEP", "--on", "2025-09-01", "--lang", "en")
    assert (code, err) == (2, "✗ TURAN was not active on 2025-09-01 (active …–2025-07-01).\n")


# --- the board and the coverage across ten years --------------------------------------------------
HALVES = [f"{y}H{h}" for y in range(2014, 2024) for h in (1, 2)]


def half_bounds(code: str) -> tuple[date, date]:
    y, h = int(code[:4]), int(code[-1])
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def generated_registry(rng: random.Random) -> tuple[list[dict[str, str]], list[tuple], list[tuple]]:
    """128 HEIs over 2014–2023: a third open later, then 20 mergers and 12 closures on random days."""
    rows, spans = [], {}
    for n in range(1, 129):
        start = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 3000)) if n % 3 == 0 else None
        rows.append(new_hei(f"G{n:03}", n, bin=a_bin(rng), active_from=start.isoformat() if start else ""))
        spans[f"G{n:03}"] = [start, None]
    mergers, closures = [], []
    codes = list(spans)
    rng.shuffle(codes)
    for old, new in zip(codes[:20], codes[20:40], strict=True):
        low = max(d for d in (spans[old][0], spans[new][0], date(2014, 1, 1)) if d) + timedelta(days=1)
        on = low + timedelta(days=rng.randrange(0, max(1, (date(2023, 12, 31) - low).days)))
        mergers.append((old, new, on))
        spans[old][1] = on
    for code in codes[40:52]:
        low = (spans[code][0] or date(2014, 1, 1)) + timedelta(days=1)
        on = low + timedelta(days=rng.randrange(0, max(1, (date(2023, 12, 31) - low).days)))
        closures.append((code, on))
        spans[code][1] = on
    return rows, mergers, closures


@pytest.mark.django_db
def test_board_and_coverage_count_the_heis_active_in_each_half_year(cli, tmp_path):
    from aqyl.app import registry
    from aqyl.app.submissions import board
    from aqyl.store import models as m
    from aqyl.store.cycle import board as web_board
    from aqyl.store.report_context import coverage
    from aqyl.store.report_data import ReportFilter

    rng = random.Random(34)
    rows, mergers, closures = generated_registry(rng)
    path = tmp_path / "g.csv"
    write_csv(path, rows)
    assert registry.import_heis(path).added == 128
    merged_on = {}
    for old, new, on in mergers:
        registry.merge_hei(old, new, on.isoformat())
        merged_on[old] = on
    for code, on in closures:
        registry.close_hei(code, on.isoformat())
    # independently of the code under test: who is active in each half-year
    start = {r["code"]: date.fromisoformat(r["active_from"]) if r["active_from"] else None for r in rows}
    end = {**merged_on, **dict(closures)}
    shipped = {h.code for h in shipped_registry()}

    def expected(period: str) -> set[str]:
        first, last = half_bounds(period)
        return shipped | {c for c in start if (start[c] is None or start[c] <= last) and (c not in end or end[c] > first)}

    submitted: dict[str, set[str]] = {}
    heis = {h.code: h for h in m.Hei.objects.all()}
    for period in HALVES:
        chosen = {c for c in expected(period) if rng.random() < 0.4}
        submitted[period] = chosen
        m.Submission.objects.bulk_create(m.Submission(hei=heis[c], period=period) for c in chosen)
    assert len({len(expected(p)) for p in HALVES}) > 5  # the registry does change over the years
    for period in HALVES:
        lines = board(period)
        assert {line.hei.code for line in lines} == expected(period), period
        assert {line.hei.code for line in lines if line.current is None} == expected(period) - submitted[period]
        assert {line.hei.code for line in web_board(period)} == expected(period), period  # the page's and remind's
        cov = coverage(period, ReportFilter(category="faculty"))
        assert (cov["registered"], cov["submitted"]) == (len(expected(period)), len(submitted[period])), period
    # across one merger: the half-year of the merger counts both HEIs, the next one only the successor
    old, new, on = next((o, n, d) for o, n, d in mergers if d.month not in (1, 7) and d.year < 2023
                        and start[n] is None and n not in end)
    during = f"{on.year}H{1 if on.month <= 6 else 2}"
    after = HALVES[HALVES.index(during) + 1]
    codes_during, codes_after = ({line.hei.code for line in board(p)} for p in (during, after))
    assert {old, new} <= codes_during and new in codes_after and old not in codes_after
    assert len(codes_during) - len(codes_after) == len(expected(during)) - len(expected(after))


@pytest.mark.django_db
def test_the_records_import_finds_an_hei_by_bin_schac_or_erasmus_code(cli, tmp_path):
    from tests.test_import_check import csv_text

    from aqyl.app.registry import import_heis
    from aqyl.store import models as m

    path = tmp_path / "r.csv"
    write_csv(path, [new_hei("NEW1", 1, bin="000740001307", schac="new.edu.kz", erasmus="KZ ALMATY99")])
    assert import_heis(path).stored
    records = tmp_path / "records.csv"
    records.write_text(csv_text([{"hei": "000740001307"}, {"hei": "NEW.edu.kz"}, {"hei": "kz almaty99"},
                                 {"hei": "kaznu.kz"}]), "utf-8")
    code, _, err = cli("import", str(records), "--lang", "en")
    assert (code, err.strip()) == (0, "")
    assert dict(m.Submission.objects.values_list("hei__code", "row_count")) == {"NEW1": 3, "KAZNU": 1}


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "✗ “000740001308” is not a BIN: a BIN has 12 digits, the last one a check digit. Check it against the HEI's registration document.\n"),
    ("ru", "✗ «000740001308» — не БИН: БИН состоит из 12 цифр, последняя из них контрольная. Сверьте его с регистрационным документом вуза.\n"),
])
def test_hei_add_refuses_a_wrong_bin_and_takes_the_identifiers(cli, lang, text):
    args = ["hei", "add", "--code", "NEW1", "--type", "private", "--name-kk", "Жаңа", "--name-ru", "Новый",
            "--name-en", "New", "--lang", lang]
    assert cli(*args, "--bin", "000740001308")[::2] == (2, text)
    assert cli(*args, "--bin", "000740001307", "--schac", "New.edu.kz", "--pic", "999999999")[0] == 0
    [listed] = json.loads(cli("hei", "list", "--search", "new.edu.kz", "--json")[1])
    assert (listed["code"], listed["bin"], listed["schac"], listed["pic"]) == ("NEW1", "000740001307", "new.edu.kz", "999999999")


@pytest.mark.django_db
def test_a_file_without_the_required_columns_is_refused_whole(cli, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("code,name_en\nX1,X\n", "utf-8")
    assert cli("hei", "import", str(path), "--lang", "en")[::2] == (
        2, "✗ r.csv has no column type, name_kk, name_ru. Its first row must hold the column names as aqyl hei export writes them.\n")


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "KIMEP was not active in 2025H1 (active …–2024-09-01): it merged into NARXOZ. Check the HEI and the period: the rows are kept under KIMEP."),
    ("ru", "Вуз KIMEP не действовал в периоде 2025H1 (период деятельности: …–2024-09-01): он присоединён к вузу NARXOZ. Проверьте вуз и период: строки сохраняются за вузом KIMEP."),
    ("kk", "KIMEP ЖОО-сы 2025H1 кезеңінде жұмыс істемеген (қызмет кезеңі: …–2024-09-01): ол NARXOZ ЖОО-сына қосылған. ЖОО мен кезеңді тексеріңіз: жолдар KIMEP атынан сақталады."),
])
def test_the_records_import_warns_of_an_hei_not_active_in_the_period(cli, tmp_path, lang, text):
    from tests.test_import_check import csv_text

    from aqyl.app.registry import close_hei, merge_hei
    from aqyl.importers.readers import read_table
    from aqyl.importers.validate import check
    from aqyl.store.registry import directory

    merge_hei("KIMEP", "NARXOZ", "2024-09-01")
    close_hei("TURAN", "2024-01-01")
    records = tmp_path / "records.csv"
    rows = [{"hei": "KIMEP", "period": "2024H2", "start_date": "2024-07-01", "end_date": "2024-07-10"},
            {"hei": "KIMEP", "period": "2025H1", "start_date": "2025-02-01", "end_date": "2025-02-10"},
            {"hei": "TURAN", "period": "2023H2", "start_date": "2023-09-01", "end_date": "2023-09-10"}]
    records.write_text(csv_text(rows), "utf-8")
    result = check(read_table(records), directory())
    assert [(p.row, p.column, p.severity, p.message(lang)) for p in result.report.problems] == [(3, "hei", "warning", text)]
    assert result.report.valid == 3
