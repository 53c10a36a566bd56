"""Cohorts of scholarship holders: the same checks as mobility uploads, versions, and indicators
computed by hand."""

import json

import pytest
import xlsxwriter

from aqyl.domain.migration.cohorts import Fellow, summarise, summarise_cohorts

HEADER = ("ID,Программа,Год выезда,Страна обучения,Уровень обучения,Область образования,Год окончания,"
          "Год возвращения,Планирует вернуться,\"Срок отработки, лет\",Выполнение обязательства,"
          "Страна проживания сейчас,Занятость,Работа соответствует квалификации\n")
GOOD = [
    "B-001,Болашақ,2015,Великобритания,магистратура,04,2016,2016,,5,выполнено,KZ,бизнес,да",
    "B-002,Болашақ,2015,США,докторантура,05,2019,,нет,5,нарушено,США,бизнес,да",
    "B-003,Болашақ,2016,Германия,магистратура,07,2018,2018,,5,отрабатывается,Казахстан,наука,нет",
    "B-004,Болашақ,2017,Великобритания,магистратура,04,2018,2019,,5,средства возмещены,KZ,госслужба,да",
    "B-005,Болашақ,2020,Южная Корея,бакалавр,06,,,,,не начато,,,",
]
BAD = [
    "B-006,Болашақ,2012,Россия,магистратура,10,2014,2013,,,,KZ,не работает,да",  # N7: a job match without a job
    "B-007,Болашақ,2099,Франция,,,,,,,,,,",  # C8: not yet
    "B-003,Болашақ,2016,Германия,магистратура,07,2018,2018,,5,,,,",  # A9: B-003 again
    "B-009,Болашақ,2016,Марс,магистратура,07,2018,x,,15,,,,",  # D10, H10, J10
    "B-010,Болашақ,2016,Италия,магистратура,07,2014,,,,,,,",  # G11: graduated before leaving
]


