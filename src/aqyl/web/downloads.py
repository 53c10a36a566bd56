"""Files the web application hands out: the analytical note (pages and API alike) and the template."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse

CONTENT_TYPES = {
    "pdf": "application/pdf", "html": "text/html; charset=utf-8", "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def attachment(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[name.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def report_file(period: str, flt, lang: str, fmt: str, compare: str | None = None, generated: date | None = None,
                placeholders: bool = False) -> HttpResponse:
    """The note for ``period`` in one language and format, dated ``generated`` (today by default),
    built once and kept in the shared cache."""
    from aqyl.app.reports import note_file

    return attachment(*note_file(period, compare, flt, lang, fmt, generated, placeholders))


def download(data: bytes, name: str) -> HttpResponse:
    """A file of the research pages: CSV as UTF-8 text, anything else by its suffix."""
    if not name.endswith(".csv"):
        return attachment(data, name)
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
