"""The note as Markdown: readable in a terminal or a code review, and the text golden tests compare."""

from __future__ import annotations

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table
from aqyl.render.layout import footnote_numbers


def _text(text: str) -> str:
    """A text as Markdown shows it literally: an estimate's mark "*" is not emphasis, nor a list item."""
    return text.replace("*", "\\*")


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|")


def render_markdown(doc: Document) -> str:
    head = [doc.issuer] if doc.issuer else []
    out = [*(f"{line}  " for line in head), *([""] if head else []), f"# {doc.title}", "",
           *(f"{line}  " for line in (*doc.subtitle, *([doc.place_date] if doc.place_date else []))), ""]
    numbers = footnote_numbers(doc)
    for i, block in enumerate(doc.blocks):
        # Footnotes as Markdown footnotes, defined right under the block that cites them.
        marks = "".join(f"[^{n}]" for n in numbers[i])
        defined = [f"[^{n}]: {text}" for n, text in zip(numbers[i], getattr(block, "footnotes", ()), strict=True)]
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [_text(block.text) + marks, ""]
        elif isinstance(block, Bullets):
            items = [f"- {_text(item)}" for item in block.items]
            if not block.lead and items:
                items[0] += marks
            out += ([_text(block.lead) + marks, ""] if block.lead else []) + items + [""]
        elif isinstance(block, Table):
            out += ([f"**{block.caption}**{marks}", ""] if block.caption else []) + ["| " + " | ".join(_cell(c.header) for c in block.columns) + " |",
                    "|" + "|".join("---:" if c.kind != "text" else "---" for c in block.columns) + "|"]
            for row in block.rows:
                cells = [_cell(c.text) for c in row.cells]
                if row.kind != "data":
                    cells = [f"**{c}**" if c else c for c in cells]
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
        elif isinstance(block, Chart):
            out += [f"*{block.caption}*", ""]
            for s in block.series:
                marks = s.marks or ("",) * len(s.values)
                pairs = "; ".join(f"{c} {v:g}{_text(mark)}" for c, v, mark in zip(block.categories, s.values, marks, strict=True)
                                  if v is not None)
                out += [f"- {s.name}: {pairs}"]
            out.append("")
        if defined:
            out += [*defined, ""]
    return "\n".join(out).rstrip() + "\n"
