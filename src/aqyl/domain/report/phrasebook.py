"""The phrase book: every sentence pattern of the note and every word form it declines, with an
example rendered from real report models, in kk, ru and en on one page, so that a native editor
can review the whole of the note's language in one sitting (``docs/phrasebook.md``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aqyl.domain.i18n import Label
from aqyl.domain.report import analysis
from aqyl.domain.report import phrases as ph
from aqyl.domain.report.growth import Growth
from aqyl.domain.report.note import NoteWriter

LANGS = ("kk", "ru", "en")
# Pairs of counts that show each wording of change.
GROWTH_EXAMPLES = ((174, 353), (139, 382), (313, 735), (73, 116), (100, 95), (100, 50), (100, 30), (735, 3),
                   (0, 4), (4, 0), (10, 10))


def _cell(text: str) -> str:
    return text.replace("\u00a0", " ").replace("|", "\\|").replace("\n", " ")


def _label_rows(title: str, table: Mapping[str, Label | Sequence[str]]) -> list[str]:
    out = [f"### {title}", "", "| key | kk | ru | en |", "|---|---|---|---|"]
    for key, value in table.items():
        texts = list(value) if isinstance(value, Label) else [*value, ""]
        out.append(f"| `{key}` | " + " | ".join(_cell(t) for t in texts[:3]) + " |")
    return [*out, ""]


def phrasebook(models: Sequence[Mapping[str, Any]]) -> str:
    """The phrase book, with examples taken from the notes of ``models`` (first use of each pattern)."""
    examples: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for model in models:
        for lang in LANGS:
            writer = NoteWriter(model, lang, "2026-12-01")
            writer.build()
            for key, text in writer.examples.items():
                examples[lang].setdefault(key, text)
    lines = ["# The note's phrase book", "",
             "Generated from `aqyl/domain/report/phrases.py` by `tests/test_phrasebook.py` "
             "(`AQYL_UPDATE_GOLDEN=1` to rewrite it). Each pattern shows its Kazakh, Russian and English text, "
             "then the first sentence the demo note (or a generated register with several half-years and "
             "non-submitting HEIs) makes with it. Country names are declined by `aqyl/domain/grammar.py`; "
             "its exceptions are in `aqyl/data/grammar_kk.json` and `grammar_ru.json`.", "",
             "## Sentence patterns", ""]
    for key, label in ph.T.items():
        lines += [f"### `{key}`", "", "| | pattern | example |", "|---|---|---|"]
        for lang in LANGS:
            example = examples[lang].get(key, "— (not used by these notes)")
            lines.append(f"| {lang} | {_cell(label.get(lang))} | {_cell(example)} |")
        lines.append("")
    lines += ["## Opening paragraphs", ""]
    for category, label in ph.INTRO.items():
        lines += [f"### `{category}`", ""] + [f"- {lang}: {_cell(label.get(lang))}" for lang in LANGS] + [""]
    lines += ["## Words and forms", ""]
    lines += _label_rows("Who took part (subject)", ph.SUBJECT)
    lines += _label_rows("Groups, outgoing", {c: g[0] for c, g in ph.GROUP.items()})
    lines += _label_rows("Groups, incoming", {c: g[1] for c, g in ph.GROUP.items()})
    lines += _label_rows("Types of HEI in a list", ph.HEI_TYPE_ITEM)
    lines += _label_rows("Types of HEI as a subject", ph.HEI_TYPE_PLURAL)
    lines += _label_rows("Formats", ph.FORMAT_NAME)
    lines += _label_rows("Degrees and levels, nominative plural", ph.LEVEL_PLURAL)
    lines += _label_rows("Degrees and levels, genitive plural", ph.LEVEL_GENITIVE)
    lines += _label_rows("Change of a share", ph.SHARE_STATE)
    lines += _label_rows("World regions: where to (kk dative, ru в + accusative)", analysis.REGION_TO)
    lines += _label_rows("World regions: where from (kk ablative, ru из + genitive)", analysis.REGION_FROM)
    lines += ["### Change between two periods (one rule, `growth.py`)", "", "| before → after | kk | ru | en |",
              "|---|---|---|---|"]
    report = {"meta": {"period": "2023H1", "compare": "2022H1"}, "periods": {"2023H1": {}}}
    for before, after in GROWTH_EXAMPLES:
        texts = [NoteWriter(report, lang).growth(Growth(before, after).as_dict()) for lang in LANGS]
        lines.append(f"| {before} → {after} | " + " | ".join(_cell(t) for t in texts) + " |")
    return "\n".join(lines) + "\n"
