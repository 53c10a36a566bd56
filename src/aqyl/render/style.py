"""The house style of the issuing organisation's documents: the ``page`` section of
``aqyl/data/organisation.json``, or of the file named by ``AQYL_ORGANISATION_FILE`` (same shape).

DOCX, PDF and XLSX read it, so a ministry's font, sizes, indent and margins are set in one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib

from aqyl.domain.errors import AqylError


@dataclass(frozen=True)
class PageStyle:
    font: str = "Times New Roman"
    size_pt: float = 14
    table_size_pt: float = 12
    first_line_indent_cm: float = 1.25
    line_spacing: float = 1.0
    margin_left_mm: float = 30
    margin_right_mm: float = 10
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20

    @property
    def text_width_mm(self) -> float:
        """The width of the printed text on an A4 page (210 mm less the side margins)."""
        return 210 - self.margin_left_mm - self.margin_right_mm


class OrganisationFileError(AqylError, ValueError):
    """The organisation file cannot be read: the message (in the user's language) says how to fix it."""


def _read(path: str | None) -> dict:
    if path:
        try:
            return json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise OrganisationFileError("organisation_file_bad", file=path, detail=error) from error
    return json.loads(resources.files("aqyl.data").joinpath("organisation.json").read_text("utf-8"))


@cache
def _page_style(path: str | None) -> PageStyle:
    page = _read(path).get("page", {})
    margins = page.get("margins_mm", {})
    default = PageStyle()
    try:
        return PageStyle(
            font=str(page.get("font", default.font)),
            size_pt=float(page.get("size_pt", default.size_pt)),
            table_size_pt=float(page.get("table_size_pt", default.table_size_pt)),
            first_line_indent_cm=float(page.get("first_line_indent_cm", default.first_line_indent_cm)),
            line_spacing=float(page.get("line_spacing", default.line_spacing)),
            **{f"margin_{side}_mm": float(margins.get(side, getattr(default, f"margin_{side}_mm")))
               for side in ("left", "right", "top", "bottom")})
    except (TypeError, ValueError) as error:
        raise ValueError(f"{path or 'organisation.json'}: the page section needs numbers for sizes, indent, "
                         f"spacing and margins ({error})") from error


def page_style() -> PageStyle:
    from aqyl.config import organisation_file

    return _page_style(organisation_file())


# Fonts metric-compatible with the house fonts that Linux lacks: Liberation (Debian fonts-liberation2,
# installed by scripts/setup.sh; version 2 covers the Kazakh letters), else DejaVu from matplotlib.
_LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
_COMPATIBLE = {"times new roman": "LiberationSerif", "arial": "LiberationSans", "courier new": "LiberationMono"}
_FACES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}


@cache
def print_font_files(font: str) -> dict[str, Path]:
    """The files a PDF embeds for ``font``: regular, bold, italic and bold italic faces."""
    stem = _COMPATIBLE.get(font.casefold())
    if stem and all((_LIBERATION / f"{stem}-{face}.ttf").is_file() for face in _FACES.values()):
        return {key: _LIBERATION / f"{stem}-{face}.ttf" for key, face in _FACES.items()}
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    serif = stem != "LiberationSans"
    base = "DejaVuSerif" if serif else "DejaVuSans"
    slant = "Italic" if serif else "Oblique"
    return {"regular": folder / f"{base}.ttf", "bold": folder / f"{base}-Bold.ttf",
            "italic": folder / f"{base}-{slant}.ttf", "bolditalic": folder / f"{base}-Bold{slant}.ttf"}
