"""The note as a sequence of blocks every renderer understands: headings, paragraphs, bullet lists,
tables and charts. The text is final (one language, numbers already formatted); the tables keep raw
numbers next to their display text so a spreadsheet gets numbers, not strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    # Footnotes the text points at: each renderer puts a superscript number after the text and the
    # note at the foot of the page (PDF, DOCX) or under the block (HTML, XLSX, Markdown).
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    lead: str = ""  # the sentence that introduces the list
    footnotes: tuple[str, ...] = ()  # as on Paragraph, shown after the list


@dataclass(frozen=True)
class Cell:
    text: str
    value: int | float | str | None = None  # the raw figure behind ``text``; None for a label or a dash
    mark: str = ""  # an estimate's mark, already at the end of ``text``; a spreadsheet shows it by the cell's format

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, float))


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: Literal["data", "group", "total"] = "data"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Literal["text", "number", "percent", "rank"] = "text"


@dataclass(frozen=True)
class Table:
    key: str  # stable name (used for spreadsheet sheets and anchors): "table_1", "appendix_1"
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    footnotes: tuple[str, ...] = ()  # as on Paragraph, shown under the table
    note: str = ""  # what the marks of its cells mean, for a renderer that shows the table on its own (a sheet)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # None: no value at that category (a line's gap)
    marks: tuple[str, ...] = ()  # an estimate's mark per value ("" for none), shown after the value's label


@dataclass(frozen=True)
class Band:
    """A shaded range on a line chart (a forecast's prediction interval)."""

    name: str
    lower: tuple[float | None, ...]
    upper: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    caption: str
    # diverging: Likert answers as shares of each item (series: the answer levels, disagreeing first),
    # stacked round the scale's midpoint
    kind: Literal["bar", "barh", "line", "diverging"]
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_axis: str = ""
    band: Band | None = None
    note: str = ""  # what the marks of its values mean, for a renderer that shows the chart on its own (a sheet)


Block = Heading | Paragraph | Bullets | Table | Chart


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    subtitle: tuple[str, ...]  # the title page's lines under the title
    blocks: tuple[Block, ...] = field(default=())
    footer: str = ""  # a short running text for page footers
    # The title page: the issuing organisation (top of the page) and the place and date in words
    # (bottom: "Астана, 2026 жылғы 1 желтоқсан"); the issuer is also the file's author.
    issuer: str = ""
    place_date: str = ""

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, Chart)]

    def prose(self) -> list[str]:
        """Every sentence a reader reads outside tables and charts."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, Bullets):
                out.extend(([b.lead] if b.lead else []) + list(b.items))
            if isinstance(b, (Paragraph, Bullets, Table)):
                out.extend(b.footnotes)
        return out
