"""Reading an upload into a table of text cells, whatever it is: CSV in UTF-8 (with or without
BOM), UTF-16, or a single-byte encoding (Windows-1251, KOI8-R, CP866, Windows-1252/Latin-1) told
apart by charset-normalizer and then proven by tested rules, with ``,`` ``;`` or tab and any line
ends; an XLSX or ODS workbook. Anything else, or anything that could be read only in part, is
refused with :class:`UnreadableFile`, whose message says what the file is and what to do.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import stat
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from aqyl.config import max_import_bytes
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label
from aqyl.domain.intake.columns import schema
from aqyl.domain.intake.values import as_text
from aqyl.domain.wording.catalogue import filled, label

# Refuse an XLSX whose parts would unpack past this, or a part packed tighter than this ratio
# (a zip bomb); a 100,000-row template unpacks to about 60 MB at a ratio near 10.
MAX_UNPACKED_BYTES = 2 * 1024**3
MAX_PACK_RATIO = 200
MAX_COLUMNS = 16_384  # Excel's own limit
HEADER_SEARCH_ROWS = 20  # a title or notes above the header row are skipped


class UnreadableFile(AqylError):
    """The file is not a table Aqyl can read at all (exit status 2)."""

    def __init__(self, key: str, file: str, reason: Label | str = "", **params: object) -> None:
        super().__init__(key, file=file, reason=reason, **params)


def display_name(path: Path) -> str:
    """A file's name as it can be printed: bytes that are not UTF-8 (a name from another system)
    show as �, not as an encoding error."""
    return os.fsencode(path.name).decode("utf-8", "replace")


REASONS = {
    "binary": label("reason_binary"), "docx": label("reason_docx"), "zip": label("reason_zip"),
    "ole": label("reason_ole"), "pdf": label("reason_pdf"), "utf16": label("reason_utf16"),
    "no_sheet": label("reason_no_sheet"),
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
    kind: str  # csv, xlsx or ods
    detail: str = ""  # encoding and separator, or the sheet's name
    first_column: int = 0  # 0-based sheet column of c0 (a sheet may start in column B)


def read_table(path: Path, layout: str | Callable[[list[str]], int] = "mobility") -> RawTable:
    """``layout`` names the columns expected (``columns.schema``), or counts the known headers of
    a row (a survey's instrument): in a workbook, the sheet and row matching the most are read."""
    name = display_name(path)
    shown = os.fsencode(path).decode("utf-8", "replace")
    try:
        info = path.stat()  # before opening: opening a pipe with no writer never returns
    except (FileNotFoundError, NotADirectoryError):
        raise UnreadableFile("file_missing", shown) from None
    except OSError as error:
        if error.errno == errno.ELOOP:  # links that point at each other: no file at the end
            raise UnreadableFile("file_link_loop", shown) from None
        raise
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("file_is_folder", shown)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("file_special", name)
    if info.st_size > max_import_bytes():
        raise UnreadableFile("file_oversized", name, size=_mb(info.st_size), limit=_mb(max_import_bytes()))
    with path.open("rb") as f:
        data = f.read(max_import_bytes() + 1)  # a file growing while read stops here too
    if len(data) > max_import_bytes():
        raise UnreadableFile("file_oversized", name, size=_mb(len(data)), limit=_mb(max_import_bytes()))
    if not data or data.isspace():  # not data.strip(): that copies the whole file (0.3 s a million rows)
        raise UnreadableFile("file_empty", name)
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # A password-protected XLSX is an OLE container holding the encrypted workbook.
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
            raise UnreadableFile("file_encrypted", name)
        raise UnreadableFile("file_not_table", name, REASONS["ole"])
    if head.startswith(b"%PDF"):
        raise UnreadableFile("file_not_table", name, REASONS["pdf"])
    # The hash runs on the second core while the file is parsed (hashlib releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        table = _read_book(path, name, layout) if head.startswith(b"PK\x03\x04") else _read_csv(data, name)
        table.sha256 = digest.result()
    return table


# --- CSV ---------------------------------------------------------------------------------------
_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1\xd2\xd3][\x80-\xbf]")
_HIGH = re.compile(rb"[\x80-\xff]")
SAMPLE = 1 << 20


