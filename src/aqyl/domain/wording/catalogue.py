"""The one registry of wording: every key of every wording module, unique across them.

A module joins by defining its words and calling :func:`register` once at import; the package
(:mod:`aqyl.domain.wording`) imports every module, so the registry is whole as soon as any part of
the package is imported.
"""

from __future__ import annotations

from collections.abc import Mapping

from aqyl.domain.i18n import LANGUAGES, Label

CATALOGUE: dict[str, Label] = {}
# Which module defined each key: the error for a key defined twice names both places.
ORIGIN: dict[str, str] = {}


def register(module: str, words: Mapping[str, Label]) -> None:
    """Add ``words`` of ``module`` to the catalogue; a key another module defined is refused, as is
    a word empty in one of the languages."""
    for key, label in words.items():
        if key in CATALOGUE:
            raise ValueError(f"wording key {key!r} of {module} is already defined in {ORIGIN[key]}")
        if not isinstance(label, Label) or not all(getattr(label, lang).strip() for lang in LANGUAGES):
            raise ValueError(f"wording key {key!r} of {module} needs a text in each of {', '.join(LANGUAGES)}")
        CATALOGUE[key] = label
        ORIGIN[key] = module


def label(key: str) -> Label:
    """The word ``key`` in all three languages, for a parameter written in the message's language."""
    return CATALOGUE[key]


def filled(key: str, **fields: object) -> Label:
    """The word ``key`` in all three languages with its fields filled: a parameter of another
    message that carries figures of its own (a reason naming the line and byte)."""
    return Label(*(text.format(**fields) for text in CATALOGUE[key]))
