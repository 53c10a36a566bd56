"""Reading an upload into a table of text cells, whatever it is: CSV in UTF-8 (with or without
BOM) or Windows-1251 with ``,`` ``;`` or tab, or an XLSX workbook. Anything else is refused with
:class:`UnreadableFile`, whose message says what the file seems to be and what to upload instead.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label
from aqyl.domain.intake.columns import schema
from aqyl.domain.intake.values import as_text

# Refuse an XLSX whose parts would unpack past this, or a part packed tighter than this ratio
# (a zip bomb); a 100,000-row template unpacks to about 60 MB at a ratio near 10.
MAX_UNPACKED_BYTES = 2 * 1024**3
MAX_PACK_RATIO = 200
MAX_COLUMNS = 16_384  # Excel's own limit
HEADER_SEARCH_ROWS = 20  # a title or notes above the header row are skipped


class UnreadableFile(AqylError):
    """The file is not a table Aqyl can read at all (exit status 2)."""

    def __init__(self, key: str, file: str, reason: Label | str = "") -> None:
        super().__init__(key, file=file, reason=reason)


REASONS = {
    "binary": Label("ішінде мәтін емес, екілік деректер бар", "в нём двоичные данные, а не текст",
                    "it holds binary data, not text"),
    "docx": Label("бұл Word құжаты (.docx)", "это документ Word (.docx)", "it is a Word document (.docx)"),
    "zip": Label("бұл XLSX емес, басқа ZIP мұрағаты", "это не XLSX, а другой ZIP-архив", "it is a ZIP archive but not XLSX"),
    "ole": Label("бұл ескі Excel 97–2003 (.xls) немесе Word (.doc) файлы; оны XLSX ретінде сақтаңыз",
                 "это старый файл Excel 97–2003 (.xls) или Word (.doc); сохраните его как XLSX",
                 "it is an old Excel 97–2003 (.xls) or Word (.doc) file; save it as XLSX"),
    "pdf": Label("бұл PDF құжаты", "это документ PDF", "it is a PDF document"),
    "no_sheet": Label("кітапта парақ жоқ", "в книге нет листов", "the workbook has no sheets"),
}


@dataclass
class RawTable:
    """An upload as text: ``frame`` has one String column per file column (c0, c1, …) and the
    column ``_row``, each row's number as the user sees it."""

    name: str
    sha256: str
    headers: list[str]
    header_row: int
    frame: pl.DataFrame
    kind: str  # csv or xlsx
    detail: str = ""  # encoding and separator, or the sheet's name
    first_column: int = 0  # 0-based sheet column of c0 (a sheet may start in column B)


