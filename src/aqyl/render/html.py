"""The note as one self-contained HTML page (inline CSS and SVG charts; nothing is fetched), and the
print variant WeasyPrint turns into PDF: the house style's font (embedded), size, indent and margins."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache

import jinja2

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table
from aqyl.render.charts import chart_font, chart_svg
from aqyl.render.layout import SHORT_TABLE, column_widths, footnote_numbers, starts_appendix, tied
from aqyl.render.style import page_style, print_font_files

# Rows a page may not break before: the first two (the caption, header and two rows stay together) and the last
# two (no lone row or total at the top of a page).
HEAD_ROWS, TAIL_ROWS = 1, 2


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("aqyl.render", "templates"), autoescape=True, trim_blocks=True,
        lstrip_blocks=True,
    )
    # A CSS string literal: JSON's escaping of quotes and backslashes is valid CSS.
    env.filters["css_string"] = lambda text: jinja2.utils.markupsafe.Markup(json.dumps(str(text), ensure_ascii=False))
    return env


def font_files() -> dict[str, str]:
    """The house font's faces for the PDF, as file URLs (Liberation Serif or DejaVu Serif)."""
    return {face: path.as_uri() for face, path in print_font_files(page_style().font).items()}


def _row_classes(table: Table) -> list[str]:
    n = len(table.rows)
    out = []
    for r, row in enumerate(table.rows):
        keep = r <= HEAD_ROWS or r >= n - TAIL_ROWS
        out.append(row.kind + (" keep" if keep and n > 1 else ""))
    return out


def _blocks(doc: Document) -> list[dict]:
    style = page_style()
    out = []
    numbers = footnote_numbers(doc)
    for i, b in enumerate(doc.blocks):
        notes = list(zip(numbers[i], getattr(b, "footnotes", ()), strict=True))
        if isinstance(b, Heading):
            out.append({"type": "heading", "block": b, "anchor": f"s{i}", "appendix": starts_appendix(doc, i)})
        elif isinstance(b, Paragraph):
            out.append({"type": "paragraph", "block": b, "notes": notes})
        elif isinstance(b, Bullets):
            out.append({"type": "bullets", "block": b, "notes": notes})
        elif isinstance(b, Table):
            widths = [100 * w / style.text_width_mm for w in column_widths(b, style.text_width_mm, style.table_size_pt)]
            out.append({"type": "table", "block": b, "notes": notes, "rows": list(zip(b.rows, _row_classes(b), strict=True)),
                        "widths": [f"{w:.1f}%" for w in widths]})
        elif isinstance(b, Chart):
            out.append({"type": "chart", "block": b, "svg": chart_svg(b)})
    return out


def render_html(doc: Document, *, for_print: bool = False) -> str:
    doc = tied(doc)
    style = page_style()
    template = _environment().get_template("note.html.j2")
    return template.render(doc=doc, blocks=_blocks(doc), for_print=for_print, style=style,
                           fonts=font_files() if for_print else {}, short_table=SHORT_TABLE, family=chart_font(),
                           content_height=297 - style.margin_top_mm - style.margin_bottom_mm,
                           created=datetime.now().astimezone().isoformat(timespec="seconds") if for_print else "")


def page_blocks(doc: Document) -> list[dict]:
    """The document's blocks as the note's HTML template takes them (charts as SVG), for a web
    page that shows a report in place."""
    return _blocks(doc)
