"""Interviews: a file of coded segments read and stored (all rows or none), a passage coded in
the page by its place in the transcript, and the export of every segment as a file."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction

from aqyl.domain.errors import AqylError
from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.importers.readers import RawTable, UnreadableFile, read_table
from aqyl.store import models as m
from aqyl.store.interviews import Code, _find, codebook, export_rows, store_segments

SEGMENT_COLUMNS = ("interview", "code", "quote", "note")
# An interview's code names it in addresses (/interviews/<code>/) and files: letters, digits,
# "-", "_" and "."; a letter or digit first; 64 characters at most. No "/", no space.
CODE_RULE = re.compile(r"[^\W_][\w.-]{0,63}")


def check_interview_code(code: str) -> str:
    """The code as given (spaces around it dropped), or AqylError when it breaks the one rule."""
    code = code.strip()
    if not CODE_RULE.fullmatch(code):
        raise AqylError("interview_bad_code", value=code)
    return code


def store_segment_file(path: Path, accept_valid: bool = False, file_name: str | None = None) -> tuple[ImportReport, RawTable | None]:
    """Read a CSV or XLSX of (interview, code, quote[, note]) and store its segments; every quote
    must stand in its transcript. The report says what was wrong, where."""
    name = file_name or path.name
    try:
        table = read_table(path, lambda row: sum(1 for h in row if h.strip().lower() in SEGMENT_COLUMNS))
    except UnreadableFile as error:
        report = ImportReport(file=name, unreadable=True)
        report.add(Problem(0, "", "", error.key, params=error.params))
        return report, None
    where = {h.strip().lower(): f"c{i}" for i, h in enumerate(table.headers) if h.strip().lower() in SEGMENT_COLUMNS}
    if missing := [c for c in SEGMENT_COLUMNS[:3] if c not in where]:
        report = ImportReport(file=name)
        report.add(Problem(table.header_row, "", "", "missing_columns", params={"columns": missing}))
        return report, table
    rows = [{"_row": r["_row"], **{c: (r.get(where[c]) or "") if c in where else "" for c in SEGMENT_COLUMNS}}
            for r in table.frame.iter_rows(named=True)]
    return store_segments(rows, name, accept_valid), table


def code_passage(interview: m.Interview, code: str, start: int, end: int, note: str = "",
                 quote: str | None = None) -> m.CodedSegment:
    """Mark the transcript's characters ``start``…``end`` with a code of the codebook. With
    ``quote`` (the words a page selected), the place is checked against it and, if a browser
    counted differently (line breaks), found again from the words."""
    _, codes = codebook()
    if code not in codes:
        raise AqylError("interview_unknown_code", value=code, known=", ".join(codes))
    text = interview.transcript
    if quote is not None and " ".join(text[max(start, 0):max(end, 0)].split()) != " ".join(quote.split()):
        place = _find(text, quote)
        if place is None:
            raise AqylError("interview_quote_missing", value=quote[:60], interview=interview.code)
        start, end = place
    # Leading and trailing spaces of a selection are not part of what was said.
    while start < end and start < len(text) and text[start].isspace():
        start += 1
    while end > start and end <= len(text) and text[end - 1].isspace():
        end -= 1
    if not 0 <= start < end <= len(text):
        raise AqylError("interview_bad_passage", interview=interview.code, length=len(text))
    try:
        with transaction.atomic():
            return m.CodedSegment.objects.create(interview=interview, code=code, start=start, end=end, note=note.strip())
    except IntegrityError:
        raise AqylError("interview_segment_exists", interview=interview.code, code=code) from None


def export_bytes(lang: str, suffix: str) -> tuple[bytes, int]:
    """Every coded segment as .json, .csv or .xlsx (default), and how many there are."""
    from aqyl.render.xlsx import safe_text

    rows = export_rows(lang)
    columns = list(dict.fromkeys(k for r in rows for k in r)) or ["interview", "code", "quote"]
    suffix = suffix.lower().lstrip(".")
    if suffix == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8"), len(rows)
    if suffix == "csv":
        import csv

        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(columns)
        writer.writerows([[safe_text(str(r.get(c, ""))) for c in columns] for r in rows])
        return text.getvalue().encode("utf-8-sig"), len(rows)
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("segments")
    sheet.write_row(0, 0, columns, book.add_format({"bold": True}))
    for i, r in enumerate(rows, start=1):
        sheet.write_row(i, 0, [safe_text(str(r.get(c, ""))) for c in columns])
    book.close()
    return buffer.getvalue(), len(rows)


@dataclass(frozen=True)
class StoredInterview:
    code: str
    language: str
    length: int  # the transcript's characters
    attributes: dict[str, str]


def add_interview(code: str, language: str, transcript: Path, attributes: dict[str, str],
                  replace: bool = False) -> StoredInterview:
    """Store a transcript (a UTF-8 file) with its attributes; CommandError when it cannot be read."""
    from aqyl.app.system import CommandError

    check_interview_code(code)
    try:
        text = transcript.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError("file_unreadable", file=transcript, detail=error) from None
    return add_interview_text(code, language, text, attributes, replace=replace)


def add_interview_text(code: str, language: str, text: str, attributes: dict[str, str],
                       replace: bool = False) -> StoredInterview:
    """Store a transcript given as text (the web form); the code is checked against the one rule."""
    from aqyl.store.interviews import add_interview as store

    found = store(check_interview_code(code), language, text, attributes, replace=replace)
    return StoredInterview(found.code, found.language, len(found.transcript), found.attributes)


def remove_interview(code: str, user=None) -> int:
    """Delete an interview and its coded segments, with an audit entry; how many segments went.
    Any stored code is found, also one stored before the rule (with a "/")."""
    from aqyl.store.cycle import audit

    found = m.Interview.objects.filter(code=code).first()
    if found is None:
        raise AqylError("interview_unknown", value=code)
    with transaction.atomic():
        segments = found.segments.count()
        before = {"language": found.language, "attributes": found.attributes, "segments": segments,
                  "characters": len(found.transcript)}
        found.delete()
        audit(user, "interview.delete", code, before, None)
    return segments


def code_frequencies(by: str | None = None) -> dict:
    """How many interviews (and segments) mention each code, overall and by an attribute."""
    from aqyl.store.interviews import frequencies

    return frequencies(by)


def coded_quotes(code: str) -> tuple[Code, list[dict]]:
    """The code of the codebook and every quote marked with it."""
    from aqyl.store.interviews import quotes

    _, codes = codebook()
    if code not in codes:
        raise AqylError("interview_unknown_code", value=code, known=", ".join(codes))
    return codes[code], quotes(code)


def export_file(out: Path, lang: str) -> int:
    """Write every coded segment to ``out`` (.json, .csv, else .xlsx); how many."""
    from aqyl.files import write_atomically

    data, n = export_bytes(lang, out.suffix)
    write_atomically(out, data)
    return n