def _read_csv(data: bytes, name: str) -> RawTable:
    data, encoding = _decode(data, name)
    if b"\r" in data and b"\n" not in data:  # line ends of an old Mac: CR alone
        data = data.replace(b"\r", b"\n")
    elif (lone := _lone_cr_line(data[: _line_end(data, 1) + 1])) is not None:
        # The header ends in CR alone, later lines in LF: the header would swallow the first row.
        # (A lone CR further down joins two rows into one too wide: told where polars fails.)
        raise UnreadableFile("file_not_table", name, filled("reason_mixed_line_ends", row=lone))
    sep = _separator(data[: _line_end(data, 1)].decode("utf-8", "replace"))
    try:
        frame = pl.read_csv(data, has_header=False, infer_schema=False, separator=sep, quote_char='"',
                            empty_string_is_null=False, raise_if_empty=True)
    except pl.exceptions.NoDataError:
        raise UnreadableFile("file_empty", name) from None
    except pl.exceptions.PolarsError as e:
        if "utf-8" in str(e).lower() and (bad := _first_bad_utf8(data)) is not None:
            _refuse_broken_utf8(data, name, bad)
        raise UnreadableFile("file_not_table", name, _csv_reason(str(e), data, sep)) from None
    if frame.width > MAX_COLUMNS:
        raise UnreadableFile("file_not_table", name, _too_wide(frame.width))
    headers = [h or "" for h in frame.row(0)]
    body = frame.slice(1)
    # A spreadsheet shows the header as row 1; quoted line breaks aside, data row i is row i + 2.
    body = body.rename(dict(zip(body.columns, _names(body.width), strict=True))).with_columns(
        pl.int_range(2, body.height + 2, dtype=pl.Int64).alias("_row"))
    sep_name = {",": "comma", ";": "semicolon", "\t": "tab"}[sep]
    return RawTable(name, "", headers, 1, body, "csv", f"{encoding}, {sep_name}")


# Single-byte encodings a Kazakhstani or European spreadsheet may save a CSV in.
SINGLE_BYTE = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R", "cp866": "CP866 (DOS)", "cp1252": "Windows-1252 (Latin-1)"}
# A Latin letter next to a Cyrillic one inside a word: "Cafй" is Latin-1 read as Windows-1251.
_MIXED = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
# Characters no table of ours holds: box drawing, C1 controls, CP866 pseudographics read as text.
_ODD = re.compile(r"[\u0080-\u009f\u2500-\u259f\u0402\u0403\u0409\u040a\u040c-\u040f\u0452\u0453\u0459\u045a\u045c-\u045f]")
# "?" between Cyrillic letters: a Kazakh letter the encoding could not hold (ә, ғ, қ, ң, ө, ұ, ү, һ).
_LOST = re.compile(r"[\u0400-\u04ff]\?[\u0400-\u04ff]|(?<![\w?])\?[\u0400-\u04ff]")
# Windows-1252 read from Cyrillic bytes: runs of accented letters ("Ïðèâåò"), no European word has.
_ACCENTED_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")


