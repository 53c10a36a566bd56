"""Reading uploads and checking their rows, without a database: every problem has its row,
column, type and a message in the user's language; bad files are refused, never a traceback."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.heis import HeiDirectory, shipped_registry
from aqyl.domain.intake.columns import columns, match_headers
from aqyl.domain.intake.values import HEI_MATCH_THRESHOLD, CellReader, parse_date
from aqyl.importers.readers import MAX_COLUMNS, UnreadableFile, read_table
from aqyl.importers.validate import check

HEADER = [c.name for c in columns()]
GOOD = {
    "record_id": "R1", "period": "2023H1", "direction": "outgoing", "category": "faculty", "hei": "ALMAU",
    "partner_institution": "University of Tartu", "partner_country": "EE", "programme": "erasmus_plus",
    "format": "offline", "degree": "phd", "study_level": "", "field": "04", "start_date": "2023-03-01",
    "end_date": "2023-03-20", "funding": "", "gender": "female", "person_id": "P1",
}


@pytest.fixture(scope="module")
def heis() -> HeiDirectory:
    return HeiDirectory(shipped_registry())


def csv_text(rows: list[dict], header: list[str] = HEADER, sep: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        values = {**GOOD, "record_id": f"R{i + 1}", **row}
        writer.writerow([values.get(h, "") for h in header])
    return out.getvalue()


def write(tmp_path: Path, text: str | bytes, name: str = "upload.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def checked(tmp_path, heis, rows, **kw):
    return check(read_table(write(tmp_path, csv_text(rows, **kw))), heis)


def problems(result) -> set[tuple[int, str, str]]:
    return {(p.row, p.column, p.type) for p in result.report.problems}


# --- headers, values ----------------------------------------------------------------------------
def test_headers_in_any_language_with_required_marks_and_aliases():
    kk = [c.header.kk + (" *" if c.required == "always" else "") for c in columns()]
    assert match_headers(kk).positions == {c.name: i for i, c in enumerate(columns())}
    mixed = ["Record ID", "Период", "Ұтқырлық бағыты", "category", "ВУЗ", "Partner", "страна", "Programme",
             "Формат", "degree", "Field of education", "start_date", "junk", "Start Date"]
    found = match_headers(mixed)
    assert found.positions["hei"] == 4 and found.positions["partner_country"] == 6
    assert found.unknown == [(12, "junk")]
    assert found.duplicates == [("start_date", [11, 13])]
    assert found.missing == []
    assert match_headers(["direction", "hei"]).missing == [
        "category", "partner_institution", "partner_country", "programme", "format", "field", "period"]


@pytest.mark.parametrize("text, expected", [
    ("2023-02-15", dt.date(2023, 2, 15)), ("15.02.2023", dt.date(2023, 2, 15)), ("5/2/2023", dt.date(2023, 2, 5)),
    ("2023-02-15 00:00:00", dt.date(2023, 2, 15)), ("44972", dt.date(2023, 2, 15)), ("2023-02-30", None),
    ("15 Feb 2023", None), ("", None), ("12", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_hei_exact_fuzzy_and_unknown(heis):
    reader = CellReader(next(c for c in columns() if c.name == "hei"), heis)
    assert reader.read("  almau ").value == "ALMAU" and reader.read("almau").finding is None
    assert reader.read("Алматы Менеджмент Университеті").value == "ALMAU"
    near = reader.read("Алматы Менеджмент Университети")  # Russian и for Kazakh і
    assert near.value == "ALMAU" and near.finding.key == "hei_fuzzy" and near.finding.severity == "warning"
    assert near.finding.params["score"] >= HEI_MATCH_THRESHOLD
    far = reader.read("Алматы Университет Foo")
    assert far.value == "" and far.finding.key == "unknown_hei" and len(far.finding.params["suggestions"]) == 3


# --- rows -------------------------------------------------------------------------------------
def test_a_clean_file_is_all_valid(tmp_path, heis):
    result = checked(tmp_path, heis, [{}, {"direction": "Кіріс", "partner_country": "Өзбекстан", "field": "4"}])
    assert (result.report.rows, result.report.valid, result.report.rejected) == (2, 2, 0)
    assert result.valid["partner_country"].to_list() == ["EE", "UZ"]
    assert result.valid["direction"].to_list() == ["outgoing", "incoming"]
    assert result.valid["field"].to_list() == ["04", "04"]  # Excel's 4 is the field 04


def test_every_check_names_row_and_column(tmp_path, heis):
    rows = [
        {},                                                              # row 2: fine
        {"partner_country": "Uzbekstan"},                                # 3: unknown code
        {"direction": ""},                                               # 4: required
        {"start_date": "2023-02-30"},                                    # 5: bad date
        {"start_date": "2023-04-01", "end_date": "2023-03-01"},          # 6: inverted
        {"period": "2023H2"},                                            # 7: dates outside the period
        {"period": "", "start_date": "", "end_date": ""},                # 8: no period at all
        {"period": "2022/23"},                                           # 9: not a half-year
        {"category": "student", "study_level": ""},                      # 10: degree on a student, no level
        {"study_level": "master"},                                       # 11: level on staff
        {"degree": ""},                                                  # 12: staff without degree
        {"record_id": "R2"},                                             # 13: R2 again (row 3)
        {"hei": "Алматы Университет Foo"},                               # 14: unknown HEI
        {"hei": "Алматы Менеджмент Университети"},                       # 15: fuzzy: a warning only
        {"partner_institution": "=HYPERLINK(\"http://x\")"},             # 16: formula
        {"person_id": "950101300123"},                                   # 17: an IIN
        {"partner_institution": "x" * 301},                              # 18: too long
        {"period": "", "start_date": "2023-09-01", "end_date": "2023-09-30"},  # 19: period from dates
        {"period": "2023H1", "start_date": "2023-09-01", "end_date": ""},      # 20: the start alone outside
    ]
    result = checked(tmp_path, heis, rows)
    assert problems(result) == {
        (3, "partner_country", "unknown_value"), (4, "direction", "required"), (5, "start_date", "bad_date"),
        (6, "end_date", "dates_inverted"), (7, "period", "period_mismatch"), (8, "period", "no_period"),
        (9, "period", "not_half_year"), (10, "degree", "degree_on_student"), (10, "study_level", "level_required"),
        (11, "study_level", "level_on_staff"), (12, "degree", "degree_required"), (13, "record_id", "duplicate_record_id"),
        (14, "hei", "unknown_hei"), (15, "hei", "hei_fuzzy"), (16, "partner_institution", "formula_text"),
        (17, "person_id", "person_id_iin"), (18, "partner_institution", "too_long"),
        (20, "period", "period_mismatch_start"),
    }
    report = result.report
    assert (report.rows, report.valid, report.rejected, report.warnings_total) == (19, 3, 16, 1)
    assert sorted(result.valid["_row"].to_list()) == [2, 15, 19]
    derived = dict(zip(result.valid["_row"].to_list(), result.valid["period"].to_list(), strict=True))
    assert derived[19] == "2023H2"
    by_row = {(p.row, p.column): p for p in report.problems}
    assert by_row[(3, "partner_country")].as_dict("kk")["cell"] == "G3"
    # A file's people write the labels of the template's lists: the suggestion is a label, no code.
    assert by_row[(3, "partner_country")].message("kk") == \
        "«Uzbekstan» мәні «Ел» анықтамалығында жоқ. Мүмкін, мыналардың бірі: Өзбекстан."
    assert by_row[(3, "partner_country")].message("ru") == \
        "Значения «Uzbekstan» нет в справочнике «Страна». Возможно, имелось в виду: Узбекистан."
    assert by_row[(3, "partner_country")].message("en") == \
        "“Uzbekstan” is not in the Country classifier. Did you mean: Uzbekistan?"
    assert "row 3" in by_row[(13, "record_id")].message("en")
    assert "3-жолда" in by_row[(13, "record_id")].message("kk")
    assert "II полугодие 2023 года" in by_row[(7, "period")].message("ru")
    assert "ALMAU — Алматы Менеджмент Университеті" in by_row[(15, "hei")].message("kk")


def test_blank_rows_are_spacing_and_numbers_stay_spreadsheet_rows(tmp_path, heis):
    text = csv_text([{}, {}]).splitlines()
    text.insert(2, ",,,,,,,,,,,,,,,,")
    result = check(read_table(write(tmp_path, "\n".join(text) + "\n")), heis)
    assert result.report.rows == 2 and result.valid["_row"].to_list() == [2, 4]


def test_missing_columns_reject_the_file_with_one_problem(tmp_path, heis):
    result = checked(tmp_path, heis, [{}, {}], header=[h for h in HEADER if h not in ("category", "field")])
    assert result.report.rejected == 2 and result.report.valid == 0
    [problem] = result.report.problems
    assert problem.type == "missing_columns" and problem.row == 1
    assert "Қатысушы санаты, Білім беру саласы" in problem.message("kk")


def test_header_only_is_no_rows(tmp_path, heis):
    result = check(read_table(write(tmp_path, ",".join(HEADER) + "\n")), heis)
    assert [p.type for p in result.report.problems] == ["no_rows"] and not result.report.ok


# --- encodings and separators -----------------------------------------------------------------
@pytest.mark.parametrize("encoding, sep, expected", [
    ("utf-8-sig", ";", "UTF-8 (BOM), semicolon"), ("utf-8", ",", "UTF-8, comma"),
    ("cp1251", ";", "Windows-1251, semicolon"), ("utf-8", "\t", "UTF-8, tab"),
])
def test_csv_encodings_and_separators(tmp_path, heis, encoding, sep, expected):
    rows = [{"direction": "Исходящая", "category": "ППС", "hei": "Университет Максута Нарикбаева",
             "partner_country": "Германия", "partner_institution": "Universität Wien; Fakultät", "degree": "Кандидат наук"}]
    text = csv_text(rows, sep=sep)
    if encoding == "cp1251":
        text = text.replace("ä", "a")  # not in Windows-1251
    table = read_table(write(tmp_path, text, encoding=encoding))
    assert table.detail == expected
    result = check(table, heis)
    assert result.report.valid == 1, [p.message("en") for p in result.report.problems]
    assert result.valid["degree"].to_list() == ["candidate_of_sciences"]
    assert result.valid["partner_institution"].to_list()[0].endswith("; Fakultät" if encoding != "cp1251" else "; Fakultat")


@pytest.mark.parametrize("content, key, words", [
    (b"", "file_empty", "empty"),
    (b"   \n\n", "file_empty", "empty"),
    (b"\x00\x01\x02garbage\x00" * 50, "file_not_table", "binary"),
    (b"%PDF-1.7\n...", "file_not_table", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "file_not_table", "97"),
    ("направление,категория\nисходящая,ППС\n".encode() + b"\xff\xfe broken\n" + "ещё,строка\n".encode() * 5,
     "file_not_table", "line 3"),
    (b"a,b\n1,2,3,4\n", "file_not_table", "more cells"),
])
def test_unreadable_files_say_why(tmp_path, content, key, words):
    with pytest.raises(UnreadableFile) as error:
        read_table(write(tmp_path, content))
    assert error.value.key == key
    assert words in error.value.message("en")
    assert error.value.message("kk") and error.value.message("ru")


def test_a_renamed_docx_is_named_as_such(tmp_path):
    import docx

    path = tmp_path / "records.xlsx"
    docx.Document().save(str(path))
    with pytest.raises(UnreadableFile) as error:
        read_table(path)
    assert "Word" in error.value.message("en") and "Word" in error.value.message("kk")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\x00" * (1 << 20)
            for _ in range(64):
                member.write(block)
    assert path.stat().st_size < 1 << 20
    with pytest.raises(UnreadableFile) as error:
        read_table(path)
    assert error.value.key == "file_too_big" and "64 MB" in error.value.message("en")


def test_too_many_columns(tmp_path):
    path = write(tmp_path, ",".join(f"x{i}" for i in range(MAX_COLUMNS + 1)) + "\n" + "1," * MAX_COLUMNS + "1\n")
    with pytest.raises(UnreadableFile) as error:
        read_table(path)
    assert str(MAX_COLUMNS) in error.value.message("en")


def test_ten_thousand_extra_columns_are_ignored_with_one_warning(tmp_path, heis):
    header = HEADER + [f"extra{i}" for i in range(10_000)]
    lines = [",".join(header), ",".join([*(GOOD[h] for h in HEADER), *["z"] * 10_000])]
    result = check(read_table(write(tmp_path, "\n".join(lines) + "\n")), heis)
    assert result.report.valid == 1
    [warning] = result.report.problems
    assert warning.type == "unknown_columns" and "(+9990)" in warning.message("en")


# --- XLSX ---------------------------------------------------------------------------------------
def test_xlsx_with_a_title_offset_dates_numbers_and_formulas(tmp_path, heis):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B1"] = "Academic mobility, H1 2023"
    sheet.merge_cells("B1:F1")
    for j, name in enumerate(HEADER):
        sheet.cell(row=3, column=2 + j, value=name)
    values = {**GOOD, "field": 4, "start_date": dt.date(2023, 3, 1), "end_date": dt.datetime(2023, 3, 20)}
    for j, name in enumerate(HEADER):
        sheet.cell(row=4, column=2 + j, value=values[name])
        sheet.cell(row=6, column=2 + j, value={**values, "record_id": "R2"}[name])
    sheet.cell(row=6, column=2 + HEADER.index("partner_country"), value='=CONCATENATE("E","E")')  # never computed
    path = tmp_path / "book.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.header_row == 3 and table.first_column == 1
    result = check(table, heis)
    assert result.valid["field"].to_list() == ["04"] and result.valid["start_date"].to_list() == ["2023-03-01"]
    assert result.valid["_row"].to_list() == [4]
    [problem] = result.report.problems
    # The formula was never computed: said as the formula it is, not as an empty cell.
    assert (problem.row, problem.column, problem.type) == (6, "partner_country", "formula_text")
    assert problem.as_dict("en")["cell"] == "H6"  # column B + 6
    assert problem.message("en") == "“=CONCATENATE(\"E\",\"E\")” looks like a formula. Write the value as plain text."


def test_merged_header_cells_lose_a_column_and_say_so(tmp_path, heis):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([GOOD[h] for h in HEADER])
    sheet.merge_cells("C1:D1")  # direction swallows category
    path = tmp_path / "merged.xlsx"
    book.save(path)
    result = check(read_table(path), heis)
    assert [p.type for p in result.report.problems] == ["missing_columns"]
    assert "Participant category" in result.report.problems[0].message("en")


def test_a_million_formatted_empty_rows_cost_nothing(tmp_path, heis):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([GOOD[h] for h in HEADER])
    base = io.BytesIO()
    book.save(base)
    empty_rows = "".join(f'<row r="{r}" s="1" customFormat="1" ht="15"/>' for r in range(3, 1_000_003))
    path = tmp_path / "formatted.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", empty_rows.encode() + b"</sheetData>")
            dst.writestr(item, data)
    result = check(read_table(path), heis)
    assert (result.report.rows, result.report.valid) == (1, 1)


# --- generated files ------------------------------------------------------------------------------
LABELLED = ["direction", "category", "partner_country", "programme", "format", "field", "gender"]


@st.composite
def valid_rows(draw):
    row = {}
    for name in LABELLED:
        table = CLASSIFIERS["country" if name == "partner_country" else name]
        entry = draw(st.sampled_from(list(table)))
        spelling = draw(st.sampled_from([entry.code, *entry.label]))
        row[name] = (entry.code, spelling)
    staff = row["category"][0] != "student"
    degree = draw(st.sampled_from(list(CLASSIFIERS["degree"] if staff else CLASSIFIERS["study_level"])))
    row["degree" if staff else "study_level"] = (degree.code, draw(st.sampled_from(list(degree.label))))
    hei = draw(st.sampled_from(shipped_registry()))
    row["hei"] = (hei.code, draw(st.sampled_from([hei.code, *hei.name, *hei.aliases])))
    return row


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(valid_rows(), min_size=1, max_size=30))
def test_generated_valid_files_round_trip(tmp_path_factory, rows):
    heis = HeiDirectory(shipped_registry())
    tmp = tmp_path_factory.mktemp("gen")
    text = csv_text([{k: spelled for k, (_, spelled) in r.items()} | ({"degree": ""} if "study_level" in r else {})
                     for r in rows])
    result = check(read_table(write(tmp, text)), heis)
    assert result.report.valid == len(rows), [p.message("en") for p in result.report.problems[:3]]
    for name in [*LABELLED, "hei"]:
        assert result.valid[name].to_list() == [r[name][0] for r in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000) | st.text(max_size=2000).map(str.encode))
def test_any_bytes_are_read_or_refused_never_crash(tmp_path_factory, data):
    heis = HeiDirectory(shipped_registry())
    path = tmp_path_factory.mktemp("bytes") / "x.csv"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except UnreadableFile as error:
        assert error.message("kk")
        return
    report = check(table, heis).report
    assert report.valid + report.rejected == report.rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(HEADER), st.text(max_size=40)), min_size=1, max_size=8))
def test_any_cell_values_are_checked_never_crash(tmp_path_factory, edits):
    heis = HeiDirectory(shipped_registry())
    rows = [{name: value} for name, value in edits]
    path = write(tmp_path_factory.mktemp("cells"), csv_text(rows))
    try:
        table = read_table(path)
    except UnreadableFile as error:  # a NUL character makes it binary
        assert "\x00" in "".join(v for _, v in edits) and error.message("ru")
        return
    report = check(table, heis).report
    assert report.valid + report.rejected == report.rows
    for p in report.problems:
        assert p.message("kk") and p.message("ru") and p.message("en")