def read_table(path: Path, layout: str | Callable[[list[str]], int] = "mobility") -> RawTable:
    """``layout`` names the columns expected (``columns.schema``), or counts the known headers of
    a row (a survey's instrument): in a workbook, the sheet and row matching the most are read."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("file_missing", str(path)) from None
    except IsADirectoryError:
        raise UnreadableFile("file_missing", str(path)) from None
    if not data.strip():
        raise UnreadableFile("file_empty", name)
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile("file_not_table", name, REASONS["ole"])
    if head.startswith(b"%PDF"):
        raise UnreadableFile("file_not_table", name, REASONS["pdf"])
    # The hash runs on the second core while the file is parsed (hashlib releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        table = _read_xlsx(path, name, layout) if head.startswith(b"PK\x03\x04") else _read_csv(data, name)
        table.sha256 = digest.result()
    return table


# --- CSV ---------------------------------------------------------------------------------------
_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1\xd2\xd3][\x80-\xbf]")
_HIGH = re.compile(rb"[\x80-\xff]")
SAMPLE = 1 << 20


def _read_csv(data: bytes, name: str) -> RawTable:
    bom = data.startswith(b"\xef\xbb\xbf")
    data = data[3:] if bom else data
    if b"\x00" in data[:65536]:
        raise UnreadableFile("file_not_table", name, REASONS["binary"])
    # The first megabyte tells UTF-8 from Windows-1251; polars validates the rest of the UTF-8
    # itself, faster than Python can.
    encoding = "UTF-8" + (" (BOM)" if bom else "")
    bad = _first_bad_utf8(data[: _line_end(data, SAMPLE)])
    if bad is not None:
        if bom or _mostly_utf8(data[:SAMPLE]):
            _refuse_broken_utf8(data, name, bad)
        try:
            data, encoding = data.decode("cp1251").encode("utf-8"), "Windows-1251"
        except UnicodeDecodeError:
            raise UnreadableFile("file_not_table", name, Label(
                "кодталуы UTF-8 те, Windows-1251 де емес", "кодировка не UTF-8 и не Windows-1251",
                "its encoding is neither UTF-8 nor Windows-1251")) from None
    sep = _separator(data[: _line_end(data, 1)].decode("utf-8", "replace"))
    try:
        frame = pl.read_csv(data, has_header=False, infer_schema=False, separator=sep, quote_char='"',
                            empty_string_is_null=False, raise_if_empty=True)
    except pl.exceptions.NoDataError:
        raise UnreadableFile("file_empty", name) from None
    except pl.exceptions.PolarsError as e:
        if "utf-8" in str(e).lower() and (bad := _first_bad_utf8(data)) is not None:
            _refuse_broken_utf8(data, name, bad)
        raise UnreadableFile("file_not_table", name, _csv_reason(str(e))) from None
    if frame.width > MAX_COLUMNS:
        raise UnreadableFile("file_not_table", name, _too_wide(frame.width))
    headers = [h or "" for h in frame.row(0)]
    body = frame.slice(1)
    # A spreadsheet shows the header as row 1; quoted line breaks aside, data row i is row i + 2.
    body = body.rename(dict(zip(body.columns, _names(body.width), strict=True))).with_columns(
        pl.int_range(2, body.height + 2, dtype=pl.Int64).alias("_row"))
    sep_name = {",": "comma", ";": "semicolon", "\t": "tab"}[sep]
    return RawTable(name, "", headers, 1, body, "csv", f"{encoding}, {sep_name}")


def _line_end(data: bytes, at_least: int) -> int:
    """The end of the line holding byte ``at_least`` (or of the data)."""
    end = data.find(b"\n", at_least - 1) if at_least > 0 else -1
    return len(data) if end < 0 else end


def _mostly_utf8(sample: bytes) -> bool:
    """Most non-ASCII bytes pair up as UTF-8 Cyrillic: broken UTF-8, not Windows-1251 (where such
    pairs are rare letter sequences like «Рі»)."""
    high = len(_HIGH.findall(sample))
    return high > 0 and 2 * len(_UTF8_CYRILLIC.findall(sample)) >= high / 2


def _first_bad_utf8(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return None


def _refuse_broken_utf8(data: bytes, name: str, at: int) -> None:
    line = data.count(b"\n", 0, at) + 1
    raise UnreadableFile("file_not_table", name, Label(
        f"UTF-8 кодталуы бұзылған: {line}-жол, {at}-байт", f"нарушена кодировка UTF-8: строка {line}, байт {at}",
        f"its UTF-8 is broken on line {line}, byte {at}"))


def _separator(first_line: str) -> str:
    """The separator the header line uses most, outside quotes."""
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _csv_reason(message: str) -> Label:
    if "more fields" in message:
        return Label("бір жолда тақырып жолына қарағанда ұяшық көп", "в одной из строк больше ячеек, чем в строке заголовков",
                     "a row has more cells than the header row")
    if "utf-8" in message.lower():
        return Label("UTF-8 кодталуы бұзылған", "нарушена кодировка UTF-8", "its UTF-8 is broken")
    first = message.strip().splitlines()[0] if message.strip() else ""
    return Label(f"CSV оқылмады ({first})", f"CSV не читается ({first})", f"the CSV cannot be parsed ({first})")


def _too_wide(n: int) -> Label:
    return Label(f"{n} баған бар, ең көбі {MAX_COLUMNS}", f"в нём {n} столбцов, допустимо не более {MAX_COLUMNS}",
                 f"it has {n} columns, at most {MAX_COLUMNS} are allowed")


def _names(width: int) -> list[str]:
    return [f"c{i}" for i in range(width)]


# --- XLSX --------------------------------------------------------------------------------------
def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError):
        raise UnreadableFile("file_not_table", name, REASONS["zip"]) from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise UnreadableFile("file_not_table", name, REASONS["docx" if "word/document.xml" in names else "zip"])
    total = sum(i.file_size for i in infos)
    worst = max(infos, key=lambda i: i.file_size / max(i.compress_size, 1))
    ratio = worst.file_size / max(worst.compress_size, 1)
    if total > MAX_UNPACKED_BYTES or (ratio > MAX_PACK_RATIO and worst.file_size > 50 * 1024**2):
        size = f"{total / 1024**2:,.0f} MB"
        raise UnreadableFile("file_too_big", name, Label(
            f"{size}, сығу коэффициенті {ratio:,.0f}", f"{size}, степень сжатия {ratio:,.0f}", f"{size}, packed {ratio:,.0f} to 1"))


def _read_xlsx(path: Path, name: str, layout) -> RawTable:
    from python_calamine import CalamineError, CalamineWorkbook

    _check_zip(path, name)
    try:
        book = CalamineWorkbook.from_path(str(path))
        found = _data_sheet(book, layout)
        if found is None:
            raise UnreadableFile("file_not_table", name, REASONS["no_sheet"])
        sheet, header_at = found
        rows = sheet.iter_rows()
        for _ in range(header_at + 1):
            headers = [as_text(v).strip() for v in next(rows)]
        if len(headers) > MAX_COLUMNS:
            raise UnreadableFile("file_not_table", name, _too_wide(len(headers)))
        width = len(headers)
        # Column by column, text cells as they are (most are): a call per cell costs seconds.
        body = [row if len(row) == width else [*row[:width], *[""] * (width - len(row))] for row in rows]
        columns = [[v if v.__class__ is str else as_text(v) for v in col] for col in zip(*body, strict=True)] \
            if body else [[] for _ in range(width)]
    except (CalamineError, ValueError, OSError) as e:
        raise UnreadableFile("file_not_table", name, Label(
            f"XLSX оқылмады ({e})", f"XLSX не читается ({e})", f"the XLSX cannot be read ({e})")) from None
    first_row, first_column = sheet.start or (0, 0)
    header_row = first_row + header_at + 1
    n = len(columns[0]) if columns else 0
    frame = pl.DataFrame({f"c{i}": col for i, col in enumerate(columns)}, schema=dict.fromkeys(_names(width), pl.String))
    frame = frame.with_columns(pl.int_range(header_row + 1, header_row + 1 + n, dtype=pl.Int64).alias("_row"))
    return RawTable(name, "", headers, header_row, frame, "xlsx", sheet.name, first_column)


def _data_sheet(book, layout):
    """The sheet and row (0-based within its used range) whose cells match the most headers;
    the template's instruction and list sheets lose to its data sheet."""
    best = None
    for sheet_name in book.sheet_names:
        sheet = book.get_sheet_by_name(sheet_name)  # parses the whole sheet: keep it
        for at, row in enumerate(sheet.iter_rows()):
            if at >= HEADER_SEARCH_ROWS:
                break
            texts = [as_text(v) for v in row]
            known = layout(texts) if callable(layout) else len(schema(layout).match(texts).positions)
            if best is None or known > best[0]:
                best = (known, sheet, at)
    return None if best is None else (best[1], best[2])
