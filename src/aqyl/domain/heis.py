"""The HEI registry as the core sees it: institutions with names and aliases, and the lookup
that turns a name as a user typed it into a registry code.

Lookups are exact after normalisation (code, any name, any alias); ``closest`` ranks the
registry by similarity for suggestions and for the importer's fuzzy matching.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from rapidfuzz import fuzz, process

from aqyl.domain.errors import AqylError, RegistryError
from aqyl.domain.i18n import Label, normalize

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{2,32}$")


@dataclass(frozen=True)
class Hei:
    code: str
    hei_type: str
    name: Label
    city: Label
    region: str = ""
    profile: str = "multidisciplinary"
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def spellings(self) -> list[str]:
        return [self.code, *self.name, *self.aliases]


def shipped_registry() -> list[Hei]:
    """The HEIs that ship with Aqyl (every HEI of the 2023 note)."""
    raw = json.loads(resources.files("aqyl.data").joinpath("heis.json").read_text("utf-8"))
    return [
        Hei(
            code=h["code"], hei_type=h["type"], name=Label(*h["name"]), city=Label(*h["city"]),
            region=h["region"], profile=h["profile"], aliases=tuple(h["aliases"]),
        )
        for h in raw["heis"]
    ]


_WORD = re.compile(r"\w+")


def _core(text: str, common: set[str]) -> str:
    words = [w for w in _WORD.findall(text) if w not in common]
    return " ".join(words) or text


class UnknownHei(AqylError):
    def __init__(self, value: object, suggestions: list[Label]) -> None:
        self.suggestions = suggestions
        super().__init__("unknown_hei", value=value, suggestions=suggestions)


class HeiDirectory:
    """Name → code lookup over a set of HEIs; refuses a spelling that would name two HEIs."""

    def __init__(self, heis: Iterable[Hei]) -> None:
        self.heis: dict[str, Hei] = {}
        self._index: dict[str, str] = {}
        for hei in heis:
            self.add(hei)

    def add(self, hei: Hei) -> None:
        if not CODE_PATTERN.match(hei.code):
            raise RegistryError("bad_hei_code", value=hei.code)
        if hei.code in self.heis:
            raise RegistryError("duplicate_hei_code", value=hei.code)
        keys = {normalize(s): s for s in hei.spellings() if s.strip()}
        for key, spelling in keys.items():
            other = self._index.get(key)
            if other is not None:
                raise RegistryError("duplicate_hei_name", value=spelling, other=self.heis[other].name)
        self.heis[hei.code] = hei
        self._index.update(dict.fromkeys(keys, hei.code))

    def resolve(self, text: object) -> str | None:
        return self._index.get(normalize(str(text or "")))

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(code, score 0–100) of the most similar HEIs, best first, one entry per HEI.

        Words most names share ("университет", "атындағы", "university") are left out of the
        comparison: with them every long name scores about 86 against every other."""
        common = self._common_words()
        cores = {key: _core(key, common) for key in self._index}
        ranked = process.extract(_core(normalize(text), common), cores, scorer=fuzz.WRatio, limit=limit * 6)
        best: dict[str, float] = {}
        for _, score, key in ranked:
            code = self._index[key]
            best[code] = max(best.get(code, 0.0), score)
        return sorted(best.items(), key=lambda item: -item[1])[:limit]

    def _common_words(self) -> set[str]:
        counts = Counter(word for key in self._index for word in set(_WORD.findall(key)))
        floor = max(5, len(self._index) // 25)
        return {word for word, n in counts.items() if n >= floor}

    def encode(self, text: object) -> str:
        code = self.resolve(text)
        if code is None:
            suggestions = [
                Label(*(f"{c} — {n}" for n in self.heis[c].name)) for c, _ in self.closest(str(text or ""))
            ]
            raise UnknownHei(text, suggestions)
        return code