def _decode(data: bytes, name: str) -> tuple[bytes, str]:
    """The file as UTF-8 and the name of the encoding it was in; refused when no encoding can be
    proven (UnreadableFile "file_encoding", with the line and the likely encoding)."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _from_utf16(data[2:], codec, name), "UTF-16"
    bom = data.startswith(b"\xef\xbb\xbf")
    data = data[3:] if bom else data
    if b"\x00" in data[:65536]:
        codec = _utf16_without_bom(data[:65536])
        if codec is None:
            raise UnreadableFile("file_not_table", name, REASONS["binary"])
        return _from_utf16(data, codec, name), "UTF-16"
    # The first megabyte tells UTF-8 from the rest; polars validates the rest of the UTF-8
    # itself, faster than Python can.
    bad = _first_bad_utf8(data[: _line_end(data, SAMPLE)])
    if bad is None:
        return data, "UTF-8" + (" (BOM)" if bom else "")
    if bom or _mostly_utf8(data[:SAMPLE]):
        _refuse_broken_utf8(data, name, bad)
    return _single_byte(data, name)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the byte order whose decoding is text. Latin text has a
    zero byte in every other place, Cyrillic and Kazakh text a 0x04 (U+0400–U+04FF): told apart
    by what the two decodings read as, not by where the zeros are."""
    sample = sample[: len(sample) // 2 * 2]
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, "replace")
        if not text:
            continue
        share = len(_TEXTUAL.findall(text)) / len(text)
        if best is None or share > best[0]:
            best = (share, codec)
    return best[1] if best is not None and best[0] > 0.95 else None


# What a table's text is made of: printable ASCII and line ends, Latin and Cyrillic letters (with
# Kazakh's), general punctuation («», —, №, …).
_TEXTUAL = re.compile(r"[\t\r\n\x20-\x7e\u00a0-\u024f\u0400-\u04ff\u2000-\u206f\u2116]")


def _from_utf16(data: bytes, codec: str, name: str) -> bytes:
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile("file_not_table", name, REASONS["utf16"]) from None


def _single_byte(data: bytes, name: str) -> tuple[bytes, str]:
    """charset-normalizer ranks the encodings on the first megabyte; the first whose decoding
    of the whole file passes the rules (no Latin letter inside a Cyrillic word, no character a
    table never holds) is taken. Letters lost to "?" are refused with their own message."""
    from charset_normalizer import from_bytes

    ranked = [m.encoding for m in from_bytes(data[:SAMPLE], cp_isolation=list(SINGLE_BYTE), threshold=1.0)]
    order = [*dict.fromkeys([*(e for e in ranked if e in SINGLE_BYTE), *SINGLE_BYTE])]
    first_failure: tuple[str, int] | None = None
    for codec in order:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as e:
            first_failure = first_failure or (codec, e.start)
            continue
        found = _MIXED.search(text) or _ODD.search(text) or (_ACCENTED_RUN.search(text) if codec == "cp1252" else None)
        if found is None:
            lost = _LOST.search(text)
            if lost is not None:
                raise UnreadableFile("file_lost_letters", name, line=text.count("\n", 0, lost.start()) + 1,
                                     sample=_around(text, lost.start()), encoding=SINGLE_BYTE[codec])
            return text.encode("utf-8"), SINGLE_BYTE[codec]
        first_failure = first_failure or (codec, found.start())
    codec, at = first_failure or (order[0], 0)
    text = data.decode(codec, "replace")
    raise UnreadableFile("file_encoding", name, line=text.count("\n", 0, at) + 1, sample=_around(text, at),
                         guess=SINGLE_BYTE[order[0]])


def _around(text: str, at: int) -> str:
    """The cell holding position ``at`` (at most 60 characters), for a message."""
    start = max(text.rfind(sep, 0, at) for sep in (",", ";", "\t", "\n", '"')) + 1
    ends = [e for e in (text.find(sep, at) for sep in (",", ";", "\t", "\n", '"')) if e >= 0]
    return text[start: min([*ends, len(text)])].strip()[:60]


def _mb(n: int) -> str:
    return f"{n / 1024**2:,.1f} MB".replace(".0 MB", " MB")


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
    raise UnreadableFile("file_not_table", name, filled("reason_utf8_at", line=line, at=at))


