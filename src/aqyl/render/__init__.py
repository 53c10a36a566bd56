"""Renderers: the note's Document as Markdown, HTML, PDF, DOCX and XLSX; the report model as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from aqyl.domain.report.document import Document
from aqyl.files import output_folder, write_atomically

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


def _render(fmt: str, doc: Document) -> bytes:
    return _renderer(fmt)(doc)


def _docx_aside(doc: Document, formats: list[str]):
    """With the PDF and the DOCX both wanted on a machine with a spare core, the DOCX (its 300 dpi
    pictures) is rendered in a forked child while this process lays out the PDF: the note's five
    files then take the PDF's time, not the sum (issue 15's 5 s). None when not worth it or when a
    child cannot be forked; the DOCX is then rendered here."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from aqyl.config import render_serial

    if not {"docx", "pdf"} <= set(formats) or (os.cpu_count() or 1) < 2 or render_serial():
        return None
    _renderer("docx")  # imported before the fork, so the child starts drawing at once
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return pool, pool.submit(_render, "docx", doc)
    except (OSError, ValueError):
        return None


def write_report_files(report: Mapping[str, Any], doc: Document, formats: Iterable[str], out: Path,
                       stem: str) -> list[Path]:
    """Write ``stem.<fmt>`` for each format into ``out``; JSON is the report model, the rest the note."""
    output_folder(out)
    formats = list(formats)
    aside = _docx_aside(doc, formats)
    paths = []
    # The DOCX, when it is being drawn aside, is collected last.
    for fmt in sorted(formats, key=lambda f: f == "docx" and aside is not None):
        if fmt == "docx" and aside is not None:
            pool, future = aside
            try:
                data = future.result()
            except Exception:  # a child that died (memory, signal): render it here instead
                data = _render("docx", doc)
            finally:
                pool.shutdown()
        else:
            data = report_json(report) if fmt == "json" else _render(fmt, doc)
        path = out / f"{stem}.{fmt}"
        write_atomically(path, data)
        paths.append(path)
    return paths
