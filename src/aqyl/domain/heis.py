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
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources

from rapidfuzz import fuzz, process

from aqyl.domain.errors import AqylError, RegistryError
from aqyl.domain.i18n import Label, normalize
from aqyl.domain.pseudonym import iin_checksum_ok

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{2,32}$")
SCHAC_PATTERN = re.compile(r"^(?=.{4,100}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
ERASMUS_PATTERN = re.compile(r"^[A-Z]{1,3} ?[A-Z-]{1,9}\d{2}$")
ROR_PATTERN = re.compile(r"^0[a-hj-km-np-tv-z0-9]{6}\d{2}$")
WEBSITE_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
IDENTIFIERS = ("bin", "schac", "erasmus", "pic", "ror", "website", "ministry_code")
FOUND_BY = ("bin", "schac", "erasmus")  # the identifiers a lookup (the records import, hei list) finds an HEI by


@dataclass(frozen=True)
class Identifiers:
    """What else names an HEI: BIN (the business identification number, 12 digits, the IIN's check
    digit), SCHAC code (its internet domain, lower case), Erasmus code, PIC (the EU participant
    code, 9 digits), ROR id, website and the ministry's own code; empty when not known."""

    bin: str = ""
    schac: str = ""
    erasmus: str = ""
    pic: str = ""
    ror: str = ""
    website: str = ""
    ministry_code: str = ""

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in IDENTIFIERS}


@dataclass(frozen=True)
class Hei:
    code: str
    hei_type: str
    name: Label
    city: Label
    region: str = ""
    profile: str = "multidisciplinary"
    aliases: tuple[str, ...] = field(default=(), compare=False)
    ids: Identifiers = field(default=Identifiers(), compare=False)
    active_from: date | None = field(default=None, compare=False)
    active_to: date | None = field(default=None, compare=False)  # the first day it is no longer active
    successor: str = field(default="", compare=False)

    def spellings(self) -> list[str]:
        return [self.code, *self.name, *self.aliases, *self.identifiers()]

    def identifiers(self) -> list[str]:
        return [value for name in FOUND_BY if (value := getattr(self.ids, name))]

    def active_between(self, start: date, end: date) -> bool:
        """Active on at least one day of ``start``…``end`` (both included)."""
        return (self.active_from is None or self.active_from <= end) and (self.active_to is None or self.active_to > start)


def bin_ok(text: str) -> bool:
    """A BIN's twelfth digit is checked as an IIN's (the same weights, mod 11)."""
    return iin_checksum_ok(text)


def check_identifiers(ids: Identifiers) -> Identifiers:
    """The identifiers as stored (spaces gone, SCHAC lower case, a ROR id without its address), or
    RegistryError naming the first one that is not valid."""
    bin_ = re.sub(r"[\s-]", "", ids.bin)
    if bin_ and not bin_ok(bin_):
        raise RegistryError("bad_bin", value=ids.bin.strip())
    schac = ids.schac.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if schac and not SCHAC_PATTERN.match(schac):
        raise RegistryError("bad_schac", value=ids.schac.strip())
    erasmus = " ".join(ids.erasmus.upper().split())
    if erasmus and not ERASMUS_PATTERN.match(erasmus):
        raise RegistryError("bad_erasmus", value=ids.erasmus.strip())
    pic = re.sub(r"\s", "", ids.pic)
    if pic and not (len(pic) == 9 and pic.isdigit()):
        raise RegistryError("bad_pic", value=ids.pic.strip())
    ror = ids.ror.strip().lower().removeprefix("https://").removeprefix("ror.org/")
    if ror and not ROR_PATTERN.match(ror):
        raise RegistryError("bad_ror", value=ids.ror.strip())
    website = ids.website.strip()
    if website and not WEBSITE_PATTERN.match(website):
        raise RegistryError("bad_website", value=website)
    ministry = ids.ministry_code.strip()
    if len(ministry) > 32:
        raise RegistryError("bad_ministry_code", value=ministry[:40])
    return Identifiers(bin_, schac, erasmus, pic, ror, website, ministry)


def with_checked_identifiers(hei: Hei) -> Hei:
    return replace(hei, ids=check_identifiers(hei.ids))


def shipped_registry() -> list[Hei]:
    """The HEIs that ship with Aqyl (every HEI of the 2023 note)."""
    raw = json.loads(resources.files("aqyl.data").joinpath("heis.json").read_text("utf-8"))
    return [
        Hei(
            code=h["code"], hei_type=h["type"], name=Label(*h["name"]), city=Label(*h["city"]),
            region=h["region"], profile=h["profile"], aliases=tuple(h["aliases"]), ids=Identifiers(schac=h.get("schac", "")),
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
        self._identifiers: set[str] = set()  # index keys that are identifiers, left out of fuzzy matching
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
            if other is not None and spelling in hei.identifiers():
                raise RegistryError("duplicate_hei_identifier", value=spelling, other=self.heis[other].name)
            if other is not None:
                raise RegistryError("duplicate_hei_name", value=spelling, other=self.heis[other].name)
        self.heis[hei.code] = hei
        self._index.update(dict.fromkeys(keys, hei.code))
        self._identifiers.update(normalize(s) for s in hei.identifiers())

    def resolve(self, text: object) -> str | None:
        return self._index.get(normalize(str(text or "")))

    def closest(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(code, score 0–100) of the most similar HEIs, best first, one entry per HEI.

        Words most names share ("университет", "атындағы", "university") are left out of the
        comparison: with them every long name scores about 86 against every other."""
        common = self._common_words()
        cores = {key: _core(key, common) for key in self._index if key not in self._identifiers}
        ranked = process.extract(_core(normalize(text), common), cores, scorer=fuzz.WRatio, limit=limit * 6)
        best: dict[str, float] = {}
        for _, score, key in ranked:
            code = self._index[key]
            best[code] = max(best.get(code, 0.0), score)
        return sorted(best.items(), key=lambda item: -item[1])[:limit]

    def _common_words(self) -> set[str]:
        counts = Counter(word for key in self._index if key not in self._identifiers for word in set(_WORD.findall(key)))
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