def _separator(first_line: str) -> str:
    """The separator the header line uses most, outside quotes."""
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _csv_reason(message: str, data: bytes, sep: str) -> Label:
    if "more fields" in message and (lone := _lone_cr_line(data)) is not None:
        return filled("reason_mixed_line_ends", row=lone)
    if "more fields" in message and (wide := _first_wide_row(data, sep)) is not None:
        return filled("reason_csv_wide_row", row=wide[0], cells=wide[1], header=wide[2])
    if "utf-8" in message.lower():
        return label("reason_utf8")
    first = message.strip().splitlines()[0] if message.strip() else ""
    return filled("reason_csv", detail=first)


def _first_wide_row(data: bytes, sep: str) -> tuple[int, int, int] | None:
    """The first row with more cells than the header row: its number as a spreadsheet shows it
    (the header is row 1), its cells and the header's (the file already failed: read again here)."""
    rows = csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline=""), delimiter=sep, quotechar='"')
    width = None
    for number, row in enumerate(rows, start=1):
        if width is None:
            width = len(row)
        elif len(row) > width:
            return number, len(row), width
    return None


_LONE_CR = re.compile(rb"\r(?!\n)")


def _lone_cr_line(data: bytes) -> int | None:
    """The row ending in a carriage return alone (outside quotes) in a file whose other rows end
    in a line feed, else None: such a file's rows run together."""
    if b"\n" not in data:
        return None
    for found in _LONE_CR.finditer(data):
        at = found.start()
        if at == len(data) - 1:
            continue  # the file's last end
        if data.count(b'"', 0, at) % 2 == 0:
            return len(re.findall(rb"\r\n|\r|\n", data[:at])) + 1
    return None


def _too_wide(n: int) -> Label:
    return filled("reason_too_wide", n=n, most=MAX_COLUMNS)


def _names(width: int) -> list[str]:
    return [f"c{i}" for i in range(width)]


# --- XLSX --------------------------------------------------------------------------------------
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "mimetype" in names and z.read("mimetype").strip() == ODS_MIME:
                # An ODS saved with a password keeps its parts encrypted, said in the manifest.
                if b"encryption-data" in z.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else False:
                    raise UnreadableFile("file_encrypted", name)
                names.add("xl/workbook.xml")  # readable as a workbook (calamine reads ODS)
    except (zipfile.BadZipFile, OSError, KeyError):
        raise UnreadableFile("file_not_table", name, REASONS["zip"]) from None
    if "xl/workbook.xml" not in names:
        raise UnreadableFile("file_not_table", name, REASONS["docx" if "word/document.xml" in names else "zip"])
    total = sum(i.file_size for i in infos)
    worst = max(infos, key=lambda i: i.file_size / max(i.compress_size, 1))
    ratio = worst.file_size / max(worst.compress_size, 1)
    if total > MAX_UNPACKED_BYTES or (ratio > MAX_PACK_RATIO and worst.file_size > 50 * 1024**2):
        size = f"{total / 1024**2:,.0f} MB"
        raise UnreadableFile("file_too_big", name, filled("reason_packed", size=size, ratio=f"{ratio:,.0f}"))


def _read_book(path: Path, name: str, layout) -> RawTable:
    """An XLSX or ODS workbook (calamine reads both)."""
    from python_calamine import CalamineError, CalamineWorkbook

    _check_zip(path, name)
    try:
        book = CalamineWorkbook.from_path(str(path))
        found = _data_sheet(book, layout, name)
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
        raise UnreadableFile("file_not_table", name, filled("reason_xlsx", detail=e)) from None
    first_row, first_column = sheet.start or (0, 0)
    header_row = first_row + header_at + 1
    n = len(columns[0]) if columns else 0
    if not (path.suffix.lower() == ".ods" or book_is_ods(path)):
        for (row, col), formula in _uncalculated_formulas(path, sheet.name).items():
            at, i = row - header_row - 1, col - first_column
            if 0 <= at < n and 0 <= i < width and not columns[i][at]:
                columns[i][at] = formula  # the checks refuse it as a formula, not as an empty cell
    frame = pl.DataFrame({f"c{i}": col for i, col in enumerate(columns)}, schema=dict.fromkeys(_names(width), pl.String))
    frame = frame.with_columns(pl.int_range(header_row + 1, header_row + 1 + n, dtype=pl.Int64).alias("_row"))
    kind = "ods" if path.suffix.lower() == ".ods" or book_is_ods(path) else "xlsx"
    return RawTable(name, "", headers, header_row, frame, kind, sheet.name, first_column)


