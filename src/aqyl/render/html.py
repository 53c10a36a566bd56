"""The note as one self-contained HTML page (inline CSS and SVG charts; nothing is fetched), and the
print variant WeasyPrint turns into PDF."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jinja2
import matplotlib

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table
from aqyl.render.charts import chart_svg


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
    """DejaVu Sans from matplotlib's own data folder: installed with the package, covers Kazakh."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"regular": (folder / "DejaVuSans.ttf").as_uri(), "bold": (folder / "DejaVuSans-Bold.ttf").as_uri(),
            "italic": (folder / "DejaVuSans-Oblique.ttf").as_uri()}


def _blocks(doc: Document) -> list[dict]:
    out = []
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading):
            following = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            appendix = isinstance(following, Table) and following.key.startswith("appendix")
            out.append({"type": "heading", "block": b, "anchor": f"s{i}", "appendix": appendix})
        elif isinstance(b, Paragraph):
            out.append({"type": "paragraph", "block": b})
        elif isinstance(b, Bullets):
            out.append({"type": "bullets", "block": b})
        elif isinstance(b, Table):
            out.append({"type": "table", "block": b})
        elif isinstance(b, Chart):
            out.append({"type": "chart", "block": b, "svg": chart_svg(b)})
    return out


def render_html(doc: Document, *, for_print: bool = False) -> str:
    template = _environment().get_template("note.html.j2")
    return template.render(doc=doc, blocks=_blocks(doc), for_print=for_print, fonts=font_files() if for_print else {})


def page_blocks(doc: Document) -> list[dict]:
    """The document's blocks as the note's HTML template takes them (charts as SVG), for a web
    page that shows a report in place."""
    return _blocks(doc)
