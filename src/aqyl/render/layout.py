"""What the DOCX, PDF/HTML, XLSX and Markdown renderers decide the same way: footnote numbers, where
an appendix starts, how wide each table column is, and the non-breaking spaces of the text."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Row, Table
from aqyl.render.typography import tie


def footnote_numbers(doc: Document) -> list[tuple[int, ...]]:
    """For each block, the numbers of its footnotes: one sequence through the document (1, 2, 3 …)."""
    out, n = [], 0
    for block in doc.blocks:
        count = len(block.footnotes) if isinstance(block, (Paragraph, Bullets, Table)) else 0
        out.append(tuple(range(n + 1, n + count + 1)))
        n += count
    return out


def starts_appendix(doc: Document, i: int) -> bool:
    """A heading right before an appendix table: an appendix begins on a new page (a new section)."""
    following = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
    return isinstance(doc.blocks[i], Heading) and isinstance(following, Table) and following.key.startswith("appendix")


SHORT_TABLE = 12  # rows: a table this short is never split across pages

# An average letter of a serif face at 1 pt is about 0.55 pt wide (bold headers a little more); a cell
# loses about 4 mm to its margins and borders (Word's default 1.9 mm a side).
CHAR_EM = 0.6
CELL_PADDING_MM = 4.2


def column_widths(table: Table, total: float, size_pt: float) -> list[float]:
    """Column widths in mm that fill ``total``: a number column as wide as its longest figure or its
    header's longest word (a "№" column stays narrow), the text columns sharing what is left by their
    longest cell (a long name may take two lines, so a cell counts up to 60 characters)."""
    char_mm = size_pt * CHAR_EM * 25.4 / 72
    needs, flexible = [], []
    for c, column in enumerate(table.columns):
        longest = max((len(row.cells[c].text) for row in table.rows), default=1)
        # Words as the line breaks them: a no-break space ("1\u00a0пол.") holds its neighbours together.
        word = max((len(w) for w in column.header.split(" ")), default=1)
        text = column.kind == "text"
        chars = max(word, min(longest, 60) if text else longest, 2)
        needs.append(chars * char_mm + CELL_PADDING_MM)
        flexible.append(text)
    fixed = sum(n for n, f in zip(needs, flexible, strict=True) if not f)
    wanted = sum(n for n, f in zip(needs, flexible, strict=True) if f)
    if not wanted or fixed >= total * 0.8:  # all numbers, or too many to fit: share in proportion
        widths = [n * total / sum(needs) for n in needs]
    else:
        room = total - fixed
        widths = [n * room / wanted if f else n for n, f in zip(needs, flexible, strict=True)]
    return _no_broken_words(table, widths, char_mm)


def _longest_word(text: str) -> int:
    """The longest run that cannot break: words joined by no-break spaces count as one."""
    return max((len(w) for w in text.split(" ")), default=0)


def _no_broken_words(table: Table, widths: list[float], char_mm: float) -> list[float]:
    """Widths where no column is narrower than its longest word (a bold header's counts 10 % wider):
    a narrow column would break a word inside ("Сан-ы"); what a column gets is taken from the columns
    with room to spare, in proportion to their spare room."""
    floors = []
    for c, column in enumerate(table.columns):
        word = max(_longest_word(column.header) * 1.1,
                   max((_longest_word(row.cells[c].text) for row in table.rows), default=0))
        floors.append(word * char_mm + CELL_PADDING_MM)
    total = sum(widths)
    if sum(floors) >= total:  # cannot fit them all: in proportion to the words
        return [f * total / sum(floors) for f in floors]
    short = sum(max(f - w, 0.0) for f, w in zip(floors, widths, strict=True))
    if not short:
        return widths
    spare = [max(w - f, 0.0) for f, w in zip(floors, widths, strict=True)]
    return [f if w < f else w - short * room / sum(spare) for f, w, room in zip(floors, widths, spare, strict=True)]


@lru_cache(maxsize=8)
def tied(doc: Document) -> Document:
    """``doc`` with non-breaking spaces in every text a reader sees (see ``typography.tie``)."""
    t = lambda text: tie(text, doc.lang)  # noqa: E731
    blocks = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            block = replace(block, text=t(block.text))
        elif isinstance(block, Paragraph):
            block = replace(block, text=t(block.text), footnotes=tuple(map(t, block.footnotes)))
        elif isinstance(block, Bullets):
            block = replace(block, lead=t(block.lead), items=tuple(map(t, block.items)),
                            footnotes=tuple(map(t, block.footnotes)))
        elif isinstance(block, Table):
            rows = tuple(Row(tuple(replace(c, text=t(c.text)) for c in r.cells), r.kind) for r in block.rows)
            block = replace(block, caption=t(block.caption), rows=rows, footnotes=tuple(map(t, block.footnotes)))
        elif isinstance(block, Chart):
            block = replace(block, caption=t(block.caption))
        blocks.append(block)
    return replace(doc, title=t(doc.title), subtitle=tuple(map(t, doc.subtitle)), blocks=tuple(blocks),
                   footer=t(doc.footer), issuer=t(doc.issuer), place_date=t(doc.place_date))
