"""Reading survey responses: a CSV or XLSX export of a form tool (Google Forms, Microsoft Forms,
KoboToolbox, LimeSurvey…), one row per respondent.

A column is an item when its header is the item's id or its text in any language (a form built
from the exported questionnaire needs no mapping), or when a mapping file says so. A mapping is
JSON, ``{"columns": {"Header in the export": "item_id"}, "answers": {"item_id": {"text": "code"}}}``
(``answers`` under ``"likert"`` applies to every Likert item), or a CSV of two columns,
header and item. Columns of no item (a timestamp, an e-mail) are left out with a warning.

Every cell is checked as the register's importer checks its cells, with the same problems and
kk/ru/en messages: an answer outside the Likert scale, an option the item does not have (with
the closest ones suggested), a respondent ID given twice. An empty cell is a missing answer.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from aqyl.domain.errors import AqylError
from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.domain.survey.instrument import Instrument, header_key
from aqyl.importers.readers import RawTable, read_table


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)  # header key → item id
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # item id or "likert" → text key → code


class BadMapping(AqylError):
    def __init__(self, file: str, reason: str) -> None:
        super().__init__("survey_bad_mapping", file=file, reason=reason)


def read_mapping(path: Path | None, instrument: Instrument) -> Mapping:
    if path is None:
        return Mapping()
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise BadMapping(path.name, str(e)) from None
    if path.suffix.lower() == ".json":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as e:
            raise BadMapping(path.name, f"JSON: {e}") from None
        columns, answers = raw.get("columns", {}), raw.get("answers", {})
    else:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ",") if r]
        columns, answers = {r[0]: r[1].strip() for r in rows[1:] if len(r) >= 2}, {}
    known = {i.id for i in instrument.items}
    if wrong := sorted(set(columns.values()) - known):
        raise BadMapping(path.name, f"unknown items {', '.join(wrong)}; the instrument has {', '.join(sorted(known))}")
    if wrong := sorted(set(answers) - known - {"likert"}):
        raise BadMapping(path.name, f"answers for unknown items {', '.join(wrong)}")
    return Mapping({header_key(h): i for h, i in columns.items()},
                   {i: {header_key(t): str(c) for t, c in table.items()} for i, table in answers.items()})


@dataclass
class Responses:
    """Accepted respondents: ``answers[item]`` is a list, one value per respondent: the Likert
    answer as given (1…points, not yet reversed), a choice's code, an identifier, or None."""

    instrument: Instrument
    report: ImportReport
    table: RawTable | None
    rows: list[int]
    answers: dict[str, list]

    @property
    def n(self) -> int:
        return len(self.rows)


def read_responses(path: Path, instrument: Instrument, mapping: Mapping | None = None,
                   accept_valid: bool = False) -> Responses:
    """Read and check a responses file. Raises UnreadableFile when it is no table at all. Rows with
    an error are rejected; without ``accept_valid`` a file with any error gives no respondents."""
    mapping = mapping or Mapping()
    index = instrument.header_index() | mapping.columns
    table = read_table(path, lambda row: sum(1 for h in row if header_key(h) in index))
    report = ImportReport(file=table.name)
    positions: dict[str, list[int]] = {}
    unknown = []
    for at, header in enumerate(table.headers):
        if not str(header).strip():
            continue
        item = index.get(header_key(header))
        if item is None:
            unknown.append(header)
        else:
            positions.setdefault(item, []).append(at)
    if unknown:
        report.add(Problem(table.header_row, "", "", "unknown_columns", "warning", {"headers": unknown[:10]}))
    for item, places in positions.items():
        if len(places) > 1:
            report.add(Problem(table.header_row, "", table.headers[places[1]], "survey_duplicate_item",
                               params={"item": instrument.item(item).text, "headers": [table.headers[p] for p in places]},
                               position=places[1] + table.first_column, header=table.headers[places[1]]))
    likert_found = [i.id for i in instrument.likert if i.id in positions]
    if not likert_found:
        report.add(Problem(table.header_row, "", "", "survey_no_items", params={"instrument": instrument.title}))
    elif missing := [i.id for i in instrument.likert if i.id not in positions]:
        report.add(Problem(table.header_row, "", "", "survey_missing_items", "warning", {"items": missing}))
    if report.errors_total:
        report.rows = table.frame.height
        report.rejected = report.rows
        return Responses(instrument, report, table, [], {})

    frame = table.frame
    columns = {item: frame[f"c{places[0]}"].fill_null("").to_list() for item, places in positions.items()}
    row_numbers = frame["_row"].to_list()
    answers: dict[str, list] = {item: [] for item in positions}
    kept_rows: list[int] = []
    seen_ids: dict[str, int] = {}
    for i, row in enumerate(row_numbers):
        cells = {item: str(values[i]).strip() for item, values in columns.items()}
        if not any(cells.values()):
            continue  # an empty line
        report.rows += 1
        values, bad = {}, False
        for item_id, text in cells.items():
            place = positions[item_id][0]
            value, problem = _read_cell(instrument, mapping, item_id, text)
            if problem is not None:
                report.add(Problem(row, "", text, problem[0], params={"value": text, **problem[1]},
                                   position=place + table.first_column, header=table.headers[place]))
                bad = True
            values[item_id] = value
        respondent = values.get("respondent")
        if respondent:
            if respondent in seen_ids:
                place = positions["respondent"][0]
                report.add(Problem(row, "", respondent, "survey_duplicate_respondent", params={"value": respondent, "first": seen_ids[respondent]},
                                   position=place + table.first_column, header=table.headers[place]))
                bad = True
            else:
                seen_ids[respondent] = row
        if bad:
            report.rejected += 1
            continue
        kept_rows.append(row)
        for item_id, value in values.items():
            answers[item_id].append(value)
    report.valid = len(kept_rows)
    if report.rows == 0:
        report.add(Problem(table.header_row, "", "", "no_rows"))
    if report.errors_total and not accept_valid:
        return Responses(instrument, report, table, [], {})
    for item in instrument.items:
        answers.setdefault(item.id, [None] * len(kept_rows))
    return Responses(instrument, report, table, kept_rows, answers)


def _read_cell(instrument: Instrument, mapping: Mapping, item_id: str, text: str):
    """The cell's value and, when wrong, (message key, parameters)."""
    if not text:
        return None, None
    item = instrument.item(item_id)
    if item.answers is None:
        return text, None
    recoded = mapping.answers.get(item_id, mapping.answers.get("likert", {}) if item.kind == "likert" else {})
    given = recoded.get(header_key(text), text)
    code = item.answers.lookup(given)
    if code is not None:
        return (int(code), None) if item.kind == "likert" else (code, None)
    if item.kind == "likert":
        number = _number(given)
        if number is not None:
            return None, ("survey_out_of_range", {"item": item.text, "points": instrument.points})
        return None, ("survey_unknown_answer", {"item": item.text, "points": instrument.points,
                                                "words": list(instrument.likert_labels)})
    try:
        item.answers.encode(given)
    except AqylError as error:
        return None, ("survey_unknown_option", {"item": item.text, "suggestions": error.params.get("suggestions", [])})
    return None, None  # not reached: lookup failed, so encode raises


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None
