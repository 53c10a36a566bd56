"""The note as Markdown: readable in a terminal or a code review, and the text golden tests compare."""

from __future__ import annotations

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(doc: Document) -> str:
    out = [f"# {doc.title}", "", *(f"{line}  " for line in doc.subtitle), ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, Bullets):
            out += ([block.lead, ""] if block.lead else []) + [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += ([f"**{block.caption}**", ""] if block.caption else []) + ["| " + " | ".join(_cell(c.header) for c in block.columns) + " |",
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
                pairs = "; ".join(f"{c} {v:g}" for c, v in zip(block.categories, s.values, strict=True) if v is not None)
                out += [f"- {s.name}: {pairs}"]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
