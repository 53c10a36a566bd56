"""A questionnaire: items grouped into scales, each item's text in kk, ru and en.

Likert items share one answer scale (1…points, its words in three languages); a reversed item is
scored ``points + 1 - answer`` so every item of a scale points the same way. Choice items take
their answers from a classifier of the register (gender, study level, funding, country) or from
options listed in the instrument. A derived item recodes a choice (funding → scholarship or
self-funded) so groups can be compared without editing the answers.

Instruments are data (``aqyl/data/instruments/NAME.json``); a researcher may pass their own file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.classifiers.base import Code, CodeTable
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label, normalize

Kind = Literal["id", "likert", "choice"]


@dataclass(frozen=True)
class Item:
    id: str
    kind: Kind
    text: Label
    reversed: bool = False
    answers: CodeTable | None = None  # what the item accepts; None for an identifier

    def spellings(self) -> list[str]:
        return [self.id, *self.text]


@dataclass(frozen=True)
class Scale:
    id: str
    label: Label
    about: Label
    group: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Derived:
    id: str
    source: str
    label: Label
    mapping: dict[str, str]
    answers: CodeTable


@dataclass(frozen=True)
class Instrument:
    name: str
    title: Label
    points: int
    likert_labels: tuple[Label, ...]
    items: tuple[Item, ...]
    scales: tuple[Scale, ...]
    groups: dict[str, Label]
    derived: tuple[Derived, ...] = ()

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    @property
    def likert(self) -> list[Item]:
        return [i for i in self.items if i.kind == "likert"]

    @property
    def choices(self) -> list[Item]:
        return [i for i in self.items if i.kind == "choice"]

    def score(self, item: Item, answer: int) -> int:
        """An answer as the item's scale counts it (reversed items turned round)."""
        return self.points + 1 - answer if item.reversed else answer

    def group_label(self, group: str, lang: str) -> str:
        """The name of a grouping variable: a choice item's text or a derived item's label."""
        derived = next((d for d in self.derived if d.id == group), None)
        return derived.label.get(lang) if derived else self.item(group).text.get(lang)

    def group_answers(self, group: str) -> CodeTable:
        derived = next((d for d in self.derived if d.id == group), None)
        answers = derived.answers if derived else self.item(group).answers
        assert answers is not None, group  # a grouping is a choice item or a derived one: both have answers
        return answers

    @property
    def grouping(self) -> list[str]:
        """Variables a survey can be split by: choice items and derived items."""
        return [i.id for i in self.choices] + [d.id for d in self.derived]

    def header_index(self) -> dict[str, str]:
        """Every spelling of an item (its id, its text in any language) → the item's id."""
        index: dict[str, str] = {}
        for item in self.items:
            for spelling in item.spellings():
                index.setdefault(header_key(spelling), item.id)
        return index


def header_key(text: str) -> str:
    """How a column header is compared with item texts: case, spaces and end punctuation aside."""
    return normalize(str(text).replace("_", " ")).rstrip(" .?:*")


class UnknownInstrument(AqylError):
    def __init__(self, name: str) -> None:
        super().__init__("survey_unknown_instrument", name=name, known=", ".join(shipped()))


def shipped() -> list[str]:
    folder = resources.files("aqyl.data").joinpath("instruments")
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def load_instrument(name: str) -> Instrument:
    """A shipped instrument by name, or an instrument file by path."""
    path = Path(name)
    if name.endswith(".json") and path.exists():
        raw = json.loads(path.read_text("utf-8"))
    elif name in shipped():
        raw = json.loads(resources.files("aqyl.data").joinpath("instruments", f"{name}.json").read_text("utf-8"))
    else:
        raise UnknownInstrument(name)
    return parse_instrument(raw)


def _label(raw: dict) -> Label:
    return Label(**raw)


def parse_instrument(raw: dict) -> Instrument:
    points = raw["likert"]["points"]
    likert_labels = tuple(_label(x) for x in raw["likert"]["labels"])
    likert = CodeTable("likert", Label("Шкала", "Шкала", "Scale"),
                       [Code(str(n), label) for n, label in enumerate(likert_labels, start=1)])
    items = []
    for it in raw["items"]:
        text = _label(it["text"])
        if it["kind"] == "likert":
            answers = likert
        elif it["kind"] == "choice":
            answers = CLASSIFIERS[it["classifier"]] if "classifier" in it else CodeTable(
                it["id"], text, [Code(o["code"], _label(o["label"]), tuple(o.get("aliases", ()))) for o in it["options"]])
        else:
            answers = None
        items.append(Item(it["id"], it["kind"], text, bool(it.get("reversed")), answers))
    known = {i.id for i in items}
    scales = tuple(Scale(s["id"], _label(s["label"]), _label(s["about"]), s.get("group", ""), tuple(s["items"]))
                   for s in raw["scales"])
    for s in scales:
        if missing := set(s.items) - known:
            raise ValueError(f"scale {s.id} names unknown items {sorted(missing)}")
    derived = tuple(Derived(d["id"], d["from"], _label(d["label"]), dict(d["map"]), CodeTable(
        d["id"], _label(d["label"]), [Code(o["code"], _label(o["label"])) for o in d["options"]])) for d in raw.get("derived", ()))
    return Instrument(raw["name"], _label(raw["title"]), points, likert_labels, tuple(items), scales,
                      {g["id"]: _label(g["label"]) for g in raw.get("groups", ())}, derived)