def write(tmp_path, rows, name="cohort.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


FELLOWS = [
    Fellow("1", "A", 2015, "GB", "master", graduation_year=2016, return_year=2016, obligation_status="fulfilled",
           residence_country="KZ", employment="business", job_matches_qualification=True),
    Fellow("2", "A", 2015, "US", "doctoral", graduation_year=2019, return_planned=False, obligation_status="breached",
           residence_country="US", employment="business", job_matches_qualification=True),
    Fellow("3", "A", 2016, "DE", "master", graduation_year=2018, return_year=2018, obligation_status="serving",
           residence_country="KZ", employment="science_education", job_matches_qualification=False),
    Fellow("4", "A", 2017, "GB", "master", graduation_year=2018, return_year=2019, obligation_status="refunded",
           residence_country="KZ", employment="public", job_matches_qualification=True),
    Fellow("5", "A", 2020, "KR", "bachelor", obligation_status="not_started"),
    Fellow("6", "B", 2014, "US", "master", graduation_year=2016, return_planned=False, residence_country="US",
           employment="business", job_matches_qualification=False),
    Fellow("7", "B", 2020, "CN", "master", graduation_year=2022, return_planned=True, residence_country="CN",
           employment="not_employed"),
]


def test_indicators_of_a_cohort_by_hand():
    s = summarise(FELLOWS[:5], as_of=2024, within_years=3, cohort="A")
    assert (s.fellows, s.graduated, s.still_studying, s.returned) == (5, 4, 1, 3)
    assert s.return_rate == 3 / 4  # graduates 1, 3, 4 back of 1–4
    # Left by 2021: all five; back within 3 years of leaving: 1 (1 y), 3 (2 y), 4 (2 y).
    assert (s.circulation, s.circulation_eligible) == (3 / 5, 5)
    # Settled: fulfilled 1, refunded 1, breached 1 -> two of three not served.
    assert s.obligation_breach_rate == pytest.approx(2 / 3)
    # Employed with a known match: 1, 2, 3, 4; below the qualification: 3.
    assert (s.brain_waste, s.job_match_known, s.employed, s.employment_known) == (1 / 4, 4, 4, 4)
    assert s.employment == {"business": 2, "science_education": 1, "public": 1}
    assert s.hosts[0] == ("GB", 2)
    # A doctor working in business left science; the returned are one-time; the student is unknown.
    assert {k: v for k, v in s.forms.items() if v} == {"sector_change": 1, "one_time": 3, "unclassified": 1}


def test_forms_of_fellows_who_stayed_abroad():
    # 6: a master's graduate working in the US with no return planned -> irreversible (not
    # "contract": the stated plan decides first); 7: in China, not employed, planning to return.
    b = summarise(FELLOWS[5:], as_of=2024, cohort="B")
    assert {k: v for k, v in b.forms.items() if v} == {"irreversible": 1, "unclassified": 1}
    assert (b.not_returned, b.not_returned_planning_return, b.return_rate) == (2, 1, 0.0)
    assert b.brain_waste == 1.0 and b.job_match_known == 1
    # Fewer than 5 years since 7 left: only 6 counts for circulation within 5 years.
    assert (b.circulation, b.circulation_eligible) == (0.0, 1)
    # One summary per cohort, the larger first, then everyone.
    summaries = summarise_cohorts(FELLOWS, as_of=2024)
    assert [(x.cohort, x.fellows) for x in summaries] == [("A", 5), ("B", 2), ("", 7)]


def test_empty_or_unknown_parts_give_no_ratio():
    s = summarise([Fellow("1", "A", 2023, "GB")], as_of=2024, within_years=5)
    assert (s.return_rate, s.circulation, s.obligation_breach_rate, s.brain_waste) == (None, None, None, None)
    assert summarise([], as_of=2024).fellows == 0


@pytest.mark.django_db
def test_import_checks_every_cell_and_keeps_versions(tmp_path):
    from aqyl.app.imports import import_file
    from aqyl.store.cohorts import current_fellows
    from aqyl.store.models import CohortMember, CohortUpload

    path = write(tmp_path, GOOD + BAD)
    report, _ = import_file(path, layout="cohort")
    assert (report.rows, report.valid, report.rejected, report.stored) == (10, 5, 5, 0)
    errors = {e["cell"]: e for e in report.as_dict("kk")["errors"]}
    assert set(errors) == {"N7", "C8", "A9", "D10", "H10", "J10", "G11"}
    assert errors["A9"]["message"] == ("«B-003» тұлғасы «Болашақ» бағдарламасында 4-жолда да бар. "
                                       "Бір адам бір бағдарламада бір рет жазылады.")
    assert errors["J10"]["message"] == "«15» — 0-ден 10-ге дейінгі бүтін сан болуы керек."
    ru = {e["cell"]: e["message"] for e in report.as_dict("ru")["errors"]}
    assert ru["G11"] == "Год окончания (2014) раньше года выезда (2016). Проверьте годы."
    assert ru["H10"] == "«x» — не год. Запишите год четырьмя цифрами (1950–2100), например 2015."
    assert not CohortUpload.objects.exists()  # a file with errors changes nothing

    report, _ = import_file(path, layout="cohort", accept_valid=True)
    assert report.stored == 5 and report.submissions == [{"cohort": "Болашақ", "version": 1, "rows": 5, "rejected": 5}]
    stored = {f.person_id: f for f in current_fellows()}
    assert stored["B-002"].return_planned is False and stored["B-002"].residence_country == "US"
    assert stored["B-004"].obligation_status == "refunded" and stored["B-005"].graduation_year is None
    assert stored["B-003"].field == "07" and stored["B-001"].job_matches_qualification is True

    # A corrected list is the programme's next version; the first keeps its members.
    report, _ = import_file(write(tmp_path, GOOD[:2], "v2.csv"), layout="cohort")
    assert report.submissions[0]["version"] == 2
    assert [f.person_id for f in current_fellows("Болашақ")] == ["B-001", "B-002"]
    assert CohortMember.objects.filter(upload__version=1).count() == 5


def test_template_and_an_xlsx_with_a_note_sheet_first(tmp_path):
    from aqyl.domain.heis import HeiDirectory
    from aqyl.importers.readers import read_table
    from aqyl.importers.validate import check
    from aqyl.render.template import build_template

    template = tmp_path / "t.xlsx"
    template.write_bytes(build_template("kk", [], "cohort"))
    table = read_table(template, "cohort")
    assert table.headers[:3] == ["Тұлға идентификаторы *", "Бағдарлама *", "Кеткен жылы *"]

    path = tmp_path / "filled.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Түсіндірме").write_string(0, 0, "Болашақ стипендиаттары, 2024")
    data = book.add_worksheet("Деректер")
    for j, h in enumerate(["Тұлға идентификаторы", "Бағдарлама", "Кеткен жылы", "Оқыған елі", "Оралған жылы"]):
        data.write_string(1, j + 1, h)
    data.write_row(2, 1, ["K-1", "Болашақ", 2015, "Ұлыбритания", 2017])
    data.write_row(3, 1, ["K-2", "Болашақ", 2016.0, "Франция", 2015])
    book.close()
    checked = check(read_table(path, "cohort"), HeiDirectory([]), "cohort")
    assert checked.valid.select("person_id", "departure_year", "host_country", "return_year").rows() == [
        ("K-1", "2015", "GB", "2017")]
    [problem] = checked.report.problems
    assert problem.as_dict("en")["cell"] == "F5"
    assert problem.message("en") == "Return year (2015) is before the departure year (2016). Check the years."


def test_cohort_commands(tmp_path, aqyl):
    path = write(tmp_path, GOOD)
    done = aqyl("cohorts", "import", str(path), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Cohorts stored" in done.stdout
    [summary] = json.loads(aqyl("cohorts", "show", "--as-of", "2024", "--within", "3", "--json").stdout)
    assert (summary["cohort"], summary["fellows"], summary["circulation"], summary["brain_waste"]) == ("Болашақ", 5, 0.6, 0.25)
    shown = aqyl("cohorts", "show", "--as-of", "2024", "--lang", "kk")
    assert "Ми ысырабы" in shown.stdout and "Бітіргендер" in shown.stdout
    bad = aqyl("cohorts", "import", str(write(tmp_path, BAD[:1], "bad.csv")), "--lang", "ru")
    assert bad.returncode == 1 and "неработающего" in bad.stdout
    empty = aqyl("cohorts", "show", "--cohort", "Nobody", "--lang", "en")
    assert empty.returncode == 1 and "No cohorts loaded yet" in empty.stderr