_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"[^>]*>')
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.DOTALL)
_VALUE = re.compile(rb"<v\b[^>]*>(.*?)</v>", re.DOTALL)


def _uncalculated_formulas(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """The cells of a sheet that hold a formula but no value (a file written by a program that
    does not calculate, e.g. ``=HYPERLINK(…)`` from a generator): calamine reads them as empty,
    which would be reported as an empty cell. Keyed by (row as shown, 0-based column)."""
    import html
    import posixpath
    import xml.etree.ElementTree as ET

    found: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            book = ET.fromstring(z.read("xl/workbook.xml"))
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels")) if "xl/_rels/workbook.xml.rels" in names else None
            ns_r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
            rid = next((e.get(ns_r) for e in book.iter() if e.tag.endswith("}sheet") and e.get("name") == sheet_name), None)
            target = next((e.get("Target", "") for e in (rels if rels is not None else []) if e.get("Id") == rid), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if part not in names:
                return found
            data = z.read(part)
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError):
        return found
    if b"<f" not in data:
        return found
    for hit in _FORMULA.finditer(data):
        start = data.rfind(b"<c", 0, hit.start())
        end = data.find(b"</c>", hit.end())
        ref = _CELL_REF.match(data, start) if start >= 0 else None
        value = _VALUE.search(data, hit.end(), end if end >= 0 else len(data))
        # Calculated (a value), or a text result that is empty (t="str", as Excel writes it): read as it is.
        if ref is None or (value is not None and value.group(1)) or b't="str"' in ref.group(0):
            continue
        letters, number = ref.group(1).decode(), int(ref.group(2))
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        text = html.unescape(hit.group(1).decode("utf-8", "replace")) if hit.group(1) else "…"
        found[(number, col - 1)] = "=" + text
    return found


def book_is_ods(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        return "mimetype" in z.namelist() and z.read("mimetype").strip() == ODS_MIME


def _data_sheet(book, layout, name: str = ""):
    """The sheet and row (0-based within its used range) whose cells match the most headers;
    the template's instruction and list sheets lose to its data sheet. A workbook with rows on
    two sheets that both carry every required column is refused, naming them: taking one would
    silently drop the other."""
    best = None
    complete = []
    for sheet_name in book.sheet_names:
        sheet = book.get_sheet_by_name(sheet_name)  # parses the whole sheet: keep it
        rows = sheet.iter_rows()
        mine = None
        for at, row in enumerate(rows):
            if at >= HEADER_SEARCH_ROWS:
                break
            texts = [as_text(v) for v in row]
            known = layout(texts) if callable(layout) else len(schema(layout).match(texts).positions)
            if mine is None or known > mine[0]:
                mine = (known, at, texts)
        if mine is None:
            continue
        if best is None or mine[0] > best[0]:
            best = (mine[0], sheet, mine[1])
        if not callable(layout) and mine[0] and not schema(layout).match(mine[2]).missing and _has_rows(sheet, mine[1]):
            complete.append(sheet_name)
    if len(complete) > 1:
        raise UnreadableFile("file_many_sheets", name, sheets=", ".join(f"«{n}»" for n in complete))
    return None if best is None else (best[1], best[2])


def _has_rows(sheet, header_at: int) -> bool:
    for at, row in enumerate(sheet.iter_rows()):
        if at > header_at and any(as_text(v).strip() for v in row):
            return True
    return False
