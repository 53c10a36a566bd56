"""Countries as users write them; no database needed (the command line parses options before it
opens one)."""

from __future__ import annotations

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.wording.interface import ui


def country_option(value: str | None) -> str | None:
    """A country as a user writes it (code or name, in any language), or ``other``."""
    if value is None:
        return None
    return "other" if value.strip().lower() == "other" else CLASSIFIERS["country"].encode(value)


def country_name(code: str, lang: str) -> str:
    if code == "other":
        return ui("other_countries", lang)
    return CLASSIFIERS["country"].label(code, lang)
