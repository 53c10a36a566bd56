"""Renderers: the note's Document as Markdown, HTML, PDF, DOCX and XLSX; the report model as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from aqyl.domain.report.document import Document
from aqyl.files import write_atomically

FORMATS = ("docx", "pdf", "html", "xlsx", "json", "md")


def _renderer(fmt: str) -> Callable[[Document], bytes]:
    # Imported on demand: WeasyPrint and matplotlib take a while to load and JSON needs neither.
    if fmt == "html":
        from aqyl.render.html import render_html

        return lambda doc: render_html(doc).encode("utf-8")
    if fmt == "md":
        from aqyl.render.markdown import render_markdown

        return lambda doc: render_markdown(doc).encode("utf-8")
    if fmt == "pdf":
        from aqyl.render.pdf import render_pdf

        return render_pdf
    if fmt == "docx":
        from aqyl.render.docx import render_docx

        return render_docx
    if fmt == "xlsx":
        from aqyl.render.xlsx import render_xlsx

        return render_xlsx
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def report_json(report: Mapping[str, Any]) -> bytes:
    return json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")


def write_report_files(report: Mapping[str, Any], doc: Document, formats: Iterable[str], out: Path,
                       stem: str) -> list[Path]:
    """Write ``stem.<fmt>`` for each format into ``out``; JSON is the report model, the rest the note."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        data = report_json(report) if fmt == "json" else _renderer(fmt)(doc)
        path = out / f"{stem}.{fmt}"
        write_atomically(path, data)
        paths.append(path)
    return paths
