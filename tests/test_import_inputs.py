"""Every input is read whole or refused with its own reason (issue 17): encodings, line ends,
special files, oversized files, encrypted and ODS workbooks, rows on several sheets."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from aqyl.domain.heis import HeiDirectory, shipped_registry
from aqyl.importers.readers import UnreadableFile, read_table
from aqyl.importers.validate import check
from test_import_check import GOOD, HEADER, csv_text, write

RU = {**GOOD, "partner_institution": "Московский государственный университет", "partner_country": "RU"}


@pytest.fixture(scope="module")
def heis() -> HeiDirectory:
    return HeiDirectory(shipped_registry())


def refused(path: Path, lang: str = "en") -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_table(path)
    return caught.value.message(lang)


@pytest.mark.parametrize(("codec", "rows", "detail"), [
    ("latin-1", [{**GOOD, "partner_institution": "Café de l'Université de Genève", "partner_country": "CH"}],
     "Windows-1252 (Latin-1), comma"),
    ("cp1251", [RU], "Windows-1251, comma"),
    ("koi8_r", [RU, {**RU, "record_id": "R2", "partner_institution": "Санкт-Петербургский политехнический университет"}],
     "KOI8-R, comma"),
    ("cp866", [RU, {**RU, "record_id": "R2", "partner_institution": "Новосибирский государственный университет"}],
     "CP866 (DOS), comma"),
    ("utf-16", [RU], "UTF-16, comma"),  # with its byte-order mark, as Excel's "Unicode text"
    ("utf-16-le", [RU], "UTF-16, comma"),  # without one
])
def test_each_encoding_is_read_as_written(tmp_path, heis, codec, rows, detail):
    path = write(tmp_path, csv_text(rows).encode(codec))
    table = read_table(path)
    assert table.detail == detail
    result = check(table, heis)
    assert result.report.errors_total == 0
    assert result.valid["partner_institution"].to_list() == [r["partner_institution"] for r in rows]


def test_a_decoding_that_cannot_be_proven_is_refused_with_the_line(tmp_path):
    # Bytes that are letters in no single-byte encoding of ours next to Latin ones, on line 3.
    body = csv_text([GOOD, GOOD]).encode("ascii").replace(b"University of Tartu\n", b"Univ\x8d\x8f\x90rsity\n", 1)
    body = body.replace(b"University of Tartu", b"Univ\xe4\x8frsity", 1)
    message = refused(write(tmp_path, body))
    assert message.startswith("The encoding of upload.csv cannot be told for certain (line 2: ")
    assert message.endswith("Nothing was read. Save the file as “CSV UTF-8” and upload it again.")


def test_kazakh_letters_lost_in_windows_1251_are_named_as_the_cause(tmp_path):
    row = {**GOOD, "partner_institution": "Қазақ ұлттық университеті", "partner_country": "KZ"}
    data = csv_text([GOOD, row]).encode("cp1251", errors="replace")  # what Excel does: ә → ?
    path = write(tmp_path, data)
    assert refused(path, "en") == (
        "In upload.csv, line 3 has “?” in place of letters (“?аза? ?лтты? университеті”): the file was saved in "
        "Windows-1251, which has no Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ), so they are lost. Save the original as "
        "“CSV UTF-8” or XLSX and upload it again.")
    assert refused(path, "kk").startswith("upload.csv файлының 3-жолында әріптердің орнында «?» тұр")
    assert refused(path, "ru").startswith("В файле upload.csv в строке 3 вместо букв стоит «?»")


def test_cr_only_line_ends(tmp_path, heis):
    path = write(tmp_path, csv_text([GOOD, {**GOOD, "record_id": "R2"}]).replace("\n", "\r").encode())
    result = check(read_table(path), heis)
    assert result.report.rows == 2 and result.report.errors_total == 0


def test_a_fifo_and_a_device_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    # Run where a hang would show: a reader that opens the FIFO blocks until a writer comes.
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(refused(fifo)), daemon=True)
    worker.start()
    worker.join(5)
    assert outcome == ["pipe.csv is not a regular file (a pipe, a device or a socket) and was not read. "
                       "Give the path of a CSV, XLSX or ODS file."]
    assert time.monotonic() - started < 5
    assert refused(Path("/dev/zero")).startswith("zero is not a regular file")


def test_an_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("AQYL_MAX_IMPORT_MB", "0.5")
    path = write(tmp_path, csv_text([GOOD] * 8000))
    assert refused(path) == ("upload.csv is 0.9 MB, more than the 0.5 MB one file may have. Split the data into several "
                             "files (AQYL_MAX_IMPORT_MB sets the limit).")


def _workbook(sheets: dict[str, list[dict]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        for r in rows:
            sheet.append([r[c] for c in HEADER])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_on_two_sheets_refuse_the_file_naming_them(tmp_path):
    out = {**GOOD, "record_id": "O1"}
    inc = {**GOOD, "record_id": "I1", "direction": "incoming"}
    path = write(tmp_path, _workbook({"Шығыс": [out], "Кіріс": [inc]}), "two.xlsx")
    assert refused(path, "ru") == (
        "В файле two.xlsx строки есть на нескольких листах («Шығыс», «Кіріс»); файл не прочитан, чтобы ни один лист "
        "не был пропущен. Перенесите все строки на один лист или сохраните каждый лист отдельным файлом и загрузите их "
        "вместе.")
    # An empty second sheet with the same headers is no second sheet of rows.
    path = write(tmp_path, _workbook({"Шығыс": [out], "Кіріс": []}), "one.xlsx")
    assert read_table(path).detail == "Шығыс"


def test_the_template_with_its_instruction_and_list_sheets_is_one_sheet_of_rows(tmp_path, heis):
    from aqyl.render.template import build_template

    book = openpyxl.load_workbook(io.BytesIO(build_template("kk", list(shipped_registry()))))
    data = book.worksheets[0]
    data.append(["R1", "2023H1", "Шығыс", "ПОҚ", "ALMAU", "University of Tartu", "Эстония", "Erasmus+", "Офлайн",
                 "PhD", "", "04", "2023-03-01", "2023-03-20", "", "", "P1"])
    path = tmp_path / "template.xlsx"
    book.save(path)
    assert read_table(path).detail == data.title


def test_a_password_protected_xlsx_has_its_own_message(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write(tmp_path, _workbook({"Data": [GOOD]}), "plain.xlsx")
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    assert refused(locked, "en") == ("locked.xlsx is protected by a password, so it cannot be read. Open it, remove the "
                                     "password, save it and upload it again.")
    assert refused(locked, "kk").startswith("locked.xlsx файлы құпиясөзбен қорғалған")


@pytest.fixture
def ods_file() -> Path:
    """A real ODS written by LibreOffice 7.4 (Debian 12), committed so the test needs no LibreOffice:
    the workbook of [GOOD, GOOD with record_id R2] in the sheet Data, converted by
    ``soffice --headless --convert-to ods`` from the XLSX that _workbook writes."""
    return Path(__file__).parent / "fixtures" / "mobility.ods"


def test_an_ods_workbook_is_read(ods_file, heis):
    table = read_table(ods_file)
    assert table.kind == "ods"
    result = check(table, heis)
    assert result.report.rows == 2 and result.report.errors_total == 0


def test_a_password_protected_ods_has_its_own_message(tmp_path, ods_file):
    # LibreOffice marks every encrypted part in the manifest; the parts themselves are unreadable.
    locked = tmp_path / "locked.ods"
    with zipfile.ZipFile(ods_file) as source, zipfile.ZipFile(locked, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "META-INF/manifest.xml":
                data = data.replace(b'manifest:full-path="content.xml"',
                                    b'manifest:full-path="content.xml"><manifest:encryption-data '
                                    b'manifest:checksum-type="SHA1/1K"/></manifest:file-entry><manifest:file-entry '
                                    b'manifest:media-type="" manifest:full-path="x"', 1)
            elif item.filename == "content.xml":
                data = os.urandom(len(data))
            target.writestr(item, data)
    assert refused(locked).startswith("locked.ods is protected by a password")


@pytest.mark.parametrize(("lang", "last"), [
    ("kk", "* белгісі бар бағандар міндетті. Толтырылған файлды (XLSX немесе UTF-8 кодтауындағы CSV) Aqyl сайтының "
           "«Жүктеу» бетінде жүктеңіз."),
    ("ru", "Столбцы со знаком * обязательны. Заполненный файл (XLSX или CSV в кодировке UTF-8) загрузите на странице "
           "«Загрузка» сайта Aqyl."),
    ("en", "Columns marked * are required. Upload the filled-in file (XLSX, or CSV in UTF-8) on the “Upload” page of "
           "the Aqyl site."),
])
def test_the_templates_instruction_sends_officers_to_the_upload_page(heis, lang, last):
    from aqyl.render.template import build_template

    book = openpyxl.load_workbook(io.BytesIO(build_template(lang, list(shipped_registry()))))
    how = next(ws for ws in book.worksheets if ws.cell(2, 1).value and "*" in ws.cell(2, 1).value).cell(2, 1).value
    assert how.endswith(last) and "aqyl import" not in how


@pytest.mark.parametrize(("lang", "message"), [
    ("kk", "«=HYPERLINK(\"https://ut.ee\",\"University of Tartu\")» формулаға ұқсайды. Мәнді формуласыз, мәтінмен жазыңыз."),
    ("ru", "«=HYPERLINK(\"https://ut.ee\",\"University of Tartu\")» похоже на формулу. Запишите значение текстом, без формулы."),
    ("en", "“=HYPERLINK(\"https://ut.ee\",\"University of Tartu\")” looks like a formula. Write the value as plain text."),
])
def test_a_formula_cell_without_a_value_is_reported_as_the_formula_not_as_empty(tmp_path, heis, lang, message):
    """A generator that writes =HYPERLINK(…) without calculating it leaves no value in the file."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(HEADER)
    row = [GOOD[h] for h in HEADER]
    row[HEADER.index("partner_institution")] = '=HYPERLINK("https://ut.ee","University of Tartu")'
    row[HEADER.index("partner_country")] = '=IF(1,"EE","")'
    sheet.append(row)
    path = tmp_path / "links.xlsx"
    book.save(path)
    result = check(read_table(path), heis)
    found = {(p.row, p.column, p.type): p for p in result.report.problems}
    assert set(found) == {(2, "partner_institution", "formula_text"), (2, "partner_country", "formula_text")}
    assert found[(2, "partner_institution", "formula_text")].message(lang) == message
    assert result.report.rejected == 1
