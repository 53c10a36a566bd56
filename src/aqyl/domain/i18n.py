"""Languages, trilingual labels and the text normalisation every lookup shares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Lang = Literal["kk", "ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("kk", "ru", "en")
DEFAULT_LANG: Lang = "kk"


@dataclass(frozen=True, slots=True)
class Label:
    """A text in Kazakh, Russian and English."""

    kk: str
    ru: str
    en: str

    def get(self, lang: str) -> str:
        return getattr(self, check_lang(lang))

    def __iter__(self):
        return iter((self.kk, self.ru, self.en))

    def as_dict(self) -> dict[str, str]:
        return {"kk": self.kk, "ru": self.ru, "en": self.en}


def check_lang(lang: str) -> Lang:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


_SPACES = re.compile(r"\s+")
# Quotes, dashes and dots vary between spreadsheets typed on different keyboards.
_PUNCT = str.maketrans(
    {
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "'": '"', "’": '"', "`": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-",
        "ё": "е",
    }
)


def normalize(text: str) -> str:
    """Key used for every case- and space-insensitive lookup ("ҚХР " == "қхр")."""
    text = unicodedata.normalize("NFC", str(text)).casefold().translate(_PUNCT)
    text = _SPACES.sub(" ", text).strip()
    # "Л.Н. Гумилев" and "Л. Н. Гумилев" are the same name.
    text = re.sub(r"\.\s*", ". ", text).strip()
    return text.replace(" - ", "-").replace('" ', '"').replace(' "', '"')


# --- collation -----------------------------------------------------------------------------------
# Each language's alphabet order (no PyICU or system locale here): Kazakh puts Ә after А, Ғ after Г,
# Қ after К, Ң after Н, Ө after О, Ұ Ү after У, Һ after Х and І after Ы; Russian puts Ё after Е.
_ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


def collation_key(text: str, lang: str) -> tuple:
    """Sort key for ``text`` in ``lang``'s alphabet order, letter case aside; Latin letters come
    before Cyrillic ones, digits and marks before both (as in a printed index)."""
    order = _ALPHABETS.get(lang, "")
    folded = text.casefold()
    key = []
    for ch in folded:
        at = order.find(ch) if order else -1
        if at >= 0:
            key.append((2, at))
        elif ch.isalpha() and ch.isascii():
            key.append((1, ord(ch)))
        elif ch.isalpha():
            key.append((3, ord(ch)))
        else:
            key.append((0, ord(ch)))
    return (tuple(key), text)
