"""A classifier is a code table with kk/ru/en labels and an encoder that refuses unknown values.

Encoding accepts the code itself, any label in any language and any listed alias, compared
after :func:`aqyl.domain.i18n.normalize`. An unknown value raises :class:`UnknownValue` naming
the closest known values (rapidfuzz), so the user sees how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from aqyl.domain.errors import EmptyValue, UnknownValue
from aqyl.domain.i18n import LANGUAGES, Label, normalize


@dataclass(frozen=True)
class Code:
    code: str
    label: Label
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def spellings(self) -> Iterator[str]:
        """Every spelling this code is known by."""
        yield self.code
        yield from self.label
        yield from self.aliases


C = TypeVar("C", bound=Code)


class CodeTable(Generic[C]):
    def __init__(
        self,
        name: str,
        title: Label,
        codes: Iterable[C],
        prepare: Callable[[str], str] | None = None,
    ) -> None:
        self.name = name
        self.title = title
        self._codes: dict[str, C] = {}
        self._prepare = prepare
        self._index: dict[str, str] = {}
        for entry in codes:
            if entry.code in self._codes:
                raise ValueError(f"{name}: code {entry.code!r} listed twice")
            self._codes[entry.code] = entry
            for key in entry.spellings():
                known = self._index.setdefault(normalize(key), entry.code)
                if known != entry.code:
                    raise ValueError(f"{name}: {key!r} names both {known!r} and {entry.code!r}")

    # --- reading -------------------------------------------------------------------------
    def __iter__(self) -> Iterator[C]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> C:
        return self._codes[code]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def label(self, code: str, lang: str) -> str:
        return self._codes[code].label.get(lang)

    def choices(self, lang: str = "en") -> list[tuple[str, str]]:
        return [(c.code, c.label.get(lang)) for c in self]

    # --- encoding ------------------------------------------------------------------------
    def lookup(self, value: object) -> str | None:
        """The code a value names, or None."""
        text = "" if value is None else str(value).strip()
        if self._prepare:
            text = self._prepare(text)
        return self._index.get(normalize(text))

    def encode(self, value: object, *, labels_only: bool = False) -> str:
        """The code a value names; raises EmptyValue or UnknownValue with suggestions: "code —
        label" where codes are typed (the command line's options), the label alone with
        ``labels_only`` (a file, where people write the labels of the template's lists)."""
        if value is None or not str(value).strip():
            raise EmptyValue(self.title)
        code = self.lookup(value)
        if code is None:
            close = self.suggest(str(value), labels_only=labels_only)
            if close:
                raise UnknownValue(self.title, value, close)
            # Nothing is close: list what is allowed when the list is short enough to read.
            raise UnknownValue(self.title, value, [self.display(c, labels_only) for c in self.codes[:15]],
                               close_match=False)
        return code

    def suggest(self, value: str, limit: int = 3, *, labels_only: bool = False) -> list[Label]:
        """Closest codes, shown as "code — label" in each language."""
        query = normalize(value)
        # Two- and three-letter codes match almost anything partially; compare them only with short input.
        keys = [k for k in self._index if len(k) > 3 or len(query) <= 3]
        matches = process.extract(query, keys, scorer=fuzz.WRatio, limit=limit * 4)
        seen: list[str] = []
        best = matches[0][1] if matches else 0
        for key, score, _ in matches:
            code = self._index[key]
            # Far weaker matches than the best one are noise, not help.
            if score >= max(50, best - 12) and code not in seen:
                seen.append(code)
            if len(seen) == limit:
                break
        return [self.display(code, labels_only) for code in seen]

    def display(self, code: str, labels_only: bool = False) -> Label:
        label = self._codes[code].label
        if labels_only:
            return label
        return Label(*(f"{code} — {text}" if text != code else code for text in label))

    def missing_labels(self) -> list[tuple[str, str]]:
        """(code, language) pairs with an empty label; the docs test wants none."""
        return [(c.code, lang) for c in self for lang in LANGUAGES if not c.label.get(lang).strip()]
